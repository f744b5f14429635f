import { z } from 'zod';
import { CountryCode } from './areas/area.js';
import { Id } from './id.js';

/** The kinds of actor that take part in a joint assessment or a prevention plan. */
export const OrganisationKind = z.enum([
  'un-entity',
  'government',
  'regional-organisation',
  'international-financial-institution',
  'civil-society',
  'academia',
  'private-sector',
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Organisation = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  acronym: z.string().min(1).max(30).nullable(),
  kind: OrganisationKind,
  /** The country a government or national organisation belongs to; null for international ones. */
  countryCode: CountryCode.nullable(),
});
export type Organisation = z.infer<typeof Organisation>;
