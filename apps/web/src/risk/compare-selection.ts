import type { RouterOutputs } from '@prevention/api';
import { preventionRiskModel } from '@prevention/risk';
import type { CompareSelection } from './compare-search.js';

export type ModelVersion = RouterOutputs['risk']['models'][number];

/** The versions a country's profiles exist under: the global ones and the country's own. */
export function versionsOfCountry(
  models: readonly ModelVersion[],
  areaCode: string,
): ModelVersion[] {
  return models.filter((model) => model.countryCode === null || model.countryCode === areaCode);
}

/** The newest global version of the platform's prevention model, as the server defaults to. */
export function defaultGlobalVersion(models: readonly ModelVersion[]): ModelVersion | undefined {
  const global = models.filter((model) => model.countryCode === null);
  return global.filter((model) => model.modelId === preventionRiskModel.id).at(-1) ?? global.at(-1);
}

/**
 * The two versions a country is first compared under: its own adjusted version beside the
 * global one it was based on, so an analyst sees what the adjustment changed; without one, the
 * global prevention model beside the newest global version of another model (INFORM), or else
 * beside an older version of its own. `models` is in the server's order, oldest first.
 */
export function defaultVersionPair(models: readonly ModelVersion[], areaCode: string): string[] {
  const global = models.filter((model) => model.countryCode === null);
  const main = defaultGlobalVersion(models);
  const own = models.filter((model) => model.countryCode === areaCode).at(-1);
  if (own) {
    const base = global.find((model) => model.id === own.basedOn) ?? main;
    return base ? [base.id, own.id] : [own.id];
  }
  if (!main) return [];
  const newestFirst = [...global].reverse();
  const other =
    newestFirst.find((model) => model.modelId !== main.modelId) ??
    newestFirst.find((model) => model.id !== main.id);
  return other ? [main.id, other.id] : [main.id];
}

/**
 * Versions A and B: those asked for that the country's profiles exist under, in their order,
 * completed with its defaults. Fewer than two only when the platform has fewer.
 */
export function resolveVersionPair(
  ids: readonly string[],
  models: readonly ModelVersion[],
  areaCode: string,
): string[] {
  const allowed = new Set(versionsOfCountry(models, areaCode).map((model) => model.id));
  const chosen = ids.filter((id) => allowed.has(id)).slice(0, 2);
  for (const id of defaultVersionPair(models, areaCode)) {
    if (chosen.length < 2 && !chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

/** The version countries are compared under: a global one, as asked or the server's default. */
export function resolveGlobalVersion(
  id: string | undefined,
  models: readonly ModelVersion[],
): ModelVersion | undefined {
  const global = models.filter((model) => model.countryCode === null);
  return global.find((model) => model.id === id) ?? defaultGlobalVersion(models);
}

/** One column to load: an area under a model version (the server's default when undefined). */
export interface AreaRequest {
  areaCode: string;
  modelVersionId: string | undefined;
}

/**
 * The selection with its versions resolved against those the caller may see — a version they
 * cannot see, or one of another country, gives way to the default — and the columns to load.
 */
export function planComparison(
  selection: CompareSelection,
  models: readonly ModelVersion[],
): { selection: CompareSelection; requests: AreaRequest[] } {
  if (selection.kind === 'countries') {
    const modelVersionId = resolveGlobalVersion(selection.modelVersionId, models)?.id;
    return {
      selection: { ...selection, modelVersionId },
      requests: selection.areaCodes.map((areaCode) => ({ areaCode, modelVersionId })),
    };
  }
  const { areaCode } = selection;
  const modelVersionIds = resolveVersionPair(selection.modelVersionIds, models, areaCode ?? '');
  return {
    selection: { ...selection, modelVersionIds },
    requests: areaCode
      ? modelVersionIds.map((modelVersionId) => ({ areaCode, modelVersionId }))
      : [],
  };
}

/**
 * The selection of the other kind that keeps what carries over: the first country, and a
 * global version A as the countries' model; a country moving to versions gets its defaults.
 */
export function switchKind(
  selection: CompareSelection,
  kind: CompareSelection['kind'],
  models: readonly ModelVersion[],
): CompareSelection {
  if (selection.kind === kind) return selection;
  if (selection.kind === 'countries') {
    const [areaCode] = selection.areaCodes;
    return {
      kind: 'versions',
      areaCode,
      modelVersionIds: defaultVersionPair(models, areaCode ?? ''),
      month: selection.month,
    };
  }
  const [first] = selection.modelVersionIds;
  return {
    kind: 'countries',
    areaCodes: selection.areaCode ? [selection.areaCode] : [],
    modelVersionId: models.find((model) => model.id === first && model.countryCode === null)?.id,
    month: selection.month,
  };
}

/**
 * What a country's page offers to compare it with: the global model, beside the country's own
 * adjusted version, when it has one; otherwise other countries, under the version it shows.
 */
export function comparisonFromCountry(
  models: readonly ModelVersion[],
  areaCode: string,
  modelVersionId: string | undefined,
): { offer: 'withGlobal' | 'withCountries'; selection: CompareSelection } {
  if (models.some((model) => model.countryCode === areaCode)) {
    return {
      offer: 'withGlobal',
      selection: {
        kind: 'versions',
        areaCode,
        modelVersionIds: defaultVersionPair(models, areaCode),
        month: undefined,
      },
    };
  }
  return {
    offer: 'withCountries',
    selection: {
      kind: 'countries',
      areaCodes: [areaCode],
      modelVersionId: resolveGlobalVersion(modelVersionId, models)?.id,
      month: undefined,
    },
  };
}
