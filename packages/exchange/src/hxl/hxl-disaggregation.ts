import type { AgeGroup, Sex } from '@prevention/core';

export interface AttributeDisaggregation {
  sex?: Sex;
  age?: AgeGroup;
  /** Why the attributes cannot be turned into the platform's sex and age groups. */
  problem?: string;
}

const ageWords: Record<string, AgeGroup> = {
  infants: 'child',
  children: 'child',
  adolescents: 'child',
  adults: 'adult',
  elderly: 'older',
};

/** The HXL attributes that say sex or age, which a mapping pattern leaves out. */
export function isDisaggregationAttribute(attribute: string): boolean {
  return (
    attribute === 'f' || attribute === 'm' || attribute in ageWords || /^age\d/.test(attribute)
  );
}

/**
 * Sex and age from a column's attributes. Age ranges must fall within one of the platform's
 * groups (children 0–17, adults 18–59, older persons 60+): `+age15_24` cannot be placed.
 */
export function disaggregationOfAttributes(attributes: readonly string[]): AttributeDisaggregation {
  const result: AttributeDisaggregation = {};
  const female = attributes.includes('f');
  const male = attributes.includes('m');
  if (female && male) return { problem: 'has both +f and +m' };
  if (female) result.sex = 'female';
  if (male) result.sex = 'male';
  const ages = new Set<AgeGroup>();
  for (const attribute of attributes) {
    const word = ageWords[attribute];
    if (word) ages.add(word);
    const range = /^age(\d+)(?:_(\d+)|_?plus)$/.exec(attribute);
    if (/^age\d/.test(attribute)) {
      if (!range) return { problem: `+${attribute} is not an age range such as +age18_59` };
      const from = Number(range[1]);
      const to = range[2] === undefined ? Infinity : Number(range[2]);
      const group: AgeGroup | undefined =
        to <= 17 ? 'child' : from >= 18 && to <= 59 ? 'adult' : from >= 60 ? 'older' : undefined;
      if (!group) return { problem: `+${attribute} straddles the age groups 0–17, 18–59 and 60+` };
      ages.add(group);
    }
  }
  if (ages.size > 1) return { problem: 'names more than one age group' };
  const [age] = ages;
  if (age) result.age = age;
  return result;
}
