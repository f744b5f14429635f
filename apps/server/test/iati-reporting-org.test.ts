import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/env.js';
import { demoIatiReportingOrg, iatiReportingOrgOf } from '../src/iati-reporting-org.js';

describe('the publisher of IATI files', () => {
  it('is the configured organisation, of type 40 unless told', () => {
    const config = loadConfig({
      IATI_REPORTING_ORG_REF: 'XM-DAC-41114',
      IATI_REPORTING_ORG_NAME: 'United Nations Development Programme',
    });
    expect(iatiReportingOrgOf(config)).toEqual({
      ref: 'XM-DAC-41114',
      name: 'United Nations Development Programme',
      type: '40',
    });
    expect(
      iatiReportingOrgOf({
        ...config,
        IATI_REPORTING_ORG_TYPE: '10',
      })?.type,
    ).toBe('10');
  });

  it('is the demo’s in demo mode without one, and none in production', () => {
    expect(iatiReportingOrgOf(loadConfig({}))).toEqual(demoIatiReportingOrg);
    expect(iatiReportingOrgOf({ APP_MODE: 'production' })).toBeUndefined();
  });

  it('refuses a malformed identifier or type, and an identifier without a name', () => {
    expect(() => loadConfig({ IATI_REPORTING_ORG_REF: 'UNDP Sudan' })).toThrow(
      /IATI_REPORTING_ORG_REF Expected an IATI organisation identifier/,
    );
    expect(() => loadConfig({ IATI_REPORTING_ORG_TYPE: '99' })).toThrow(/IATI_REPORTING_ORG_TYPE/);
    expect(() => loadConfig({ IATI_REPORTING_ORG_REF: 'XM-DAC-41114' })).toThrow(
      'IATI_REPORTING_ORG_REF and IATI_REPORTING_ORG_NAME must be set together, or neither',
    );
  });
});
