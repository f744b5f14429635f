import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Actor,
  countries,
  CountryScope,
  countryCodeOfArea,
  hasAnyRole,
  isCountryInScope,
  mayView,
  requiresSecondFactor,
  roles,
  sensitivityLevels,
  sensitivityRank,
} from '../src/index.js';

describe('country scopes', () => {
  it('puts every country in a global scope', () => {
    for (const country of countries) {
      expect(isCountryInScope({ kind: 'global' }, country.code)).toBe(true);
    }
  });

  it('puts only the listed countries in a country scope', () => {
    const scope = { kind: 'countries', countries: ['SDN', 'MLI'] } as const;
    expect(isCountryInScope(scope, 'SDN')).toBe(true);
    expect(isCountryInScope(scope, 'MLI')).toBe(true);
    expect(isCountryInScope(scope, 'SSD')).toBe(false);
  });

  it('refuses an empty country list, an unknown country and a country listed twice', () => {
    expect(CountryScope.safeParse({ kind: 'countries', countries: [] }).success).toBe(false);
    expect(CountryScope.safeParse({ kind: 'countries', countries: ['XXX'] }).success).toBe(false);
    expect(CountryScope.safeParse({ kind: 'countries', countries: ['SDN', 'SDN'] }).success).toBe(
      false,
    );
  });
});

describe('actors', () => {
  const actor = {
    userId: '01932b6e-8f3a-7c00-8000-000000000001',
    roles: ['reviewer'],
    scope: { kind: 'global' },
    clearance: 'restricted',
  } as const;

  it('accepts an actor with at least one role, once each', () => {
    expect(Actor.safeParse(actor).success).toBe(true);
    expect(Actor.safeParse({ ...actor, roles: [] }).success).toBe(false);
    expect(Actor.safeParse({ ...actor, roles: ['reviewer', 'reviewer'] }).success).toBe(false);
    expect(Actor.safeParse({ ...actor, roles: ['superuser'] }).success).toBe(false);
  });

  it('knows whether an actor holds one of the wanted roles', () => {
    expect(hasAnyRole(actor, ['reviewer', 'partner'])).toBe(true);
    expect(hasAnyRole(actor, ['administrator'])).toBe(false);
    expect(hasAnyRole(actor, [])).toBe(false);
    expect(roles).toHaveLength(6);
  });

  it('lets an actor view exactly the levels at or below their clearance', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sensitivityLevels),
        fc.constantFrom(...sensitivityLevels),
        (clearance, level) =>
          mayView({ clearance }, level) === sensitivityRank(level) <= sensitivityRank(clearance),
      ),
    );
  });

  it('requires a second factor for confidential clearance and above', () => {
    expect(sensitivityLevels.map(requiresSecondFactor)).toEqual([false, false, true, true]);
  });
});

describe('countryCodeOfArea', () => {
  it('finds the country of a country and of a P-code', () => {
    expect(countryCodeOfArea('SDN')).toBe('SDN');
    expect(countryCodeOfArea('SD01')).toBe('SDN');
    expect(countryCodeOfArea('ML0101')).toBe('MLI');
  });

  it('finds no country for codes that name none', () => {
    expect(countryCodeOfArea('XXX')).toBeUndefined();
    expect(countryCodeOfArea('ZZ01')).toBeUndefined();
    expect(countryCodeOfArea('sd01')).toBeUndefined();
    expect(countryCodeOfArea('')).toBeUndefined();
  });
});
