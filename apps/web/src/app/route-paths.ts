/** Every page of the app, by path; `$name` is a parameter. */
export const routePaths = [
  '/',
  '/sign-in',
  '/countries/$code',
  '/account',
  '/admin/users',
  '/admin/users/new',
  '/admin/users/$id',
  '/admin/audit',
  '/capture',
  '/capture/new',
  '/capture/$id',
  '/assessments',
  '/assessments/$id',
  '/assessments/$id/conflicts/$conflictId',
  '/data/imports',
  '/data/imports/$id',
  '/data/exports',
  '/risk',
  '/risk/compare',
  '/risk/$areaCode',
  '/plans',
  '/plans/$id',
  '/decisions',
] as const;

export type RoutePath = (typeof routePaths)[number];
