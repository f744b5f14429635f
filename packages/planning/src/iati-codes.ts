import type { Organisation } from '@prevention/core';
import { z } from 'zod';
import type { ActivityStatus, FlowStatus, Marker } from './codes.js';
import type { PlanStatus } from './plan.js';

/*
 * How the plan's words become IATI 2.03 codes. The code lists are the standard's (STACK.md
 * "Field formats"); where the plan has no IATI counterpart the choice is written beside it, and
 * in the package README.
 */

/** IATI OrganisationType, the codes an export writes. */
export const iatiOrganisationTypes = {
  '10': 'Government',
  '11': 'Local Government',
  '15': 'Other Public Sector',
  '21': 'International NGO',
  '22': 'National NGO',
  '23': 'Regional NGO',
  '24': 'Partner Country based NGO',
  '30': 'Public Private Partnership',
  '40': 'Multilateral',
  '60': 'Foundation',
  '70': 'Private Sector',
  '71': 'Private Sector in Provider Country',
  '72': 'Private Sector in Aid Recipient Country',
  '73': 'Private Sector in Third Country',
  '80': 'Academic, Training and Research',
  '90': 'Other',
} as const;
export const IatiOrganisationType = z.enum(
  Object.keys(iatiOrganisationTypes) as [keyof typeof iatiOrganisationTypes],
  { error: 'Expected an IATI organisation type code, such as 40 (multilateral)' },
);
export type IatiOrganisationType = z.infer<typeof IatiOrganisationType>;

/**
 * An organisation's IATI type, from its kind and, for civil society and companies, whether it
 * belongs to the plan's country. UN entities, regional organisations (the African Union, IGAD …)
 * and international financial institutions are all multilateral (40): IATI has no code of its
 * own for the last two. A government is 10 whether it is the country's or a donor's (the
 * platform does not tell a local government apart). Civil society is a partner-country NGO (24)
 * in the plan's country, a national NGO (22) of another country and an international NGO (21)
 * when it has no country; a company is private sector in the aid recipient country (72) in the
 * plan's country and private sector (70) otherwise.
 */
export function iatiOrganisationTypeOf(
  organisation: Pick<Organisation, 'kind' | 'countryCode'>,
  planCountryCode: string,
): IatiOrganisationType {
  const national = organisation.countryCode === planCountryCode;
  switch (organisation.kind) {
    case 'un-entity':
    case 'regional-organisation':
    case 'international-financial-institution':
      return '40';
    case 'government':
      return '10';
    case 'civil-society':
      if (national) return '24';
      return organisation.countryCode === null ? '21' : '22';
    case 'academia':
      return '80';
    case 'private-sector':
      return national ? '72' : '70';
  }
}

/** IATI TransactionType codes the export writes (the standard's numbering, STACK.md). */
export const iatiTransactionTypes = {
  outgoingCommitment: '2',
  disbursement: '3',
  incomingPledge: '13',
} as const;
export type IatiTransactionType = (typeof iatiTransactionTypes)[keyof typeof iatiTransactionTypes];

/**
 * The transactions a flow of each status is written as. A disbursement is also a commitment
 * (money paid was first promised), as `committedUsd` counts it: a disbursed flow is written as
 * both, so that an IATI reader's commitments and disbursements add up to the plan's committed
 * and disbursed totals. A pledge is an incoming pledge on the receiving activity, and is in
 * neither total.
 */
export const iatiTransactionTypesOf: Readonly<Record<FlowStatus, readonly IatiTransactionType[]>> =
  {
    pledged: [iatiTransactionTypes.incomingPledge],
    committed: [iatiTransactionTypes.outgoingCommitment],
    disbursed: [iatiTransactionTypes.outgoingCommitment, iatiTransactionTypes.disbursement],
  };

/**
 * A plan's lifecycle state as an IATI ActivityStatus for the plan's own activity: drafted,
 * reviewed and endorsed plans are still being planned (1, pipeline/identification), an active
 * plan is being carried out (2, implementation), a closed one is closed (4).
 */
export const iatiActivityStatusOfPlan: Readonly<Record<PlanStatus, ActivityStatus>> = {
  draft: 1,
  'in-review': 1,
  endorsed: 1,
  active: 2,
  closed: 4,
};

/**
 * A UN INFO marker (0–3) as an OECD DAC policy significance (0 not targeted, 1 significant
 * objective, 2 principal objective), as the UN gender equality marker guidance pairs them: a
 * limited contribution (1) is not a targeted one, a significant objective (2) is DAC's 1, the
 * principal objective (3) DAC's 2.
 */
export const dacSignificanceOfMarker: Readonly<Record<Marker, 0 | 1 | 2>> = {
  0: 0,
  1: 0,
  2: 1,
  3: 2,
};

/** IATI PolicyMarker 1, gender equality, in the OECD DAC CRS vocabulary (1). */
export const genderPolicyMarker = { vocabulary: '1', code: '1' } as const;

/**
 * The human rights marker has no OECD DAC policy marker, so it is written in the reporting
 * organisation's own vocabulary (99) under the code `HR`, with a narrative naming it and the
 * UN INFO level, and the same significance mapping as the gender marker.
 */
export const humanRightsPolicyMarker = { vocabulary: '99', code: 'HR' } as const;

/** IATI SectorVocabulary: 7 SDG goal, 8 SDG target. */
export const sdgSectorVocabularies = { goal: '7', target: '8' } as const;

/** IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
export const iatiActivityDateTypes = {
  plannedStart: '1',
  actualStart: '2',
  plannedEnd: '3',
  actualEnd: '4',
} as const;

/** IATI RelatedActivityType: 1 parent, 2 child. */
export const iatiRelatedActivityTypes = { parent: '1', child: '2' } as const;

/** IATI OrganisationRole 1 funding and 2 accountable, as the export assigns them itself. */
export const iatiRoles = { funding: 1, accountable: 2 } as const;

/** IATI BudgetType 1 original, BudgetStatus 1 indicative: a requirement is not a commitment. */
export const iatiBudget = { type: '1', status: '1' } as const;

/** IATI DescriptionType 1 general, 2 objectives. */
export const iatiDescriptionTypes = { general: '1', objectives: '2' } as const;
