import { newId, type IsoDate } from '@prevention/core';
import { ProgressReport, type ActivityStatus, type RagRating } from '@prevention/planning';
import { demoReportPhrases } from './demo-phrases.js';
import { demoPlansAsOf, type ActionStory, type DemoPeople } from './demo-plan-story.js';
import type { Random } from './random.js';

/** IATI's activity status on a day: pipeline before the start, then under way, then where it settled. */
export function activityStatusOn(action: ActionStory, day: IsoDate): ActivityStatus {
  if (action.settled && action.settled.since <= day) return action.settled.status;
  return action.started !== undefined && action.started <= day ? 2 : 1;
}

/**
 * The progress reports of an action that has started, once its plan is in effect: about every
 * quarter, counted back from its last one — a few weeks before the demo's day, the action's end,
 * or the day its lead stopped reporting — so lateness for want of a report is the story's, not
 * chance's.
 */
export function generateProgressReports(
  action: ActionStory,
  actionId: string,
  { random, people, activated }: { random: Random; people: DemoPeople; activated: IsoDate },
): ProgressReport[] {
  if (action.started === undefined || action.started > demoPlansAsOf) return [];
  const started = action.started;
  const reporting = action.reporting ?? 'quarterly';
  const last =
    reporting !== 'quarterly'
      ? reporting.until
      : action.ended !== undefined && action.ended < demoPlansAsOf
        ? minDate(addDays(action.ended, random.int(5, 20)), demoPlansAsOf)
        : addDays(demoPlansAsOf, -random.int(7, 45));
  const dates: IsoDate[] = [];
  const first = maxDate(addDays(started, 60), activated);
  for (let date = last; date >= first; date = addDays(date, -random.int(84, 98)))
    dates.unshift(date);
  // Team leads report on what they answer for; otherwise the field officer writes it up.
  const author =
    action.focalPoint === 'country-team-lead'
      ? people['country-team-lead']
      : people['field-officer'];
  return dates.map((date) => {
    const status = activityStatusOn(action, date);
    const rating = ratingOf(action.pace ?? 0.8, random);
    return ProgressReport.parse({
      id: newId(Date.parse(`${date}T12:00:00Z`), random.bytes(10)),
      actionId,
      date,
      authorId: author,
      status,
      milestonesMetPercent: milestonesMet(action, date, random),
      rating: status === 6 ? 'red' : rating,
      narrative: narrativeOf(action, status, rating, random),
    });
  });
}

function ratingOf(pace: number, random: Random): RagRating {
  const judged = pace + (random.next() - 0.5) * 0.16;
  return judged >= 0.85 ? 'green' : judged >= 0.65 ? 'amber' : 'red';
}

/** The share of milestones met: the time elapsed of the planned span, at the action's pace. */
function milestonesMet(action: ActionStory, date: IsoDate, random: Random): number {
  const [start, end] = action.planned.map((d) => Date.parse(d));
  const span = Math.max(1, (end ?? 0) - (start ?? 0));
  const elapsed = Math.min(1, Math.max(0, (Date.parse(date) - (start ?? 0)) / span));
  const done = action.ended !== undefined && action.ended <= date;
  const pace = done ? (action.pace ?? 1) : (action.pace ?? 0.8) * (0.92 + random.next() * 0.16);
  return Math.round(100 * Math.min(1, done ? pace : elapsed * pace));
}

function narrativeOf(
  action: ActionStory,
  status: ActivityStatus,
  rating: RagRating,
  random: Random,
): string {
  const phrases =
    status === 6
      ? demoReportPhrases.suspended
      : status === 3 || status === 4
        ? demoReportPhrases.ended
        : demoReportPhrases[rating];
  return random
    .pick(phrases)
    .replaceAll('{action}', action.title)
    .replaceAll('{area}', action.areas[0] ?? 'the country');
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
