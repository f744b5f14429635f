export { SeededRandom } from './random.js';
export {
  demoPCode,
  syntheticCountries,
  syntheticCountry,
  type SyntheticCountry,
} from './synthetic-countries.js';
export { generateSyntheticAcled, type SyntheticAcledOptions } from './acled-generator.js';
export {
  generateSyntheticHxlDisplacement,
  syntheticDisplacementColumns,
  type SyntheticHxlDisplacementOptions,
} from './hxl-displacement-generator.js';
