import {
  composeAssessmentForm,
  exampleContent,
  type AssessmentContent,
  type AssessmentStatus,
  type LifecycleAction,
  type ReviewComments,
} from '@prevention/assessment';
import { findCountry, type Role } from '@prevention/core';
import { platformPillars } from '@prevention/risk';
import { demoAdmin1, demoInternationalOrganisations } from './demo-areas.js';
import { demoActorNames, demoPersonNames, demoPhrases } from './demo-phrases.js';
import type { Random } from './random.js';

/**
 * One step in the life of a demo assessment, taken by the demo user who holds `by`: a save sent
 * through the sync protocol (a stale base makes it a conflict, as it would from the field), or a
 * lifecycle step. The loader replays the steps through the API's own services.
 */
export type DemoAssessmentStep =
  | {
      kind: 'save';
      by: Role;
      clientId: string;
      baseRevision: number | null;
      content: AssessmentContent;
      at: string;
    }
  | { kind: 'transition'; by: Role; action: LifecycleAction; comments: ReviewComments; at: string };

export interface DemoAssessment {
  id: string;
  areaCode: string;
  period: string;
  /** Where the steps leave it. */
  status: AssessmentStatus;
  steps: DemoAssessmentStep[];
}

/** What a demo assessment goes through; the generator writes its steps. */
interface Story {
  areaCode: string;
  period: string;
  status: AssessmentStatus;
  /** Returned once before it went further. */
  returnedOnce?: boolean;
  /** The team lead raises the human rights section to strictly confidential. */
  raiseHumanRights?: boolean;
  /** A save from the field arrives on a stale base and waits to be resolved. */
  conflict?: 'team-lead' | 'second-device';
  publisher?: Role;
}

/** Assessments in every status in Sudan and South Sudan, and in three in Mali. */
const stories: readonly Story[] = [
  {
    areaCode: 'SD02',
    period: '2026-08',
    status: 'published',
    returnedOnce: true,
    raiseHumanRights: true,
    publisher: 'country-team-lead',
  },
  { areaCode: 'SDN', period: '2026-09', status: 'endorsed' },
  { areaCode: 'SD08', period: '2026-10', status: 'submitted' },
  { areaCode: 'SD10', period: '2026-10', status: 'returned' },
  { areaCode: 'SD01', period: '2026-11', status: 'draft', conflict: 'team-lead' },
  { areaCode: 'SS04', period: '2026-08', status: 'published', publisher: 'hq-planner' },
  { areaCode: 'SSD', period: '2026-09', status: 'returned' },
  { areaCode: 'SS05', period: '2026-10', status: 'endorsed', returnedOnce: true },
  { areaCode: 'SS06', period: '2026-10', status: 'submitted' },
  { areaCode: 'SS01', period: '2026-11', status: 'draft', conflict: 'second-device' },
  { areaCode: 'ML06', period: '2026-09', status: 'published', publisher: 'hq-planner' },
  { areaCode: 'ML08', period: '2026-10', status: 'submitted' },
  { areaCode: 'ML01', period: '2026-11', status: 'draft' },
];

const form = composeAssessmentForm(platformPillars);
const day = 24 * 60 * 60 * 1000;

export function generateDemoAssessments(random: Random, id: () => string): DemoAssessment[] {
  return stories.map((story) => assessmentOf(story, random, id));
}

