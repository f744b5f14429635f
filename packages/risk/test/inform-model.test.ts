import { describe, expect, it } from 'vitest';
import { compileModel, informRiskModel } from '../src/index.js';

const inform = compileModel(informRiskModel);

/**
 * The INFORM rules, written out independently of the engine; as INFORM does, every level is
 * rounded (half up) to one decimal before the level above uses it.
 */
const round = (x: number) => Math.round(x * 10 + 1e-9) / 10;
const mean = (...xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
const geometric = (...xs: number[]) => round(xs.reduce((p, x) => p * x, 1) ** (1 / xs.length));
const reverseGeometric = (...xs: number[]) =>
  round((10 * (10 - xs.reduce((p, x) => p * (1 + (9 * (10 - x)) / 10), 1) ** (1 / xs.length))) / 9);

/** Component scores of an imaginary country, as INFORM publishes them (0–10, one decimal). */
const components = {
  earthquake: 6.1,
  flood: 7.4,
  tsunami: 3.2,
  'tropical-cyclone': 5.9,
  drought: 3.0,
  'projected-conflict-risk': 8.2,
  'current-conflict-intensity': 0,
  'development-deprivation': 5.1,
  inequality: 4.6,
  'aid-dependency': 2.9,
  'uprooted-people': 6.8,
  'health-conditions': 2.4,
  'children-under-5': 3.3,
  'recent-shocks': 4.1,
  'food-security': 3.8,
  'disaster-risk-reduction': 3.9,
  governance: 5.6,
  communication: 3.6,
  'physical-infrastructure': 4.5,
  'access-to-health-care': 4.8,
};

describe('the INFORM Risk Index model', () => {
  it('has the structure of the mid-2018 release: 3 dimensions, 6 categories, 20 components', () => {
    const root = informRiskModel.root;
    expect(root.kind === 'aggregate' && root.children.map((c) => c.id)).toEqual([
      'hazard-exposure',
      'vulnerability',
      'lack-of-coping-capacity',
    ]);
    expect(inform.nodes.filter((n) => n.kind === 'indicator')).toHaveLength(20);
    const natural = inform.nodes.find((n) => n.id === 'natural');
    expect(natural?.kind === 'aggregate' && natural.children.map((c) => c.id)).toEqual([
      'earthquake',
      'flood',
      'tsunami',
      'tropical-cyclone',
      'drought',
    ]);
  });

  it('reproduces every level from the components, as computed by hand from the rules', () => {
    const c = components;
    const natural = reverseGeometric(
      c.earthquake,
      c.flood,
      c.tsunami,
      c['tropical-cyclone'],
      c.drought,
    );
    const human = round(
      Math.max(c['current-conflict-intensity'], 0.7 * c['projected-conflict-risk']),
    );
    const hazard = reverseGeometric(natural, human);
    const socioEconomic = round(
      (2 * c['development-deprivation'] + c.inequality + c['aid-dependency']) / 4,
    );
    const other = reverseGeometric(
      c['health-conditions'],
      c['children-under-5'],
      c['recent-shocks'],
      c['food-security'],
    );
    const groups = reverseGeometric(c['uprooted-people'], other);
    const vulnerability = reverseGeometric(socioEconomic, groups);
    const institutional = mean(c['disaster-risk-reduction'], c.governance);
    const infrastructure = mean(
      c.communication,
      c['physical-infrastructure'],
      c['access-to-health-care'],
    );
    const coping = reverseGeometric(institutional, infrastructure);
    const risk = geometric(hazard, vulnerability, coping);

    const { nodes, root } = inform.evaluate(components);
    const expected: Record<string, number> = {
      natural,
      human,
      'hazard-exposure': hazard,
      'socio-economic-vulnerability': socioEconomic,
      'other-vulnerable-groups': other,
      'vulnerable-groups': groups,
      vulnerability,
      institutional,
      infrastructure,
      'lack-of-coping-capacity': coping,
      'inform-risk': risk,
    };
    for (const [id, value] of Object.entries(expected))
      expect(nodes[id]?.score, id).toBeCloseTo(value, 10);
    expect(root.completeness).toBe(1);
    expect(root.class?.id).toBe(risk >= 6.5 ? 'very-high' : risk >= 5 ? 'high' : 'medium');
  });

  it('counts projected conflict risk at 0.7 unless the current conflict is more intense', () => {
    const human = (projected: number, current: number) =>
      inform.evaluate({
        'projected-conflict-risk': projected,
        'current-conflict-intensity': current,
      }).nodes['human']?.score;
    expect(human(10, 0)).toBe(7);
    expect(human(10, 9)).toBe(9);
    expect(human(8.2, 0)).toBe(5.7); // 5.74, rounded
  });

  it('reproduces a published risk score and class from published dimension scores', () => {
    // Philippines, INFORM Risk Mid 2026: hazard & exposure 8.3, vulnerability 4.7, lack of
    // coping capacity 3.8, INFORM risk 5.3 (as quoted from the INFORM API, workflow 515). The
    // risk is the same geometric mean of the dimensions in that release as in mid-2018.
    const { root } = inform.evaluate({
      'hazard-exposure': 8.3,
      vulnerability: 4.7,
      'lack-of-coping-capacity': 3.8,
    });
    expect(root.score).toBe(5.3);
    expect(root.class?.id).toBe('high');
  });

  it('lets one severe hazard dominate where an average would dilute it', () => {
    const calm = { flood: 0, tsunami: 0, 'tropical-cyclone': 0, drought: 0 };
    const { nodes } = inform.evaluate({ earthquake: 10, ...calm });
    // An arithmetic mean would give 10/5 = 2; INFORM's operator gives 10·(10 − 10^(4/5))/9 ≈ 4.10.
    expect(nodes['natural']?.score).toBe(4.1);
  });
});
