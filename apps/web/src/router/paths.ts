/**
 * Route paths with `$name` parameters (`/assessments/$id`), typed so that a link to a path with
 * parameters does not compile without them.
 */
type ParamNames<P extends string> = P extends `${string}$${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}$${infer Name}`
    ? Name
    : never;

export type ParamsOf<P extends string> = { readonly [K in ParamNames<P>]: string };

export type HasParams<P extends string> = [ParamNames<P>] extends [never] ? false : true;

/** Query values; undefined and empty ones are left out of the address. */
export type SearchValues = Readonly<Record<string, string | number | undefined>>;

export function buildHref(
  pattern: string,
  params: Readonly<Record<string, string>> = {},
  search: SearchValues = {},
): string {
  const path = pattern.replace(/\$([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The path ${pattern} needs ${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The parameters of `pathname` under `pattern`, or null when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = segments(pattern);
  const have = segments(pathname);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    if (part.startsWith('$')) {
      let value: string;
      try {
        value = decodeURIComponent(actual);
      } catch {
        return null;
      }
      if (value === '') return null;
      params[part.slice(1)] = value;
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}
