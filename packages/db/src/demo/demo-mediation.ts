import {
  countryCodeOfArea,
  newId,
  parseSignal,
  type Area,
  type IsoDate,
  type Signal,
} from '@prevention/core';
import {
  mediationEngagementKind,
  mediationStages,
  type MediationEngagement,
  type MediationStage,
} from '@prevention/peace-security';
import { platformPillars } from '@prevention/risk';
import type { Random } from './random.js';

/** A mediation engagement as the loader stores it: the signal, and who recorded it when. */
export interface DemoSignal {
  signal: Signal;
  countryCode: string;
  recordedAt: Date;
}

/** Women and men, in that order. */
type Group = [women: number, men: number];

interface Round {
  on: IsoDate;
  stage: MediationStage;
  team: Group;
  negotiators: Group;
  mediators: Group;
  signatories?: Group;
}

interface ProcessStory {
  countryCode: string;
  area: string;
  process: string;
  engagement: MediationEngagement['engagement'];
  track: MediationEngagement['track'];
  envoy?: MediationEngagement['envoy'];
  parties: MediationEngagement['parties'];
  rounds: Round[];
}

/**
 * Local mediation processes in the plans' countries, each as it stood at a few dates over four
 * years, women's places at the table growing unevenly. They sit at the sub-national area each
 * process concerns, not at the country: an engagement is confidential, and a derived figure
 * takes the strictest level of its area's signals in its month, so engagements filed at the
 * country would hide that month's derived peace and security figures from restricted readers.
 */
const processes: readonly ProcessStory[] = [
  {
    countryCode: 'SDN',
    area: 'West Darfur',
    process: 'West Darfur inter-communal reconciliation',
    engagement: 'facilitation',
    track: 'track-2',
    parties: [
      { name: 'Farming communities of the western localities', type: 'civilians' },
      { name: 'Herding communities of the western localities', type: 'civilians' },
      { name: 'Local self-defence committee', type: 'identity-militia' },
    ],
    rounds: [
      {
        on: '2023-11-20',
        stage: 'exploratory',
        team: [1, 3],
        negotiators: [0, 14],
        mediators: [1, 3],
      },
      {
        on: '2024-06-12',
        stage: 'pre-negotiation',
        team: [2, 3],
        negotiators: [1, 13],
        mediators: [1, 4],
      },
      {
        on: '2025-03-18',
        stage: 'negotiation',
        team: [2, 2],
        negotiators: [3, 12],
        mediators: [2, 3],
      },
      {
        on: '2025-10-05',
        stage: 'agreement',
        team: [2, 2],
        negotiators: [4, 11],
        mediators: [2, 3],
        signatories: [2, 10],
      },
      {
        on: '2026-05-22',
        stage: 'implementation',
        team: [3, 2],
        negotiators: [5, 10],
        mediators: [3, 3],
        signatories: [2, 10],
      },
    ],
  },
  {
    countryCode: 'SDN',
    area: 'South Kordofan',
    process: 'South Kordofan local ceasefire talks',
    engagement: 'mediation',
    track: 'track-1.5',
    envoy: { name: 'Ibrahim Musa', title: 'Envoy for the local talks' },
    parties: [
      { name: 'Regional armed movement', type: 'rebel-group' },
      { name: 'State security committee', type: 'state-forces' },
    ],
    rounds: [
      {
        on: '2024-02-08',
        stage: 'exploratory',
        team: [0, 4],
        negotiators: [0, 10],
        mediators: [0, 4],
      },
      {
        on: '2024-09-30',
        stage: 'negotiation',
        team: [1, 4],
        negotiators: [1, 11],
        mediators: [1, 4],
      },
      { on: '2025-05-14', stage: 'stalled', team: [1, 4], negotiators: [1, 11], mediators: [1, 4] },
      {
        on: '2026-03-03',
        stage: 'negotiation',
        team: [2, 3],
        negotiators: [3, 9],
        mediators: [2, 3],
      },
      {
        on: '2026-09-24',
        stage: 'negotiation',
        team: [2, 3],
        negotiators: [3, 9],
        mediators: [2, 3],
      },
    ],
  },
  {
    countryCode: 'SSD',
    area: 'Jonglei',
    process: 'Jonglei inter-communal dialogue',
    engagement: 'dialogue-support',
    track: 'track-2',
    parties: [
      { name: 'Armed youth of the cattle camps', type: 'identity-militia' },
      { name: 'Council of elders', type: 'civilians' },
    ],
    rounds: [
      {
        on: '2023-12-05',
        stage: 'exploratory',
        team: [1, 5],
        negotiators: [0, 20],
        mediators: [1, 5],
      },
      {
        on: '2024-07-18',
        stage: 'negotiation',
        team: [2, 4],
        negotiators: [2, 18],
        mediators: [2, 4],
      },
      {
        on: '2025-02-27',
        stage: 'agreement',
        team: [2, 4],
        negotiators: [3, 17],
        mediators: [2, 4],
        signatories: [1, 12],
      },
      {
        on: '2025-11-13',
        stage: 'implementation',
        team: [3, 4],
        negotiators: [5, 15],
        mediators: [3, 4],
        signatories: [1, 12],
      },
      {
        on: '2026-08-06',
        stage: 'implementation',
        team: [3, 3],
        negotiators: [6, 14],
        mediators: [3, 3],
        signatories: [3, 12],
      },
    ],
  },
  {
    countryCode: 'SSD',
    area: 'Upper Nile',
    process: 'Upper Nile local peace conference',
    engagement: 'mediation',
    track: 'track-1.5',
    parties: [
      { name: 'Regional armed movement', type: 'rebel-group' },
      { name: 'County authorities', type: 'state-forces' },
    ],
    rounds: [
      {
        on: '2024-04-22',
        stage: 'pre-negotiation',
        team: [1, 3],
        negotiators: [0, 12],
        mediators: [1, 3],
      },
      {
        on: '2025-06-09',
        stage: 'negotiation',
        team: [1, 3],
        negotiators: [1, 12],
        mediators: [1, 3],
      },
      { on: '2026-04-15', stage: 'stalled', team: [1, 3], negotiators: [1, 12], mediators: [1, 3] },
    ],
  },
  {
    countryCode: 'MLI',
    area: 'Mopti',
    process: 'Mopti inter-community dialogue',
    engagement: 'facilitation',
    track: 'track-2',
    parties: [
      { name: 'Farming village committees', type: 'civilians' },
      { name: 'Herders’ associations', type: 'civilians' },
      { name: 'Local self-defence committee', type: 'identity-militia' },
    ],
    rounds: [
      {
        on: '2023-10-10',
        stage: 'exploratory',
        team: [0, 4],
        negotiators: [0, 16],
        mediators: [0, 4],
      },
      {
        on: '2024-05-21',
        stage: 'negotiation',
        team: [1, 4],
        negotiators: [2, 14],
        mediators: [1, 4],
      },
      {
        on: '2025-01-28',
        stage: 'agreement',
        team: [1, 4],
        negotiators: [2, 14],
        mediators: [1, 4],
        signatories: [1, 15],
      },
      {
        on: '2025-09-09',
        stage: 'implementation',
        team: [2, 3],
        negotiators: [4, 12],
        mediators: [2, 3],
        signatories: [1, 15],
      },
      {
        on: '2026-06-30',
        stage: 'implementation',
        team: [2, 3],
        negotiators: [5, 12],
        mediators: [2, 3],
        signatories: [3, 15],
      },
    ],
  },
  {
    countryCode: 'MLI',
    area: 'Ménaka',
    process: 'Ménaka local security arrangements',
    engagement: 'good-offices',
    track: 'track-1.5',
    parties: [
      { name: 'Regional armed movement', type: 'rebel-group' },
      { name: 'Regional security committee', type: 'state-forces' },
    ],
    rounds: [
      {
        on: '2024-11-12',
        stage: 'exploratory',
        team: [0, 3],
        negotiators: [0, 8],
        mediators: [0, 3],
      },
      {
        on: '2025-07-02',
        stage: 'pre-negotiation',
        team: [1, 3],
        negotiators: [1, 8],
        mediators: [1, 3],
      },
      {
        on: '2026-05-19',
        stage: 'negotiation',
        team: [1, 3],
        negotiators: [1, 9],
        mediators: [1, 3],
      },
    ],
  },
];

