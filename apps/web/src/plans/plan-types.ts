import type { RouterOutputs } from '@prevention/api';

export type PlanDetail = RouterOutputs['plans']['byId'];
export type PlanAnalysis = RouterOutputs['plans']['analysis'];
export type PlanOrganisation = RouterOutputs['plans']['organisations'][number];
export type PlanContentView = PlanDetail['content'];
