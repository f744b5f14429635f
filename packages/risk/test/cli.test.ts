import { describe, expect, it } from 'vitest';
import { helpText, runCli, type CliIo } from '../src/cli/run.js';

/** An in-memory file system and terminal. */
function memoryIo(files: Record<string, string> = {}) {
  const written: Record<string, string> = {};
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT ${path}`);
      return content;
    },
    writeFile: async (path, content) => {
      written[path] = content;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  };
  return { io, written, out: () => stdout, err: () => stderr };
}

const reverseGeometric = (...xs: number[]) =>
  (10 * (10 - xs.reduce((p, x) => p * (1 + (9 * (10 - x)) / 10), 1) ** (1 / xs.length))) / 9;
/** The INFORM model rounds every score to one decimal before the level above uses it. */
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split('\n');
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

describe('prevention-risk evaluate', () => {
  it('reproduces a hand-computed example on the INFORM model', async () => {
    const exported = memoryIo();
    expect(await runCli(['model', 'inform'], exported.io)).toBe(0);
    const t = memoryIo({
      'inform.json': exported.out(),
      'values.csv':
        'area,hazard-exposure,vulnerability,institutional,infrastructure\nAAA,8.3,4.7,3.0,4.6\nBBB,1,1,1,1\n',
    });
    expect(
      await runCli(
        [
          'evaluate',
          '--model',
          'inform.json',
          '--input',
          'values.csv',
          '--output',
          'scores.csv',
          '--decimals',
          '4',
        ],
        t.io,
      ),
    ).toBe(0);
    const [a, b] = rows(t.written['scores.csv'] ?? '');
    const coping = oneDecimal(reverseGeometric(3.0, 4.6)); // 3.84
    expect(a?.['lack-of-coping-capacity']).toBe(coping.toFixed(4));
    expect(a?.['inform-risk']).toBe(oneDecimal(Math.cbrt(8.3 * 4.7 * coping)).toFixed(4));
    expect(a?.['class']).toBe('high');
    expect(a?.['completeness']).toBe('1.0000');
    expect(a?.['natural']).toBe('');
    expect(b?.['class']).toBe('very-low');
  });

  it('reproduces a hand-computed example on the prevention model', async () => {
    const t = memoryIo({
      'values.csv': [
        'area,peace-security.violence,peace-security.unrest,peace-security.escalation,peace-security.tension,peace-security.conflict-management,development,human-rights',
        'KEN,9,3,6,4,2,4,6',
      ].join('\n'),
    });
    expect(
      await runCli(
        ['evaluate', '--model', 'prevention', '--input', 'values.csv', '--format', 'long'],
        t.io,
      ),
    ).toBe(0);
    const scores = Object.fromEntries(rows(t.out()).map((r) => [r['node'], r]));
    const peace = (3 * 9 + 3 + 2 * 6 + 2 * 4 + 2) / 9; // the pillar's weighted mean
    expect(Number(scores['peace-security']?.['score'])).toBeCloseTo(peace, 3);
    expect(Number(scores['prevention-risk']?.['score'])).toBeCloseTo(
      reverseGeometric(peace, 4, 6),
      3,
    );
    expect(scores['prevention-risk']?.['origin']).toBe('computed');
    expect(scores['development']?.['origin']).toBe('input');
    expect(scores['development.hazards']?.['origin']).toBe('missing');
  });

  it('names the row and column of every bad value and writes nothing', async () => {
    const t = memoryIo({
      'values.csv':
        'area,hazard-exposure,vulnerability,poverty\nAAA,high,4,1\nBBB,12,-1,\nAAA,1,1,\n',
    });
    expect(
      await runCli(
        ['evaluate', '--model', 'inform', '--input', 'values.csv', '--output', 'out.csv'],
        t.io,
      ),
    ).toBe(1);
    expect(t.written).toEqual({});
    expect(t.err()).toContain('row 1, column poverty: No node "poverty"');
    expect(t.err()).toContain('row 2, column hazard-exposure: "high" is not a number');
    expect(t.err()).toContain('row 3, column hazard-exposure: 12 is out of range (0–10)');
    expect(t.err()).toContain('row 3, column vulnerability: -1 is out of range (0–10)');
    expect(t.err()).toContain('row 4, column area: Area AAA appears twice');
    expect(t.err()).toContain('Nothing was written.');
  });

  it('refuses a model file that is not a valid model, naming the problem', async () => {
    const t = memoryIo({
      'm.json': '{"id":"x","version":"1"}',
      'bad.json': '{oops',
      'v.csv': 'area\nA\n',
    });
    expect(await runCli(['evaluate', '--model', 'm.json', '--input', 'v.csv'], t.io)).toBe(1);
    expect(t.err()).toMatch(/not valid[\s\S]*root/);
    expect(await runCli(['evaluate', '--model', 'bad.json', '--input', 'v.csv'], t.io)).toBe(1);
    expect(t.err()).toMatch(/bad.json is not JSON/);
  });

  it('documents the file formats and rejects wrong usage', async () => {
    const t = memoryIo();
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.out()).toBe(helpText);
    expect(helpText).toMatch(/The input \(--input\)[\s\S]*The output/);
    expect(await runCli(['evaluate', '--model', 'inform'], t.io)).toBe(2);
    expect(
      await runCli(['evaluate', '--model', 'inform', '--input', 'x.csv', '--colour', 'red'], t.io),
    ).toBe(2);
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.err()).toMatch(/--help/);
  });

  it('prints an input template for a model', async () => {
    const t = memoryIo();
    expect(await runCli(['template', 'inform'], t.io)).toBe(0);
    expect(t.out().split(',')).toHaveLength(1 + 20); // area, then the 20 components
  });
});