const group = ([women, men]: Group) => ({ women, men });

/**
 * The mediation-engagement signals of the demo's processes, validated as the peace and
 * security pillar validates them (which sets their level to the kind's, confidential).
 */
export function generateDemoMediation(areas: readonly Area[], random: Random): DemoSignal[] {
  return processes.flatMap((story) => {
    const area = areas.find((a) => a.parentCode === story.countryCode && a.name === story.area);
    if (!area) throw new Error(`${story.countryCode} has no demo area named ${story.area}`);
    return story.rounds.map((round) => {
      const payload: MediationEngagement = {
        process: story.process,
        engagement: story.engagement,
        track: story.track,
        ...(story.envoy ? { envoy: story.envoy } : {}),
        mediationTeam: group(round.team),
        parties: story.parties,
        stage: round.stage,
        negotiators: group(round.negotiators),
        mediators: group(round.mediators),
        ...(round.signatories ? { signatories: group(round.signatories) } : {}),
      };
      const recordedAt = new Date(`${round.on}T15:00:00Z`);
      recordedAt.setUTCDate(recordedAt.getUTCDate() + 2);
      const signal = parseSignal(platformPillars, {
        id: newId(recordedAt.getTime(), random.bytes(10)),
        pillar: 'peace-security',
        kind: mediationEngagementKind.kind,
        areaCode: area.code,
        occurredOn: round.on,
        title: `${story.process}: ${mediationStages[round.stage].en.toLowerCase()}`,
        severity: round.stage === 'stalled' ? 3 : 2,
        verification: 'verified',
        source: 'Mediation support team of the country office',
        sensitivity: mediationEngagementKind.sensitivity,
        fieldSensitivity: {},
        payload,
      });
      return { signal, countryCode: countryCodeOfArea(area.code) ?? story.countryCode, recordedAt };
    });
  });
}
