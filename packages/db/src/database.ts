import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';

/**
 * The database, table by table. Columns are snake_case as PostgreSQL prefers; repositories map
 * rows to the camelCase domain objects of the domain packages, so no row type leaks past them.
 */
export interface Database {
  area: AreaTable;
  organisation: OrganisationTable;
  seed_run: SeedRunTable;
}

/** A connection to the database, or a transaction on it: what every repository function takes first. */
export type DatabaseClient = Kysely<Database>;

/** Reference data: countries (ISO 3166-1 alpha-3) and sub-national units (P-codes). */
export interface AreaTable {
  code: string;
  kind: 'country' | 'subnational';
  name: string;
  parent_code: string | null;
  /** 0 for a country, 1 for a first-level unit (province, state …), and so on. */
  admin_level: number;
  alpha2: string | null;
  m49: string | null;
  un_status: 'member' | 'observer' | null;
  region_code: string;
  region_name: string;
  sub_region_code: string;
  sub_region_name: string;
  intermediate_region_code: string | null;
  intermediate_region_name: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
export type AreaRow = Selectable<AreaTable>;
export type NewAreaRow = Insertable<AreaTable>;

export interface OrganisationTable {
  id: string;
  name: string;
  acronym: string | null;
  kind:
    | 'un-entity'
    | 'government'
    | 'regional-organisation'
    | 'international-financial-institution'
    | 'civil-society'
    | 'academia'
    | 'private-sector';
  country_code: string | null;
  created_at: Generated<Date>;
}
export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;

/** Which deterministic data sets (demo data) have been loaded, so a restart does not reload them. */
export interface SeedRunTable {
  name: string;
  seed: number;
  applied_at: Generated<Date>;
}
