/** Every page of the app, by path; `$name` is a parameter. */
export const routePaths = [
  '/',
  '/sign-in',
  '/countries/$code',
  '/account',
  '/admin/users',
  '/admin/users/new',
  '/admin/users/$id',
  '/admin/audit',
] as const;

export type RoutePath = (typeof routePaths)[number];
