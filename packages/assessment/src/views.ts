import {
  AreaCode,
  CountryCode,
  Id,
  LocalisedText,
  Month,
  PillarId,
  Sensitivity,
} from '@prevention/core';
import { z } from 'zod';
import { SectionKey } from './assessment-form.js';
import { AssessmentStatus, LifecycleAction, RevisionAction } from './lifecycle.js';
import { ReviewComments } from './sync-protocol.js';

/** Who did something, as a reader sees it. */
export const Person = z.object({ id: Id, name: z.string() });
export type Person = z.infer<typeof Person>;

/** An assessment in a list: its header and what it covers, never its content. */
export const AssessmentSummary = z.object({
  id: Id,
  areaCode: AreaCode,
  countryCode: CountryCode,
  period: Month,
  title: z.string(),
  status: AssessmentStatus,
  revision: z.int().min(1),
  sensitivity: Sensitivity,
  /** Pillars whose section has content. */
  pillars: z.array(PillarId),
  /** Organisations of the team members. */
  organisations: z.array(z.string()),
  riskCount: z.int().min(0),
  /** The highest likelihood × impact among the identified risks, 1–25. */
  highestRisk: z.int().min(1).max(25).nullable(),
  openConflicts: z.int().min(0),
  updatedAt: z.iso.datetime(),
  updatedBy: Person.nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const AssessmentFilter = z
  .object({
    areaCode: AreaCode.optional(),
    period: Month.optional(),
    status: AssessmentStatus.optional(),
    pillar: PillarId.optional(),
    /** An organisation on the team, matched case-insensitively. */
    organisation: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type AssessmentFilter = z.infer<typeof AssessmentFilter>;

export const AssessmentListRequest = AssessmentFilter.extend({
  cursor: z.string().max(200).optional(),
  limit: z.int().min(1).max(100).default(25),
});
export type AssessmentListRequest = z.infer<typeof AssessmentListRequest>;

export const AssessmentListResponse = z.object({
  items: z.array(AssessmentSummary),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AssessmentListResponse = z.infer<typeof AssessmentListResponse>;

/** A version the server keeps because it lost a race: resolve it or discard it, never lose it. */
export const ConflictView = z.object({
  id: Id,
  clientId: Id,
  baseRevision: z.int().min(1).nullable(),
  /** The revision the server was at when the conflict arose. */
  serverRevision: z.int().min(1),
  reason: z.enum(['stale-base', 'id-reused', 'not-editable']),
  /** The losing version, redacted to the reader's clearance. */
  content: z.unknown(),
  author: Person,
  createdAt: z.iso.datetime(),
});
export type ConflictView = z.infer<typeof ConflictView>;

/** One assessment as a reader sees it: its content redacted to their clearance. */
export const AssessmentDetail = AssessmentSummary.extend({
  /** `AssessmentContent` with withheld sections and fields replaced by `Withheld` markers. */
  content: z.unknown(),
  /** The effective sensitivity of every section. */
  sectionSensitivity: z.record(SectionKey, Sensitivity),
  /** The reviewer's comments on the last return or endorsement, by section. */
  review: z
    .object({
      action: LifecycleAction,
      revision: z.int().min(1),
      by: Person,
      comments: ReviewComments,
    })
    .nullable(),
  conflicts: z.array(ConflictView),
  /** The lifecycle actions the reader may take now. */
  availableActions: z.array(LifecycleAction),
  /** Whether the reader may edit the content now. */
  editable: z.boolean(),
});
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;

export const RevisionSummary = z.object({
  revision: z.int().min(1),
  action: RevisionAction,
  status: AssessmentStatus,
  author: Person,
  savedAt: z.iso.datetime(),
  changedSections: z.array(z.string()),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** One change between two revisions, labelled from the form so a reader understands it. */
export const DiffEntry = z.object({
  /** `title`, `sensitivity`, or the section key. */
  section: z.string(),
  /** Dotted path within the content, e.g. `sections.risks.risks[1].likelihood`. */
  path: z.string(),
  /** Labels from the section down to the field, e.g. [Identified risks, Risk 2, Likelihood]. */
  labels: z.array(LocalisedText),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});
export type DiffEntry = z.infer<typeof DiffEntry>;
