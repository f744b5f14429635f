import { newId, type Sensitivity } from '@prevention/core';
import { LoggedDecision, type DecisionBody } from '@prevention/planning';
import type { DecisionStory, DemoPeople, DemoPerson, PlanStory } from './demo-plan-story.js';
import type { DemoPlan } from './demo-plans.js';
import type { Random } from './random.js';

/** A logged decision as it stands now, with who recorded it when and at what level. */
export interface DemoDecision {
  decision: LoggedDecision;
  sensitivity: Sensitivity;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * What HQ's executive committee decided about the three plans together: a decision across
 * countries, which only readers of every country see. Outcomes are named `SDN:participation`.
 */
const executiveCommitteeDecisions: readonly DecisionStory[] = [
  {
    meeting: {
      title: 'Executive Committee: prevention in the Sahel and the Horn',
      date: '2026-07-08',
    },
    text: 'Review the funding gaps of the Sudan, South Sudan and Mali plans and propose to the Peacebuilding Fund a joint approach to closing them.',
    kind: 'action',
    owner: 'hq-planner',
    due: '2026-10-15',
    outcomes: ['SDN:participation', 'MLI:resilience'],
    followUps: [
      {
        date: '2026-09-01',
        by: 'hq-planner',
        text: 'Gap analysis of the three plans prepared; the proposal to the Fund is being drafted.',
        status: 'ongoing',
      },
    ],
  },
  {
    meeting: { title: 'Executive Committee: women, peace and security', date: '2026-11-04' },
    text: 'Every country plan reports, at its next annual review, the share of its funding that goes to gender equality against the 15 % commitment.',
    kind: 'decision',
    owner: 'hq-planner',
    due: '2027-03-31',
  },
];

/**
 * The decision logs of the plans' country teams and of HQ's executive committee. Each is
 * recorded the day after its meeting, and names the outcomes and actions of the plan it
 * concerns; its follow-ups are its history, oldest first. All are restricted, so every demo
 * user who works on the plans reads them.
 */
export function generateDemoDecisions(
  stories: readonly PlanStory[],
  plans: readonly DemoPlan[],
  people: DemoPeople,
  random: Random,
): DemoDecision[] {
  const planOf = new Map(plans.map((plan) => [plan.countryCode, plan]));
  const idsOf = (
    countryCode: string | null,
    keys: readonly string[] | undefined,
    what: 'outcome' | 'action',
  ) =>
    (keys ?? []).map((key) => {
      const [country, name] = countryCode === null ? key.split(':') : [countryCode, key];
      const plan = planOf.get(country ?? '');
      const id = (what === 'outcome' ? plan?.outcomeIds : plan?.actionIds)?.get(name ?? '');
      if (id === undefined) throw new Error(`A demo decision names no known ${what} ${key}`);
      return id;
    });
  const logged = (
    countryCode: string | null,
    body: DecisionBody,
    bodyName: string,
    recordedBy: DemoPerson,
    story: DecisionStory,
  ): DemoDecision => {
    const recordedAt = new Date(`${story.meeting.date}T16:00:00Z`);
    recordedAt.setUTCDate(recordedAt.getUTCDate() + 1);
    return {
      decision: LoggedDecision.parse({
        id: newId(recordedAt.getTime(), random.bytes(10)),
        countryCode,
        meeting: { body, bodyName, ...story.meeting },
        text: story.text,
        kind: story.kind,
        ownerId: story.owner ? people[story.owner] : null,
        dueDate: story.due ?? null,
        links: {
          alertIds: [],
          outcomeIds: idsOf(countryCode, story.outcomes, 'outcome'),
          actionIds: idsOf(countryCode, story.actions, 'action'),
        },
        followUps: (story.followUps ?? []).map((f) => ({
          date: f.date,
          authorId: people[f.by],
          text: f.text,
          status: f.status,
        })),
      }),
      sensitivity: 'restricted',
      recordedBy: people[recordedBy],
      recordedAt,
    };
  };
  return [
    ...stories.flatMap(({ countryCode, countryTeam }) =>
      countryTeam.decisions.map((story) =>
        logged(countryCode, 'country-team', countryTeam.bodyName, countryTeam.recordedBy, story),
      ),
    ),
    ...executiveCommitteeDecisions.map((story) =>
      logged(null, 'hq-executive-committee', 'Executive Committee', 'hq-planner', story),
    ),
  ];
}
