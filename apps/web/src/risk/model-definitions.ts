import { localise, type Language, type RiskModel } from '@prevention/core';
import { informRiskModel, preventionRiskModel } from '@prevention/risk';

const definitions: ReadonlyMap<string, RiskModel> = new Map(
  [preventionRiskModel, informRiskModel].map((model) => [model.id, model]),
);

/**
 * The tree of a model the platform ships (titles, children, classes), by model id: the server
 * lists versions of these models. A country's own version may differ from it; its profile's
 * nodes then fall back to their ids (see `buildScoreTree`).
 */
export function modelDefinitionOf(modelId: string): RiskModel | undefined {
  return definitions.get(modelId);
}

/** The figures a page shows: the composite (the model's root), then each pillar, titled. */
export function figuresOfModel(
  model: RiskModel | undefined,
  rootId: string,
  language: Language,
): { id: string; title: string }[] {
  if (!model) return [{ id: rootId, title: rootId }];
  const root = model.root;
  const pillars = root.kind === 'aggregate' ? root.children : [];
  return [root, ...pillars].map((node) => ({ id: node.id, title: localise(node.title, language) }));
}

/**
 * A model version's title in the reader's language: the API gives a version's English title,
 * and a version of a shipped model that keeps it has the shipped model's translations.
 */
export function versionTitleOf(
  version: { modelId: string; title: string },
  language: Language,
): string {
  const definition = modelDefinitionOf(version.modelId);
  return definition && localise(definition.title, 'en') === version.title
    ? localise(definition.title, language)
    : version.title;
}
