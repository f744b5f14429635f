import { z } from 'zod';
import { IndicatorCode, Normalisation, type Indicator } from './indicator.js';
import { LocalisedText } from './localised.js';

/**
 * The shape of a composite risk model: a tree whose leaves are indicators normalised to 0–10
 * and whose inner nodes aggregate their children with an operator. It lives in core because
 * every pillar contributes a subtree; the engine that evaluates it is `@prevention/risk`.
 * A model is data — a JSON document validated by `RiskModel` — so country teams can write
 * their own, for countries or for sub-national areas.
 */
export const NodeId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'Expected a node id of letters, digits, . _ -');
export type NodeId = z.infer<typeof NodeId>;

/**
 * How an inner node combines its children's 0–10 scores x₁…xₙ with weights w₁…wₙ:
 * - `weighted-mean`: Σwᵢxᵢ / Σwᵢ
 * - `geometric-mean`: Π xᵢ^(wᵢ/Σw)
 * - `reverse-geometric-mean`, INFORM's: 10·(10 − Π(1 + 9·(10 − xᵢ)/10)^(wᵢ/Σw))/9, which with
 *   equal weights is 10·(10 − (Π(1 + 9·(10 − xᵢ)/10))^(1/n))/9 — one high child pulls it up
 * - `max`, `min`: the largest or smallest child
 * - `scaled-max`: max(a₁x₁, a₂x₂, …) with each child's `scale` as aᵢ, clipped to 10
 */
export const AggregationOperator = z.enum([
  'weighted-mean',
  'geometric-mean',
  'reverse-geometric-mean',
  'max',
  'scaled-max',
  'min',
]);
export type AggregationOperator = z.infer<typeof AggregationOperator>;

/**
 * Risk classes by lower bound: a score belongs to the last class whose `from` is at most the
 * score. The first class starts at 0, bounds increase strictly.
 */
export const RiskClasses = z
  .array(
    z
      .object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), label: LocalisedText, from: z.number() })
      .strict(),
  )
  .min(1)
  .superRefine((classes, ctx) => {
    if (classes[0]?.from !== 0)
      ctx.addIssue({ code: 'custom', path: [0, 'from'], message: 'The first class starts at 0' });
    classes.forEach((c, i) => {
      const previous = classes[i - 1];
      if (previous && c.from <= previous.from)
        ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'Bounds must increase' });
      if (c.from > 10)
        ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'Bounds lie within 0–10' });
    });
  });
export type RiskClasses = z.infer<typeof RiskClasses>;

const nodeCommon = {
  id: NodeId,
  title: LocalisedText,
  description: LocalisedText.optional(),
  /** Relative weight (> 0) among its siblings, in means and in the parent's coverage. Default 1. */
  weight: z.number().gt(0).max(1000).optional(),
  /** The factor aᵢ of a `scaled-max` parent. Default 1. */
  scale: z.number().min(0).max(100).optional(),
  /** Classes of this node's score (the model's classes apply to the root only). */
  classes: RiskClasses.optional(),
};

export const IndicatorNode = z
  .object({
    kind: z.literal('indicator'),
    ...nodeCommon,
    /** The indicator whose values feed this leaf; the node id when absent. */
    indicator: IndicatorCode.optional(),
    normalisation: Normalisation,
    /** Invert the normalised score (10 − s): for higher-is-better indicators. */
    invert: z.boolean().optional(),
  })
  .strict();
export type IndicatorNode = z.infer<typeof IndicatorNode>;

export interface AggregateNode {
  kind: 'aggregate';
  id: NodeId;
  title: LocalisedText;
  description?: LocalisedText | undefined;
  weight?: number | undefined;
  scale?: number | undefined;
  classes?: RiskClasses | undefined;
  operator: AggregationOperator;
  /** The least weighted share of children that must have a score; model default otherwise. */
  minCoverage?: number | undefined;
  children: RiskNode[];
}
export type RiskNode = IndicatorNode | AggregateNode;

// The one place a type is written by hand: Zod cannot infer a recursive type, so the schema
// below is checked against it (`satisfies`), and a drift is a compile error.
export const AggregateNode: z.ZodType<AggregateNode> = z
  .object({
    kind: z.literal('aggregate'),
    ...nodeCommon,
    operator: AggregationOperator,
    minCoverage: z.number().gt(0).max(1).optional(),
    get children() {
      return z.array(RiskNode).min(1);
    },
  })
  .strict() satisfies z.ZodType<AggregateNode>;

export const RiskNode: z.ZodType<RiskNode> = z.union([IndicatorNode, AggregateNode]);

/** Every node of a tree, parents before children. */
export function nodesOf(root: RiskNode): RiskNode[] {
  const nodes: RiskNode[] = [];
  const visit = (node: RiskNode) => {
    nodes.push(node);
    if (node.kind === 'aggregate') node.children.forEach(visit);
  };
  visit(root);
  return nodes;
}

export const RiskModel = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.string().min(1).max(40),
    title: LocalisedText,
    description: LocalisedText.optional(),
    /** Default least weighted share of present children for an inner node to have a score. */
    minCoverage: z.number().gt(0).max(1),
    /**
     * Decimals every node's score is rounded to (half up) before its parent aggregates it, as
     * INFORM publishes and aggregates one-decimal scores. Unrounded when absent.
     */
    decimals: z.number().int().min(0).max(6).optional(),
    /** Classes of the root's score; other nodes have a class only if they declare their own. */
    classes: RiskClasses,
    root: RiskNode,
  })
  .strict()
  .superRefine((model, ctx) => {
    const seen = new Set<string>();
    for (const node of nodesOf(model.root)) {
      if (seen.has(node.id))
        ctx.addIssue({ code: 'custom', path: ['root'], message: `Duplicate node id ${node.id}` });
      seen.add(node.id);
    }
  });
export type RiskModel = z.infer<typeof RiskModel>;

/**
 * A leaf for an indicator of a catalogue: the indicator's code as node id, its title and
 * normalisation, inverted when higher is better. Pillars build their subtrees with it.
 */
export function indicatorNode(
  indicator: Indicator,
  options: { weight?: number; scale?: number } = {},
): IndicatorNode {
  return {
    kind: 'indicator',
    id: indicator.code,
    title: indicator.title,
    normalisation: indicator.normalisation,
    ...(indicator.polarity === 'higher-is-better' ? { invert: true } : {}),
    ...(options.weight === undefined ? {} : { weight: options.weight }),
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  };
}
