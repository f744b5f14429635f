import type { IatiReportingOrg } from '@prevention/planning';
import type { Config } from './env.js';

export type IatiReportingConfig = Pick<Config, 'APP_MODE'> &
  Partial<
    Pick<Config, 'IATI_REPORTING_ORG_REF' | 'IATI_REPORTING_ORG_NAME' | 'IATI_REPORTING_ORG_TYPE'>
  >;

/**
 * Demo mode's publisher of IATI files. Its identifier is under no registration agency, so a demo
 * file can never pass for one a real organisation published: IATI identifiers, once published,
 * must never change.
 */
export const demoIatiReportingOrg: IatiReportingOrg = {
  ref: 'XX-DEMO-PREVENTION',
  type: '40',
  name: 'Integrated Prevention Platform (demo data)',
};

/**
 * Who publishes the IATI export of plans: the configured organisation; in demo mode, without
 * one, the demo's. Production without one has none, and the IATI export is refused until it
 * is set (the CSV export needs none).
 */
export function iatiReportingOrgOf(config: IatiReportingConfig): IatiReportingOrg | undefined {
  const { IATI_REPORTING_ORG_REF: ref, IATI_REPORTING_ORG_NAME: name } = config;
  if (ref !== undefined && name !== undefined)
    return { ref, name, type: config.IATI_REPORTING_ORG_TYPE ?? '40' };
  return config.APP_MODE === 'demo' ? demoIatiReportingOrg : undefined;
}
