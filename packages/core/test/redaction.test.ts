import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCleared, redactFields, sensitivityLevels, type Sensitivity } from '../src/index.js';

const concern = {
  right: 'life',
  victims: [
    { name: 'Amina K.', sex: 'female', age: 34 },
    { name: 'Yusuf B.', sex: 'male', age: 17 },
  ],
  witness: { name: 'R. S.', phone: '+000 555 0100' },
  location: 'Village X',
};

const fieldSensitivity = {
  'victims[].name': 'strictly-confidential',
  witness: 'strictly-confidential',
  location: 'confidential',
} as const;

describe('redactFields', () => {
  it('withholds every field above the clearance and says so', () => {
    const { value, withheldPaths } = redactFields(concern, fieldSensitivity, 'restricted');
    expect(value).toEqual({
      right: 'life',
      victims: [
        { name: { withheld: true, sensitivity: 'strictly-confidential' }, sex: 'female', age: 34 },
        { name: { withheld: true, sensitivity: 'strictly-confidential' }, sex: 'male', age: 17 },
      ],
      witness: { withheld: true, sensitivity: 'strictly-confidential' },
      location: { withheld: true, sensitivity: 'confidential' },
    });
    expect(withheldPaths.sort()).toEqual([
      'location',
      'victims[0].name',
      'victims[1].name',
      'witness',
    ]);
  });

  it('leaves fields at or below the clearance alone and never changes its input', () => {
    const before = structuredClone(concern);
    const { value, withheldPaths } = redactFields(concern, fieldSensitivity, 'confidential');
    expect(value.location).toBe('Village X');
    expect(withheldPaths.sort()).toEqual(['victims[0].name', 'victims[1].name', 'witness']);
    expect(concern).toEqual(before);
  });

  it('ignores paths that the record does not have', () => {
    expect(
      redactFields({ a: 1 }, { 'b.c': 'strictly-confidential', 'a.b': 'confidential' }, 'public')
        .value,
    ).toEqual({ a: 1 });
  });

  it('never lets a value above the clearance through, whatever the clearance', () => {
    const level = fc.constantFrom(...sensitivityLevels);
    fc.assert(
      fc.property(
        level,
        fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }),
        (clearance: Sensitivity, names) => {
          const record = { people: names.map((name) => ({ name: `SECRET-${name}` })) };
          const { value } = redactFields(
            record,
            { 'people[].name': 'strictly-confidential' },
            clearance,
          );
          const leaked = JSON.stringify(value).includes('SECRET-');
          expect(leaked).toBe(names.length > 0 && isCleared(clearance, 'strictly-confidential'));
        },
      ),
    );
  });
});
