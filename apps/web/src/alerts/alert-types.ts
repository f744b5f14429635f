import type { RouterOutputs } from '@prevention/api';

/** The early-warning views as the API sends them. */
export type AlertView = RouterOutputs['alerts']['list']['items'][number];
export type AlertDetail = RouterOutputs['alerts']['get'];
export type AlertEvent = AlertDetail['events'][number];
export type AlertAction = AlertView['actions'][number];
export type Digest = RouterOutputs['alerts']['digest'];
export type CountryAlertCount = RouterOutputs['alerts']['countsByCountry'][number];
export type CountryResponseTimes = RouterOutputs['alerts']['responseTimes'][number];
export type BacktestReport = RouterOutputs['alertRules']['backtest'];
export type BacktestFigures = BacktestReport['baseline'];
export type OnsetDefinition = BacktestReport['onset'];
export type AlertRuleDetail = RouterOutputs['alertRules']['get'];
