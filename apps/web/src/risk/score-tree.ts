import {
  localise,
  type Language,
  type Period,
  type RiskModel,
  type RiskNode,
} from '@prevention/core';
import type { RiskProfile } from '@prevention/risk';
import { classIdOf } from './risk-classes.js';

/** One node of a profile's score tree, as the country page shows it. */
export interface ScoreTreeNode {
  id: string;
  title: string;
  score: number | null;
  classId: string;
  /** The points of the parent's score this node accounts for, when among its drivers. */
  contribution: number | null;
  completeness: number;
  reliability: number;
  observed: Period | null;
  /** Children that drive the score first (largest contribution first), then the others. */
  children: ScoreTreeNode[];
}

/**
 * The score tree of a profile under its model's tree. A node's class is the profile's (the
 * root's) or its score classed under the model's classes. A node the profile lacks is shown
 * without a score, as missing data.
 */
export function buildScoreTree(
  model: RiskModel,
  profile: RiskProfile,
  language: Language,
): ScoreTreeNode {
  const visit = (node: RiskNode, contribution: number | null): ScoreTreeNode => {
    const figures = profile.nodes[node.id];
    const score = figures?.score ?? null;
    const drivers = new Map(
      (figures?.drivers ?? []).map((driver) => [driver.node, driver.contribution]),
    );
    const children = node.kind === 'aggregate' ? node.children : [];
    const rank = (child: RiskNode) => {
      const index = figures?.drivers?.findIndex((driver) => driver.node === child.id) ?? -1;
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    return {
      id: node.id,
      title: localise(node.title, language),
      score,
      classId: figures?.class ?? classIdOf(score, node.classes ?? model.classes),
      contribution,
      completeness: figures?.completeness ?? 0,
      reliability: figures?.reliability ?? 0,
      observed: figures?.observed ?? null,
      children: children
        .map((child, order) => ({ child, order }))
        .sort((a, b) => rank(a.child) - rank(b.child) || a.order - b.order)
        .map(({ child }) => visit(child, drivers.get(child.id) ?? null)),
    };
  };
  return visit(model.root, null);
}

/**
 * The tree of a profile whose model the app does not know: its nodes in the profile's order
 * (parents first) under the root, titled by id.
 */
export function flatScoreTree(profile: RiskProfile, model: RiskModel | undefined): ScoreTreeNode {
  const classes = model?.classes ?? [];
  const nodeOf = (id: string, contribution: number | null): ScoreTreeNode => {
    const figures = profile.nodes[id];
    const score = figures?.score ?? null;
    return {
      id,
      title: id,
      score,
      classId: figures?.class ?? (classes.length ? classIdOf(score, classes) : 'no-data'),
      contribution,
      completeness: figures?.completeness ?? 0,
      reliability: figures?.reliability ?? 0,
      observed: figures?.observed ?? null,
      children: [],
    };
  };
  const root = nodeOf(profile.root, null);
  const rootDrivers = new Map(
    (profile.nodes[profile.root]?.drivers ?? []).map((driver) => [
      driver.node,
      driver.contribution,
    ]),
  );
  root.children = Object.keys(profile.nodes)
    .filter((id) => id !== profile.root)
    .map((id) => nodeOf(id, rootDrivers.get(id) ?? null));
  return root;
}

/** The title of every node of a score tree, by node id. */
export function nodeTitles(root: ScoreTreeNode): Map<string, string> {
  const titles = new Map<string, string>();
  const visit = (node: ScoreTreeNode) => {
    titles.set(node.id, node.title);
    node.children.forEach(visit);
  };
  visit(root);
  return titles;
}
