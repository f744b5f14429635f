/**
 * The UN M49 geographic regions (Standard country or area codes for statistical use), as
 * region → sub-region → intermediate region. Codes are the three-digit M49 codes.
 */
export interface M49Group {
  code: string;
  name: string;
  /** The enclosing group, absent for the five regions. */
  parent?: string;
}

export const m49Groups = [
  { code: '002', name: 'Africa' },
  { code: '015', name: 'Northern Africa', parent: '002' },
  { code: '202', name: 'Sub-Saharan Africa', parent: '002' },
  { code: '014', name: 'Eastern Africa', parent: '202' },
  { code: '017', name: 'Middle Africa', parent: '202' },
  { code: '018', name: 'Southern Africa', parent: '202' },
  { code: '011', name: 'Western Africa', parent: '202' },
  { code: '019', name: 'Americas' },
  { code: '419', name: 'Latin America and the Caribbean', parent: '019' },
  { code: '029', name: 'Caribbean', parent: '419' },
  { code: '013', name: 'Central America', parent: '419' },
  { code: '005', name: 'South America', parent: '419' },
  { code: '021', name: 'Northern America', parent: '019' },
  { code: '142', name: 'Asia' },
  { code: '143', name: 'Central Asia', parent: '142' },
  { code: '030', name: 'Eastern Asia', parent: '142' },
  { code: '035', name: 'South-eastern Asia', parent: '142' },
  { code: '034', name: 'Southern Asia', parent: '142' },
  { code: '145', name: 'Western Asia', parent: '142' },
  { code: '150', name: 'Europe' },
  { code: '151', name: 'Eastern Europe', parent: '150' },
  { code: '154', name: 'Northern Europe', parent: '150' },
  { code: '039', name: 'Southern Europe', parent: '150' },
  { code: '155', name: 'Western Europe', parent: '150' },
  { code: '009', name: 'Oceania' },
  { code: '053', name: 'Australia and New Zealand', parent: '009' },
  { code: '054', name: 'Melanesia', parent: '009' },
  { code: '057', name: 'Micronesia', parent: '009' },
  { code: '061', name: 'Polynesia', parent: '009' },
] as const satisfies readonly M49Group[];

export type M49GroupCode = (typeof m49Groups)[number]['code'];
