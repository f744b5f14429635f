import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packages as another team gets them: packed with `pnpm pack`, installed with npm into a
 * project outside the workspace (zod comes from the registry), used from plain Node ESM and
 * type-checked by TypeScript. Risk depends on the three pillars (its shipped model is built
 * from them), so all five domain packages are packed; the example uses core, one pillar and
 * risk. Needs the packages built: this package's turbo.json makes `test` depend on `build`.
 */
const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const packages = ['core', 'peace-security', 'development', 'human-rights', 'risk'];
const pnpm = join(workspace, 'node_modules', '.bin', 'pnpm');
const tsc = join(workspace, 'node_modules', 'typescript', 'bin', 'tsc');

let project = '';
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const exampleJs = `
import { findCountry, parseSignal } from '@prevention/core';
import { peaceSecurityPillar, interactionCode } from '@prevention/peace-security';
import { compileModel, informRiskModel, preventionRiskModel } from '@prevention/risk';

const inform = compileModel(informRiskModel).evaluate({
  'hazard-exposure': 8.3, vulnerability: 4.7, 'lack-of-coping-capacity': 3.8,
});
const signal = parseSignal([peaceSecurityPillar], {
  id: '01964f4e-2c4a-7000-8000-000000000001', pillar: 'peace-security', kind: 'tension',
  areaCode: 'KEN', occurredOn: '2026-06-03', title: 'Rallies banned', severity: 4,
  verification: 'verified', source: 'Field team', sensitivity: 'public', fieldSensitivity: {},
  payload: { tensionType: 'political', trend: 'escalating', drivers: ['political-exclusion'],
    groups: [], hateSpeech: false, narrative: 'Opposition rallies banned.', informants: [] },
});
const observations = peaceSecurityPillar.deriveObservations([signal], {
  from: '2026-06', to: '2026-06', populationOf: () => undefined,
});
const prevention = compileModel(preventionRiskModel);
console.log(JSON.stringify({
  country: findCountry('KEN').name,
  informRisk: Number(inform.root.score.toFixed(1)),
  informClass: inform.root.class.id,
  tension: observations.find((o) => o.indicatorCode === 'peace-security.political-tension').value,
  interaction: interactionCode('state-forces', 'civilians'),
  preventionNodes: prevention.size,
}));
`;

const exampleTs = `
import { defineFormSection, field, type Observation } from '@prevention/core';
import { peaceSecurityPillar, type ConflictEvent } from '@prevention/peace-security';
import { compileModel, informRiskModel, type ModelEvaluation } from '@prevention/risk';

const section = defineFormSection({
  id: 'example',
  title: { en: 'Example' },
  fields: { stage: field.singleChoice({ label: { en: 'Stage' }, options: { a: { en: 'A' }, b: { en: 'B' } } }) },
});
const stage: 'a' | 'b' = section.schema.parse({ stage: 'a' }).stage;
const evaluation: ModelEvaluation = compileModel(informRiskModel).evaluate({ drought: 3 });
const observations: Observation[] = peaceSecurityPillar.deriveObservations([], {
  from: '2026-01', to: '2026-01', populationOf: () => undefined,
});
const event: Pick<ConflictEvent, 'subEventType'> = { subEventType: 'Armed clash' };
export { stage, evaluation, observations, event };
`;

describe('the packed packages, installed outside the workspace', () => {
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'prevention-consumer-'));
    const tarballs = join(project, 'tarballs');
    for (const name of packages) {
      const dir = join(workspace, 'packages', name);
      if (!existsSync(join(dir, 'dist', 'index.js')))
        throw new Error(`packages/${name} is not built: run the build first (turbo does)`);
      run(pnpm, ['pack', '--pack-destination', tarballs], dir);
    }
    const dependencies = Object.fromEntries(
      readdirSync(tarballs).map((file) => [
        `@prevention/${file.replace(/^prevention-/, '').replace(/-\d+\.\d+\.\d+\.tgz$/, '')}`,
        `file:./tarballs/${file}`,
      ]),
    );
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2),
    );
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      project,
    );
  }, 240_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('runs an example with plain Node ESM', () => {
    writeFileSync(join(project, 'example.mjs'), exampleJs);
    const output = JSON.parse(run(process.execPath, ['example.mjs'], project)) as Record<
      string,
      unknown
    >;
    expect(output).toMatchObject({
      country: 'Kenya',
      informRisk: 5.3,
      informClass: 'high',
      tension: 8,
      interaction: 17,
    });
    expect(output['preventionNodes']).toBeGreaterThan(60);
  }, 60_000);

  it('type-checks a TypeScript consumer against the published declarations', () => {
    writeFileSync(join(project, 'example.ts'), exampleTs);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['example.ts'],
      }),
    );
    expect(() => run(process.execPath, [tsc, '-p', 'tsconfig.json'], project)).not.toThrow();
  }, 120_000);

  it('installs the prevention-risk command', () => {
    writeFileSync(
      join(project, 'values.csv'),
      'area,hazard-exposure,vulnerability,lack-of-coping-capacity\nPHL,8.3,4.7,3.8\n',
    );
    const bin = join(project, 'node_modules', '.bin', 'prevention-risk');
    const out = run(
      bin,
      ['evaluate', '--model', 'inform', '--input', 'values.csv', '--decimals', '1'],
      project,
    );
    expect(out.split('\n')[1]).toMatch(/^PHL,high,1\.0,5\.3,8\.3,/);
    expect(run(bin, ['--help'], project)).toContain('prevention-risk evaluate');
  }, 60_000);
});
