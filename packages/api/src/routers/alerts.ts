import { CountryCode, Id, IsoDate, LocalisedText } from '@prevention/core';
import {
  Alert,
  AlertAction,
  AlertLevel,
  AlertOutcome,
  AlertResponseLinks,
  AlertRule,
  AlertStatus,
  Digest,
} from '@prevention/early-warning';
import { AlertEventRecord } from '@prevention/db';
import { z } from 'zod';
import { safeText } from '../input-schemas.js';
import { queueAlertEvaluation } from '../services/alerts/alert-evaluation-requests.js';
import { stepAlert } from '../services/alerts/alert-lifecycle.js';
import {
  alertCountsByCountry,
  alertDigest,
  alertResponseTimesOf,
  getAlertDetail,
  listAlertViews,
} from '../services/alerts/alert-reads.js';
import { procedure, router } from '../trpc.js';

const Note = safeText(1, 2000);

export const ZAlertView = Alert.extend({
  overdue: z.boolean(),
  snoozed: z.boolean(),
  ruleTitle: LocalisedText,
  actions: z.array(AlertAction),
});

export const ZAlertDetail = ZAlertView.extend({
  events: z.array(AlertEventRecord),
  rule: AlertRule,
});

export const ZAlertsListRequest = z
  .object({
    status: z.array(AlertStatus).min(1).max(4).optional(),
    countryCode: CountryCode.optional(),
    level: AlertLevel.optional(),
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /** What tRPC's infinite queries send with the cursor; the list only goes forward. */
    direction: z.literal('forward').optional(),
  })
  .strict()
  .default({ limit: 50 });
export const ZAlertsListResponse = z.object({
  items: z.array(ZAlertView),
  nextCursor: z.string().nullable(),
});
export const ZAlertsGetRequest = z.object({ id: Id }).strict();
export const ZAlertsAcknowledgeRequest = z.object({ id: Id, note: Note.optional() }).strict();
export const ZAlertsRespondRequest = z
  .object({
    id: Id,
    planActionIds: z.array(Id).max(20),
    decisionIds: z.array(Id).max(20),
    note: Note,
  })
  .strict()
  .refine((request) => request.planActionIds.length + request.decisionIds.length > 0, {
    message: 'A response links at least one plan action or decision',
    path: ['planActionIds'],
  });
export const ZAlertsCloseRequest = z
  .object({ id: Id, outcome: AlertOutcome, note: Note.optional() })
  .strict();
export const ZAlertsSnoozeRequest = z.object({ id: Id, until: IsoDate }).strict();
export const ZAlertCountByCountry = z.object({
  countryCode: CountryCode,
  open: z.number().int(),
  highestLevel: AlertLevel,
});
export const ZAlertsResponseTimesRequest = z
  .object({ since: IsoDate.optional() })
  .strict()
  .default({});
export const ZAlertResponseTimes = z.object({
  countryCode: CountryCode,
  alerts: z.number().int(),
  acknowledged: z.number().int(),
  responded: z.number().int(),
  medianHoursToAcknowledge: z.number().nullable(),
  medianHoursToRespond: z.number().nullable(),
});
export const ZAlertsEvaluateRequest = z
  .object({ countryCode: CountryCode.optional() })
  .strict()
  .default({});

export const alertsRouter = router({
  list: procedure
    .input(ZAlertsListRequest)
    .output(ZAlertsListResponse)
    .query(({ ctx, input }) => {
      const { cursor, limit, direction: _forward, ...filter } = input;
      return listAlertViews(ctx, ctx.actor, filter, { cursor, limit });
    }),

  get: procedure
    .input(ZAlertsGetRequest)
    .output(ZAlertDetail)
    .query(({ ctx, input }) => getAlertDetail(ctx, ctx.actor, input.id)),

  acknowledge: procedure
    .input(ZAlertsAcknowledgeRequest)
    .output(ZAlertView)
    .mutation(({ ctx, input }) => stepAlert(ctx, ctx.actor, { action: 'acknowledge', ...input })),

  respond: procedure
    .input(ZAlertsRespondRequest)
    .output(ZAlertView)
    .mutation(({ ctx, input }) =>
      stepAlert(ctx, ctx.actor, {
        action: 'respond',
        id: input.id,
        links: AlertResponseLinks.parse({
          planActionIds: input.planActionIds,
          decisionIds: input.decisionIds,
        }),
        note: input.note,
      }),
    ),

  close: procedure
    .input(ZAlertsCloseRequest)
    .output(ZAlertView)
    .mutation(({ ctx, input }) => stepAlert(ctx, ctx.actor, { action: 'close', ...input })),

  snooze: procedure
    .input(ZAlertsSnoozeRequest)
    .output(ZAlertView)
    .mutation(({ ctx, input }) => stepAlert(ctx, ctx.actor, { action: 'snooze', ...input })),

  digest: procedure.output(Digest).query(({ ctx }) => alertDigest(ctx, ctx.actor)),

  countsByCountry: procedure
    .output(z.array(ZAlertCountByCountry))
    .query(({ ctx }) => alertCountsByCountry(ctx, ctx.actor)),

  responseTimes: procedure
    .input(ZAlertsResponseTimesRequest)
    .output(z.array(ZAlertResponseTimes))
    .query(({ ctx, input }) =>
      alertResponseTimesOf(
        ctx,
        ctx.actor,
        input.since ? new Date(`${input.since}T00:00:00Z`) : undefined,
      ),
    ),

  evaluate: procedure
    .input(ZAlertsEvaluateRequest)
    .output(z.object({ jobId: z.string() }))
    .mutation(({ ctx, input }) => queueAlertEvaluation(ctx, ctx.actor, input)),
});
