import { Id, Month } from '@prevention/core';
import { AlertLevel } from '@prevention/early-warning';
import { z } from 'zod';

/** What a step of an alert's history did: the evaluation's raise and update, or a person's. */
export const AlertEventAction = z.enum([
  'raise',
  'update',
  'acknowledge',
  'respond',
  'close',
  'snooze',
]);
export type AlertEventAction = z.infer<typeof AlertEventAction>;

/** One step of an alert's history, numbered from 1 in the order it was taken. */
export const AlertEvent = z.object({
  alertId: Id,
  seq: z.number().int().min(1),
  action: AlertEventAction,
  /** The alert's level after the step. */
  level: AlertLevel,
  /** Who took the step; null for the evaluation. */
  actorId: Id.nullable(),
  at: z.iso.datetime(),
  note: z.string().max(2000).nullable(),
  /** The month a raise or update fired for; null for a person's step. */
  period: Month.nullable(),
});
export type AlertEvent = z.infer<typeof AlertEvent>;

/** A step as the history shows it: with the name of who took it (null for the evaluation). */
export const AlertEventRecord = AlertEvent.extend({ actorName: z.string().nullable() });
export type AlertEventRecord = z.infer<typeof AlertEventRecord>;

/** A step to append: its number is the next one of the alert's. */
export type NewAlertEvent = Omit<AlertEvent, 'seq'>;