function assessmentOf(story: Story, random: Random, id: () => string): DemoAssessment {
  const assessment = {
    id: id(),
    areaCode: story.areaCode,
    period: story.period,
    status: story.status,
  };
  const areaName = nameOfArea(story.areaCode);
  const [year = 2026, month = 1] = story.period.split('-').map(Number);
  let clock = Date.UTC(year, month - 1, 3, 8, 30);
  const at = () => {
    clock += random.int(1, 3) * day + random.int(0, 8 * 60) * 60_000;
    return new Date(clock).toISOString();
  };
  const steps: DemoAssessmentStep[] = [];
  let revision = 0;
  let content = contentFor(story, areaName, random);
  const save = (by: Role, next: AssessmentContent, base: number | null = revision) => {
    steps.push({ kind: 'save', by, clientId: id(), baseRevision: base, content: next, at: at() });
  };
  const step = (by: Role, action: LifecycleAction, comments: ReviewComments = {}) => {
    steps.push({ kind: 'transition', by, action, comments, at: at() });
    revision += 1;
  };

  save('field-officer', content, null);
  revision += 1;
  content = revise(content, areaName, random);
  save('field-officer', content);
  revision += 1;
  if (story.raiseHumanRights) {
    content = { ...content, sectionSensitivity: { humanRights: 'strictly-confidential' } };
    save('country-team-lead', content);
    revision += 1;
  }
  if (story.conflict) {
    const offline = revise(content, areaName, random);
    const online = revise(content, areaName, random);
    const base = revision;
    save(story.conflict === 'team-lead' ? 'country-team-lead' : 'field-officer', online);
    revision += 1;
    save('field-officer', { ...offline, title: `${offline.title} (edited offline)` }, base);
  }
  if (story.status === 'draft') return { ...assessment, steps };

  step('field-officer', 'submit');
  if (story.status === 'returned' || story.returnedOnce) {
    step('reviewer', 'return', reviewComments(areaName));
    if (story.status === 'returned') return { ...assessment, steps };
    content = revise(content, areaName, random);
    save('field-officer', content);
    revision += 1;
    step('field-officer', 'submit');
  }
  if (story.status === 'submitted') return { ...assessment, steps };
  step('reviewer', 'endorse', {
    overall: 'A sound joint analysis; the risks are well argued and the recommendations realistic.',
  });
  if (story.status === 'published') step(story.publisher ?? 'hq-planner', 'publish');
  return { ...assessment, steps };
}

function contentFor(story: Story, areaName: string, random: Random): AssessmentContent {
  const monthName = new Date(`${story.period}-01T00:00:00Z`).toLocaleString('en', {
    month: 'long',
    timeZone: 'UTC',
  });
  return exampleContent(form, {
    title: `${areaName}: joint assessment, ${monthName} ${story.period.slice(0, 4)}`,
    random: random.next,
    text: (path) => textFor(path, areaName, random),
    // A draft is still being written; what goes to review is complete.
    sparse: story.status === 'draft' && !story.conflict,
  });
}

/** Another save of the same assessment: a new summary, and one risk judged differently. */
function revise(content: AssessmentContent, areaName: string, random: Random): AssessmentContent {
  const next = structuredClone(content);
  next.sections.overall = {
    ...next.sections.overall,
    summary: phrase('summary', areaName, random),
  };
  const risks = next.sections.risks?.risks;
  if (Array.isArray(risks) && risks[0] && typeof risks[0] === 'object') {
    const first = risks[0] as Record<string, unknown>;
    first.likelihood = random.int(1, 5);
    first.trend = random.pick(['improving', 'stable', 'deteriorating']);
  }
  return next;
}

function reviewComments(areaName: string): ReviewComments {
  return {
    risks: `Give the sources for the likelihood of the first risk in ${areaName}, and link it to an indicator.`,
    genderAnalysis: 'Disaggregate the displacement figures by sex and age.',
  };
}

function textFor(path: string, areaName: string, random: Random): string {
  const key =
    path
      .split('.')
      .at(-1)
      ?.replace(/\[\d+\]$/, '') ?? '';
  if (key === 'name') {
    return path.includes('keyActors') ? random.pick(demoActorNames) : random.pick(demoPersonNames);
  }
  if (key === 'victimNames' || key === 'witnessNames') return random.pick(demoPersonNames);
  if (key === 'organisation' || key === 'lead') {
    return random.pick(demoInternationalOrganisations.slice(0, 13))[1];
  }
  return phrase(key, areaName, random);
}

function phrase(key: string, areaName: string, random: Random): string {
  const options = demoPhrases[key] ?? demoPhrases.description ?? [''];
  return random.pick(options).replaceAll('{area}', areaName);
}

function nameOfArea(code: string): string {
  const country = findCountry(code);
  if (country) return country.name;
  for (const [countryCode, names] of Object.entries(demoAdmin1)) {
    const alpha2 = findCountry(countryCode)?.alpha2;
    if (alpha2 && code.startsWith(alpha2)) {
      const name = names[Number(code.slice(2)) - 1];
      if (name) return name;
    }
  }
  throw new Error(`The demo has no area ${code}`);
}
