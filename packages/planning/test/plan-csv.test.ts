import { describe, expect, it } from 'vitest';
import { planCsvColumns, planCsvLines } from '../src/index.js';
import { action, actionId, outcomeId } from './factories.js';
import { government, handMadePlan, ohchr, undp } from './hand-made-plan.js';

const names = new Map([
  [undp, 'UNDP'],
  [government, 'Government of Sudan, "Ministry of Justice"'],
  [ohchr, '=OHCHR'],
]);

describe('the plan as CSV', () => {
  const lines = planCsvLines(handMadePlan, { organisationName: (id) => names.get(id) ?? id });

  it('writes a header, a row per action and a row per outcome given money directly', () => {
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[0]).toBe(`${planCsvColumns.join(',')}\r\n`);
    expect(lines.every((line) => line.endsWith('\r\n'))).toBe(true);
  });

  it('writes each action with its money in US dollars', () => {
    // A1: required 150,000.00; committed 104,000.00; disbursed 44,000.00.
    expect(lines[1]).toBe(
      `action,${actionId(1)},Local peace committees,${outcomeId(1)},peace-security,prevention,UNDP,` +
        '2,Implementation,1,1,2026-01-01,2027-12-31,' +
        '150000.00,0.00,104000.00,44000.00,46000.00,106000.00\r\n',
    );
    // F5 went to O2 directly: 9,999.99 committed, nothing required.
    expect(lines[4]).toContain(',0.00,0.00,9999.99,0.00,-9999.99,0.00\r\n');
  });

  it('quotes per RFC 4180 and guards cells a spreadsheet would run as formulas', () => {
    expect(lines[2]).toContain(',"Government of Sudan, ""Ministry of Justice""",');
    expect(lines[3]).toContain(",'=OHCHR,");
  });

  it('adds up to the plan’s committed total', () => {
    const committed = planCsvColumns.indexOf('committed_usd');
    const sum = lines
      .slice(1)
      .map(
        (line) =>
          line
            .trimEnd()
            .split(',')
            .at(committed - planCsvColumns.length) ?? '0',
      )
      .reduce((total, cell) => total + Math.round(Number(cell) * 100), 0);
    expect(sum).toBe(12_737_899);
  });

  it('writes an action without money as zeros', () => {
    const [, row] = planCsvLines({ ...handMadePlan, actions: [action()], flows: [] });
    expect(row).toContain(',0.00,0.00,0.00,0.00,0.00,0.00\r\n');
  });
});
