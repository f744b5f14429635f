/**
 * The demo's focus countries with their first-level units (the same names and demo P-codes as
 * the database's demo data: alpha-2 code and the unit's 2-digit position) and a rough
 * bounding box for coordinates. Places inside a box are not meant to be geographically right.
 */
export interface SyntheticCountry {
  code: string;
  alpha2: string;
  admin1: readonly string[];
  latitude: readonly [number, number];
  longitude: readonly [number, number];
  /** Relative number of events a year, so that proportions between countries look plausible. */
  activity: number;
}

export const syntheticCountries: readonly SyntheticCountry[] = [
  {
    code: 'SDN',
    alpha2: 'SD',
    admin1: [
      'Khartoum',
      'North Darfur',
      'South Darfur',
      'West Darfur',
      'Central Darfur',
      'East Darfur',
      'North Kordofan',
      'South Kordofan',
      'West Kordofan',
      'Blue Nile',
      'White Nile',
      'Gezira',
      'Sennar',
      'Kassala',
      'Gedaref',
      'Red Sea',
      'River Nile',
      'Northern',
    ],
    latitude: [9.5, 21.5],
    longitude: [22.5, 37.5],
    activity: 5,
  },
  {
    code: 'SSD',
    alpha2: 'SS',
    admin1: [
      'Central Equatoria',
      'Eastern Equatoria',
      'Western Equatoria',
      'Jonglei',
      'Unity',
      'Upper Nile',
      'Lakes',
      'Warrap',
      'Northern Bahr el Ghazal',
      'Western Bahr el Ghazal',
    ],
    latitude: [4, 12],
    longitude: [24.5, 35],
    activity: 2,
  },
  {
    code: 'MLI',
    alpha2: 'ML',
    admin1: [
      'Bamako',
      'Kayes',
      'Koulikoro',
      'Sikasso',
      'Ségou',
      'Mopti',
      'Tombouctou',
      'Gao',
      'Kidal',
      'Ménaka',
      'Taoudénit',
    ],
    latitude: [11, 24],
    longitude: [-11.5, 4],
    activity: 2,
  },
  {
    code: 'HTI',
    alpha2: 'HT',
    admin1: [
      'Ouest',
      'Sud-Est',
      'Nord',
      'Nord-Est',
      'Artibonite',
      'Centre',
      'Sud',
      "Grand'Anse",
      'Nord-Ouest',
      'Nippes',
    ],
    latitude: [18.1, 19.9],
    longitude: [-74.4, -71.7],
    activity: 1.5,
  },
  {
    code: 'MMR',
    alpha2: 'MM',
    admin1: [
      'Kachin',
      'Kayah',
      'Kayin',
      'Chin',
      'Sagaing',
      'Tanintharyi',
      'Bago',
      'Magway',
      'Mandalay',
      'Mon',
      'Rakhine',
      'Yangon',
      'Shan',
      'Ayeyarwady',
      'Nay Pyi Taw',
    ],
    latitude: [10, 28],
    longitude: [92.5, 101],
    activity: 6,
  },
];

export function syntheticCountry(code: string): SyntheticCountry {
  const found = syntheticCountries.find((c) => c.code === code);
  if (!found)
    throw new RangeError(
      `No synthetic data for ${code}; the demo countries are ${syntheticCountries.map((c) => c.code).join(', ')}`,
    );
  return found;
}

/** The demo P-code of a country's n-th (0-based) first-level unit. */
export function demoPCode(country: SyntheticCountry, index: number): string {
  return `${country.alpha2}${String(index + 1).padStart(2, '0')}`;
}
