export type {
  AlertAction,
  AlertDetail,
  AlertEvent,
  AlertView,
  BacktestFigures,
  BacktestReport,
  CountryAlertCount,
  CountryResponseTimes,
  Digest,
  DigestEntry,
  OnsetDefinition,
} from './alert-contract.js';
