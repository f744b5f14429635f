export { SeededRandom } from './random.js';
export {
  demoPCode,
  syntheticCountries,
  syntheticCountry,
  type SyntheticCountry,
} from './synthetic-countries.js';
export {
  generateSyntheticAcled,
  type AcledSurge,
  type SyntheticAcledOptions,
} from './acled-generator.js';
export {
  generateSyntheticHxlDisplacement,
  syntheticDisplacementColumns,
  type SyntheticHxlDisplacementOptions,
} from './hxl-displacement-generator.js';
export {
  generateSyntheticIndicatorHistory,
  syntheticIndicatorColumns,
  syntheticSignalFigures,
  syntheticIndicatorSource,
  type SyntheticIndicatorHistoryOptions,
  type SyntheticRise,
} from './indicator-history-generator.js';
