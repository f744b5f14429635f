/**
 * First-level administrative units of the demo's focus countries. The names are the real
 * states, regions and departments; the P-codes are numbered in this list's order for the demo
 * and are not the official OCHA COD P-codes.
 */
export const demoAdmin1: Readonly<Record<string, readonly string[]>> = {
  SDN: [
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
  SSD: [
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
  MLI: [
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
  HTI: [
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
  MMR: [
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
};

export const demoFocusCountries = Object.keys(demoAdmin1);

/** International organisations that appear across the demo's country teams. */
export const demoInternationalOrganisations = [
  ['United Nations Development Programme', 'UNDP', 'un-entity'],
  ['Office of the United Nations High Commissioner for Human Rights', 'OHCHR', 'un-entity'],
  ['Department of Political and Peacebuilding Affairs', 'DPPA', 'un-entity'],
  ['Department of Peace Operations', 'DPO', 'un-entity'],
  ['Peacebuilding Support Office', 'PBSO', 'un-entity'],
  ['Office for the Coordination of Humanitarian Affairs', 'OCHA', 'un-entity'],
  ["United Nations Children's Fund", 'UNICEF', 'un-entity'],
  ['World Food Programme', 'WFP', 'un-entity'],
  ['Office of the United Nations High Commissioner for Refugees', 'UNHCR', 'un-entity'],
  ['International Organization for Migration', 'IOM', 'un-entity'],
  ['UN Women', 'UN Women', 'un-entity'],
  ['Food and Agriculture Organization of the United Nations', 'FAO', 'un-entity'],
  ['United Nations Population Fund', 'UNFPA', 'un-entity'],
  ['African Union', 'AU', 'regional-organisation'],
  ['Economic Community of West African States', 'ECOWAS', 'regional-organisation'],
  ['Intergovernmental Authority on Development', 'IGAD', 'regional-organisation'],
  ['Association of Southeast Asian Nations', 'ASEAN', 'regional-organisation'],
  ['Caribbean Community', 'CARICOM', 'regional-organisation'],
  ['World Bank', 'WB', 'international-financial-institution'],
  ['International Monetary Fund', 'IMF', 'international-financial-institution'],
  ['African Development Bank', 'AfDB', 'international-financial-institution'],
] as const;

/**
 * Funders of the demo's plans besides the organisations above: a regional body, a pooled fund
 * and five donor governments (by country code). Later than the first demo organisations in the
 * generator's order, so that those keep the ids they had.
 */
export const demoFunders = [
  ['European Union', 'EU', 'regional-organisation', null],
  ['Peacebuilding Fund', 'PBF', 'un-entity', null],
  ['Government of Norway', null, 'government', 'NOR'],
  ['Government of Sweden', null, 'government', 'SWE'],
  ['Government of Germany', null, 'government', 'DEU'],
  ['Government of the United Kingdom', null, 'government', 'GBR'],
  ['Government of Switzerland', null, 'government', 'CHE'],
] as const;

/** Parts of made-up national organisation names; the demo never names a real local group. */
export const demoCivilSocietyNames = {
  first: ['Women', 'Youth', 'Citizens', 'Farmers', 'Lawyers', 'Elders', 'Teachers', 'Journalists'],
  second: ['for Peace', 'for Justice', 'Network', 'Alliance', 'Forum', 'Initiative', 'Collective'],
  academia: [
    'Institute for Peace Studies',
    'Centre for Development Research',
    'Human Rights Law Clinic',
  ],
  privateSector: ['Business Council for Peace', 'Agribusiness Association', 'Employers Forum'],
} as const;
