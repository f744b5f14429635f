import { describe, expect, it } from 'vitest';
import { buildHref, matchPath } from '../src/router/paths.js';

describe('route paths', () => {
  it('matches parameters and decodes them', () => {
    expect(matchPath('/assessments/$id', '/assessments/a%20b')).toEqual({ id: 'a b' });
    expect(
      matchPath('/assessments/$id/conflicts/$conflictId', '/assessments/1/conflicts/2'),
    ).toEqual({ id: '1', conflictId: '2' });
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/capture', '/capture/')).toEqual({});
  });

  it('refuses other shapes, empty and badly encoded parameters', () => {
    expect(matchPath('/assessments/$id', '/assessments')).toBeNull();
    expect(matchPath('/assessments/$id', '/assessments/1/history')).toBeNull();
    expect(matchPath('/admin/users', '/admin/audit')).toBeNull();
    expect(matchPath('/assessments/$id', '/assessments/%E0%A4%A')).toBeNull();
  });

  it('builds addresses with encoded parameters and without empty query values', () => {
    expect(buildHref('/countries/$code', { code: 'SDN' })).toBe('/countries/SDN');
    expect(buildHref('/assessments/$id', { id: 'a/b' })).toBe('/assessments/a%2Fb');
    expect(buildHref('/sign-in', {}, { redirect: '/x?y=1', empty: '', none: undefined })).toBe(
      '/sign-in?redirect=%2Fx%3Fy%3D1',
    );
    expect(() => buildHref('/countries/$code', {})).toThrow(/needs code/);
  });
});
