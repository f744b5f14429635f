import {
  carryForwardMonthsOf,
  nodesOf,
  type AggregationOperator,
  type Indicator,
  type RiskClasses,
} from '@prevention/core';
import type { CompiledRiskModel } from '../engine.js';

/**
 * The shape of a compiled model as profiles walk it, from the model's public description:
 * each node's children and weights (for reliability and drivers), its leaves with their
 * indicators and validity windows, the nodes that get trends and drivers (the aggregates) and
 * the nodes that get an uncertainty band. Built once per profiler.
 */
export class ProfileLayout {
  readonly size: number;
  readonly ids: readonly string[];
  /** Node index of each leaf, in node order. */
  readonly leafNodes: Int32Array;
  /** Each leaf's carry-forward months. */
  readonly windows: Int32Array;
  /** The leaves an indicator code feeds. */
  readonly leavesOf: ReadonlyMap<string, readonly number[]>;
  /** Node index of each aggregate, in node order (the root last). */
  readonly aggregateNodes: Int32Array;
  /** Node index of each node with a band: the root and its descendants to the band depth. */
  readonly bandNodes: Int32Array;
  /** Each node's slot among the leaves, the aggregates and the band nodes; -1 when not one. */
  readonly leafSlot: Int32Array;
  readonly aggregateSlot: Int32Array;
  readonly bandSlot: Int32Array;
  /** Node indices parents first, as a reader goes through the tree. */
  readonly readingOrder: Int32Array;
  readonly operators: readonly (AggregationOperator | undefined)[];
  readonly classes: readonly (RiskClasses | undefined)[];
  readonly childStart: Int32Array;
  readonly childEnd: Int32Array;
  readonly children: Int32Array;
  readonly weight: Float64Array;
  readonly scale: Float64Array;
  readonly totalWeight: Float64Array;

  constructor(
    compiled: CompiledRiskModel,
    catalogue: ReadonlyMap<string, Pick<Indicator, 'origin' | 'validity'>>,
    bandDepth: number,
    /** The window of a leaf whose indicator the catalogue does not describe. */
    unknownWindow: number,
  ) {
    const nodes = compiled.nodes;
    const n = (this.size = nodes.length);
    const at = (id: string) => compiled.indexOf(id) ?? -1;
    this.ids = nodes.map((node) => node.id);
    this.operators = nodes.map((node) => (node.kind === 'aggregate' ? node.operator : undefined));
    this.classes = nodes.map(
      (node, i) => node.classes ?? (i === n - 1 ? compiled.model.classes : undefined),
    );
    this.weight = Float64Array.from(nodes, (node) => node.weight ?? 1);
    this.scale = Float64Array.from(nodes, (node) => node.scale ?? 1);
    this.childStart = new Int32Array(n);
    this.childEnd = new Int32Array(n);
    this.totalWeight = new Float64Array(n);
    const children: number[] = [];
    const leafNodes: number[] = [];
    const windows: number[] = [];
    const leavesOf = new Map<string, number[]>();
    const aggregates: number[] = [];
    nodes.forEach((node, i) => {
      this.childStart[i] = children.length;
      if (node.kind === 'indicator') {
        const code = node.indicator ?? node.id;
        const indicator = catalogue.get(code);
        const leaf = leafNodes.length;
        leafNodes.push(i);
        windows.push(indicator ? carryForwardMonthsOf(indicator) : unknownWindow);
        leavesOf.set(code, [...(leavesOf.get(code) ?? []), leaf]);
      } else {
        aggregates.push(i);
        for (const child of node.children) {
          children.push(at(child.id));
          this.totalWeight[i] = (this.totalWeight[i] as number) + (child.weight ?? 1);
        }
      }
      this.childEnd[i] = children.length;
    });
    this.children = Int32Array.from(children);
    this.leafNodes = Int32Array.from(leafNodes);
    this.windows = Int32Array.from(windows);
    this.leavesOf = leavesOf;
    this.aggregateNodes = Int32Array.from(aggregates);

    const band: number[] = [];
    const visit = (i: number, depth: number) => {
      if (this.operators[i] === undefined || depth > bandDepth) return;
      for (let k = this.childStart[i] as number; k < (this.childEnd[i] as number); k += 1)
        visit(this.children[k] as number, depth + 1);
      band.push(i);
    };
    visit(n - 1, 0);
    this.bandNodes = Int32Array.from(band);

    const slots = (members: Int32Array) => {
      const slot = new Int32Array(n).fill(-1);
      members.forEach((node, k) => (slot[node] = k));
      return slot;
    };
    this.leafSlot = slots(this.leafNodes);
    this.aggregateSlot = slots(this.aggregateNodes);
    this.bandSlot = slots(this.bandNodes);
    this.readingOrder = Int32Array.from(nodesOf(compiled.model.root), (node) => at(node.id));
  }

  get leafCount(): number {
    return this.leafNodes.length;
  }

  /** The longest validity window among the leaves. */
  get longestWindow(): number {
    return this.windows.reduce((a, b) => Math.max(a, b), 0);
  }
}
