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
