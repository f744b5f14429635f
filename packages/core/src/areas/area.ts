import { z } from 'zod';
import { m49Groups, type M49GroupCode } from './m49-regions.js';
import { unMemberStates } from './un-member-states.js';

const countryCodes: ReadonlySet<string> = new Set(unMemberStates.map(([code]) => code));

/** A country, by its ISO 3166-1 alpha-3 code. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Expected an ISO 3166-1 alpha-3 code, e.g. AFG')
  .refine((code) => countryCodes.has(code), {
    message: 'Not a UN member or observer state (ISO 3166-1 alpha-3)',
  });
export type CountryCode = z.infer<typeof CountryCode>;

/**
 * A sub-national unit, by its P-code: the country's alpha-2 code followed by digits for each
 * administrative level (`AF01`, `AF0101`), as in the OCHA common operational datasets.
 */
export const PCode = z.string().regex(/^[A-Z]{2}\d{2,12}$/, 'Expected a P-code, e.g. AF01');
export type PCode = z.infer<typeof PCode>;

export const AreaCode = z.union([CountryCode, PCode]);
export type AreaCode = z.infer<typeof AreaCode>;

export const M49Region = z.object({ code: z.string().regex(/^\d{3}$/), name: z.string() });
export type M49Region = z.infer<typeof M49Region>;

export const Country = z.object({
  code: CountryCode,
  alpha2: z.string().regex(/^[A-Z]{2}$/),
  m49: z.string().regex(/^\d{3}$/),
  name: z.string(),
  status: z.enum(['member', 'observer']),
  region: M49Region,
  subRegion: M49Region,
  intermediateRegion: M49Region.optional(),
});
export type Country = z.infer<typeof Country>;

/**
 * An area as stored and served: a country or a sub-national unit, with its parent and the M49
 * groups it belongs to (a sub-national unit inherits its country's).
 */
export const Area = z.object({
  code: AreaCode,
  kind: z.enum(['country', 'subnational']),
  name: z.string().min(1),
  parentCode: AreaCode.nullable(),
  /** 0 for a country, 1 for a first-level unit (province, state …), and so on. */
  adminLevel: z.number().int().min(0).max(5),
  region: M49Region,
  subRegion: M49Region,
  intermediateRegion: M49Region.nullable(),
});
export type Area = z.infer<typeof Area>;

const groupByCode = new Map<string, { code: string; name: string; parent?: string }>(
  m49Groups.map((group) => [group.code, group]),
);

function group(code: string): M49Region {
  const found = groupByCode.get(code);
  if (!found) throw new Error(`Unknown M49 group ${code}`);
  return { code: found.code, name: found.name };
}

/** The M49 chain from region down to `leaf`, e.g. Africa › Sub-Saharan Africa › Eastern Africa. */
function chain(leaf: M49GroupCode): M49Region[] {
  const path: M49Region[] = [];
  let code: string | undefined = leaf;
  while (code) {
    path.unshift(group(code));
    code = groupByCode.get(code)?.parent;
  }
  return path;
}

function toCountry([
  code,
  alpha2,
  m49,
  name,
  leaf,
  status,
]: (typeof unMemberStates)[number]): Country {
  const [region, subRegion, intermediateRegion] = chain(leaf);
  if (!region || !subRegion) throw new Error(`M49 group ${leaf} of ${code} is not below a region`);
  return {
    code,
    alpha2,
    m49,
    name,
    status,
    region,
    subRegion,
    ...(intermediateRegion ? { intermediateRegion } : {}),
  };
}

/** Every UN member and observer state, in the order of the M49 regions. */
export const countries: readonly Country[] = Object.freeze(unMemberStates.map(toCountry));

const countryByCode: ReadonlyMap<string, Country> = new Map(countries.map((c) => [c.code, c]));

export function findCountry(code: string): Country | undefined {
  return countryByCode.get(code);
}

/** The five M49 regions, in their customary order. */
export const m49Regions: readonly M49Region[] = m49Groups
  .filter((g) => !('parent' in g))
  .map((g) => ({ code: g.code, name: g.name }));

const countryByAlpha2: ReadonlyMap<string, Country> = new Map(countries.map((c) => [c.alpha2, c]));

/**
 * The country an area code belongs to: the country itself for an alpha-3 code, or the country
 * whose alpha-2 code starts a P-code. Undefined when no UN member or observer state matches.
 */
export function countryOfArea(code: AreaCode): Country | undefined {
  if (/^[A-Z]{3}$/.test(code)) return countryByCode.get(code);
  if (!PCode.safeParse(code).success) return undefined;
  return countryByAlpha2.get(code.slice(0, 2));
}

/** The `Area` record of a country: level 0, no parent, its M49 groups. */
export function countryArea(country: Country): Area {
  return {
    code: country.code,
    kind: 'country',
    name: country.name,
    parentCode: null,
    adminLevel: 0,
    region: country.region,
    subRegion: country.subRegion,
    intermediateRegion: country.intermediateRegion ?? null,
  };
}

/**
 * A sub-national unit as a country team declares it: its P-code, name, level and parent (the
 * country for a first-level unit, otherwise the unit one level up). It inherits its country's
 * M49 groups; the P-code must start with the country's alpha-2 code, and a parent P-code must
 * be a prefix of the child's, as in the OCHA common operational datasets.
 */
export const SubnationalUnit = z
  .object({
    code: PCode,
    name: z.string().min(1).max(200),
    adminLevel: z.number().int().min(1).max(5),
    parentCode: AreaCode,
  })
  .superRefine((unit, ctx) => {
    const country = countryOfArea(unit.code);
    if (!country) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `No UN member or observer state has the alpha-2 code ${unit.code.slice(0, 2)}`,
      });
      return;
    }
    const parentIsCountry = unit.parentCode === country.code;
    if (unit.adminLevel === 1 && !parentIsCountry) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentCode'],
        message: `A first-level unit's parent is its country, ${country.code}`,
      });
    }
    if (unit.adminLevel > 1 && (parentIsCountry || !unit.code.startsWith(unit.parentCode))) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentCode'],
        message: 'The parent of a unit below level 1 is a unit whose P-code prefixes its own',
      });
    }
  });
export type SubnationalUnit = z.infer<typeof SubnationalUnit>;

/** The `Area` record of a sub-national unit, with its country's M49 groups. */
export function subnationalArea(unit: SubnationalUnit): Area {
  const parsed = SubnationalUnit.parse(unit);
  const country = countryOfArea(parsed.code);
  if (!country) throw new RangeError(`No country for P-code ${parsed.code}`);
  return {
    ...countryArea(country),
    code: parsed.code,
    kind: 'subnational',
    name: parsed.name,
    parentCode: parsed.parentCode,
    adminLevel: parsed.adminLevel,
  };
}
