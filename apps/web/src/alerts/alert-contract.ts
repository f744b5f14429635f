import type { IsoDate, LocalisedText, Month } from '@prevention/core';
import type {
  Alert,
  AlertLevel,
  AlertOutcome,
  AlertRule,
  AlertRuleDraft,
  AlertStatus,
  RiskClassId,
} from '@prevention/early-warning';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';

/**
 * The `alerts` and `alertRules` procedures as /work/ew-contract.md describes them, for the
 * pages to compile against while the API is being written. Only its types are used (the
 * module is imported with `import type`, so none of it reaches the bundle); once the API's
 * router is merged, the pages take these types from `@prevention/api` instead.
 */
export type AlertAction = 'acknowledge' | 'respond' | 'close' | 'snooze';

export type AlertView = Alert & {
  overdue: boolean;
  snoozed: boolean;
  ruleTitle: LocalisedText;
  actions: AlertAction[];
};

export interface AlertEvent {
  alertId: string;
  seq: number;
  action: 'raise' | 'update' | 'acknowledge' | 'respond' | 'close' | 'snooze';
  level: AlertLevel;
  actorId: string | null;
  actorName?: string | null;
  at: string;
  note: string | null;
  period: Month | null;
}

export type AlertDetail = AlertView & { events: AlertEvent[]; rule: AlertRule };

export interface DigestEntry {
  alertId: string;
  ruleId: string;
  areaCode: string;
  level: AlertLevel;
  status: AlertStatus;
}

export interface Digest {
  since: string;
  groups: {
    countryCode: string;
    level: AlertLevel;
    new: DigestEntry[];
    raised: DigestEntry[];
    overdue: DigestEntry[];
  }[];
}

export interface BacktestFigures {
  alerts: number;
  alertsPerCountryYear: number;
  onsets: number;
  hits: number;
  falseAlarms: number;
  hitRate: number | null;
  falseAlarmRate: number | null;
  meanLeadMonths: number | null;
}

export type OnsetDefinition =
  | { kind: 'indicator-above'; indicatorId: string; threshold: number }
  | { kind: 'class-reached'; node: string; toClass: RiskClassId };

export interface BacktestReport {
  from: Month;
  to: Month;
  onset: OnsetDefinition;
  horizon: { from: number; to: number };
  rules: (BacktestFigures & { ruleId: string; ruleVersion: number })[];
  baseline: BacktestFigures;
}

export interface CountryAlertCount {
  countryCode: string;
  open: number;
  highestLevel: AlertLevel;
}

export interface CountryResponseTimes {
  countryCode: string;
  alerts: number;
  acknowledged: number;
  medianHoursToAcknowledge: number | null;
  medianHoursToRespond: number | null;
}

const t = initTRPC.create();
const answer =
  <T>() =>
  (): T =>
    null as T;
const idInput = z.object({ id: z.string() });

const _contractRouter = t.router({
  alerts: t.router({
    list: t.procedure
      .input(
        z.object({
          status: z.array(z.custom<AlertStatus>()).optional(),
          countryCode: z.string().optional(),
          level: z.custom<AlertLevel>().optional(),
          cursor: z.string().optional(),
          limit: z.number().optional(),
        }),
      )
      .query(answer<{ items: AlertView[]; nextCursor: string | null }>()),
    get: t.procedure.input(idInput).query(answer<AlertDetail>()),
    acknowledge: t.procedure
      .input(idInput.extend({ note: z.string().optional() }))
      .mutation(answer<AlertView>()),
    respond: t.procedure
      .input(
        idInput.extend({
          planActionIds: z.array(z.string()),
          decisionIds: z.array(z.string()),
          note: z.string(),
        }),
      )
      .mutation(answer<AlertView>()),
    close: t.procedure
      .input(idInput.extend({ outcome: z.custom<AlertOutcome>(), note: z.string().optional() }))
      .mutation(answer<AlertView>()),
    snooze: t.procedure
      .input(idInput.extend({ until: z.custom<IsoDate>() }))
      .mutation(answer<AlertView>()),
    digest: t.procedure.query(answer<Digest>()),
    countsByCountry: t.procedure.query(answer<CountryAlertCount[]>()),
    responseTimes: t.procedure
      .input(z.object({ since: z.string().optional() }).optional())
      .query(answer<CountryResponseTimes[]>()),
  }),
  alertRules: t.router({
    list: t.procedure.query(answer<AlertRule[]>()),
    get: t.procedure
      .input(z.object({ id: z.string(), version: z.number().optional() }))
      .query(answer<AlertRule>()),
    save: t.procedure.input(z.custom<AlertRuleDraft>()).mutation(answer<AlertRule>()),
    backtest: t.procedure
      .input(
        z.object({
          rule: z.union([z.custom<AlertRuleDraft>(), z.object({ id: z.string() })]),
          from: z.string().optional(),
          to: z.string().optional(),
        }),
      )
      .query(answer<BacktestReport>()),
  }),
});

export type AlertContractRouter = typeof _contractRouter;
