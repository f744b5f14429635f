import { nodesOf, parseSignal, redactFields, type FieldSensitivity } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { humanRightsPillar, Recommendation, treatyBodies, Violation } from '../src/index.js';
import { signal, violation } from './factories.js';

const underPayload = (map: FieldSensitivity): FieldSensitivity =>
  Object.fromEntries(Object.entries(map).map(([path, level]) => [`payload.${path}`, level]));

describe('the human rights pillar', () => {
  it('keeps the identities of victims and witnesses strictly confidential by default', () => {
    const reported = signal(
      'violation',
      violation({
        victims: [{ name: 'A. B.', sex: 'female', age: 34 }],
        witnesses: [{ name: 'C. D.', sex: 'male' }],
        perpetrator: 'Captain X',
      }),
    );
    const parsed = parseSignal([humanRightsPillar], reported);
    expect(parsed.fieldSensitivity).toEqual({
      victims: 'strictly-confidential',
      witnesses: 'strictly-confidential',
      perpetrator: 'strictly-confidential',
    });
    const { value, withheldPaths } = redactFields(
      parsed,
      underPayload(parsed.fieldSensitivity),
      'confidential',
    );
    expect(withheldPaths.sort()).toEqual([
      'payload.perpetrator',
      'payload.victims',
      'payload.witnesses',
    ]);
    expect(value.payload['rightsAffected']).toEqual(['liberty-and-security']);
    expect(parsed.sensitivity).toBe('confidential');
  });

  it('refuses more named victims than counted', () => {
    const victims = Array.from({ length: 4 }, () => ({ name: 'X', sex: 'male' as const }));
    expect(Violation.safeParse(violation({ victims })).success).toBe(false);
  });

  it('tells UPR recommendations from treaty-body ones', () => {
    const upr = {
      mechanism: 'upr',
      cycle: 4,
      recommendingState: 'NOR',
      response: 'supported',
      reference: 'A/HRC/00/0 para 1',
      text: 'Ratify the Convention for the Protection of All Persons from Enforced Disappearance.',
      rightsConcerned: ['liberty-and-security'],
      sdgTargets: ['16.3'],
      implementation: 'not-implemented',
    };
    expect(Recommendation.safeParse(upr).success).toBe(true);
    expect(Recommendation.safeParse({ ...upr, response: 'accepted' }).success).toBe(false);
    expect(Recommendation.safeParse({ ...upr, recommendingState: 'XYZ' }).success).toBe(false);
    const { cycle: _c, recommendingState: _r, response: _s, ...common } = upr;
    expect(
      Recommendation.safeParse({ ...common, mechanism: 'treaty-body', treatyBody: 'CEDAW' })
        .success,
    ).toBe(true);
    expect(
      Recommendation.safeParse({
        ...common,
        mechanism: 'treaty-body',
        treatyBody: 'CEDAW',
        response: 'noted',
      }).success,
    ).toBe(false);
    expect(Object.keys(treatyBodies)).toHaveLength(10);
  });

  it('has an assessment section whose case names are strictly confidential', () => {
    expect(humanRightsPillar.assessmentSection.metadata.sensitivity).toBe('confidential');
    expect(humanRightsPillar.assessmentSection.fieldSensitivity).toEqual({
      'cases[].victimNames': 'strictly-confidential',
      'cases[].witnessNames': 'strictly-confidential',
    });
  });

  it('contributes a risk subtree over its own indicators', () => {
    const leaves = nodesOf(humanRightsPillar.riskModel).filter((n) => n.kind === 'indicator');
    expect(leaves.length).toBeGreaterThanOrEqual(18);
  });
});
