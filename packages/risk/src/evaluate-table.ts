import { parseCsv, formatCsv } from './csv.js';
import type { CompiledRiskModel } from './engine.js';

export interface TableError {
  /** 1-based line of the CSV (the header is row 1). */
  row: number;
  /** The column's header, or its 1-based position when the header itself is the problem. */
  column: string;
  message: string;
}

export type TableResult =
  { ok: true; csv: string; areas: number } | { ok: false; errors: TableError[] };

export interface TableOptions {
  /** `wide` (default): one row per area; `long`: one row per area and node. */
  format?: 'wide' | 'long';
  /** Decimals of scores and completeness in the output. Default 3. */
  decimals?: number;
  /** Stop collecting errors after this many. Default 100. */
  maxErrors?: number;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Evaluates a model for every row of a CSV table. The input has an `area` column and one
 * column per node id (an inner node's value is taken as given; an empty cell is missing).
 * Every problem — an unknown or repeated column, a repeated area, a value that is not a number
 * or out of the node's range — is reported with its row and column, and then nothing is
 * produced: a table is evaluated whole or not at all.
 *
 * Output, `wide`: `area`, the root's `class` and `completeness`, then every node's score in
 * model order (so the output can be fed back as input). `long`: `area,node,score,class,
 * completeness,origin`, one row per area and node.
 */
export function evaluateTable(
  model: CompiledRiskModel,
  csv: string,
  options: TableOptions = {},
): TableResult {
  const maxErrors = options.maxErrors ?? 100;
  const decimals = options.decimals ?? 3;
  const errors: TableError[] = [];
  const report = (error: TableError) => {
    if (errors.length < maxErrors) errors.push(error);
  };

  let rows: string[][];
  try {
    rows = parseCsv(csv);
  } catch (error) {
    return { ok: false, errors: [{ row: 1, column: '-', message: (error as Error).message }] };
  }
  const [header, ...data] = rows;
  if (!header || header[0]?.trim() !== 'area')
    return {
      ok: false,
      errors: [{ row: 1, column: '1', message: 'The first column must be "area"' }],
    };

  const columns: (number | undefined)[] = [];
  const seen = new Set<string>();
  header.forEach((name, c) => {
    if (c === 0) return;
    const id = name.trim();
    const index = model.indexOf(id);
    if (index === undefined)
      report({
        row: 1,
        column: id || String(c + 1),
        message: `No node "${id}" in model ${model.model.id}`,
      });
    else if (seen.has(id)) report({ row: 1, column: id, message: 'This column appears twice' });
    seen.add(id);
    columns.push(index);
  });
  if (data.length === 0) report({ row: 2, column: 'area', message: 'The table has no rows' });

  const areas = new Set<string>();
  const vectors: { area: string; inputs: Float64Array }[] = [];
  data.forEach((cells, r) => {
    const row = r + 2;
    const area = (cells[0] ?? '').trim();
    if (area === '') report({ row, column: 'area', message: 'The area is empty' });
    else if (areas.has(area))
      report({ row, column: 'area', message: `Area ${area} appears twice` });
    areas.add(area);
    if (cells.length > header.length)
      report({ row, column: String(header.length + 1), message: 'More cells than columns' });
    const inputs = new Float64Array(model.size).fill(Number.NaN);
    columns.forEach((index, c) => {
      const raw = (cells[c + 1] ?? '').trim();
      if (raw === '' || index === undefined) return;
      const column = (header[c + 1] ?? '').trim();
      if (!NUMBER.test(raw)) {
        report({ row, column, message: `"${raw}" is not a number` });
        return;
      }
      const value = Number(raw);
      const range = model.acceptedRange(column);
      if (value < range.min || value > range.max) {
        const bounds = Number.isFinite(range.max)
          ? `${range.min}–${range.max}`
          : `at least ${range.min}`;
        report({ row, column, message: `${raw} is out of range (${bounds})` });
        return;
      }
      inputs[index] = value;
    });
    vectors.push({ area, inputs });
  });
  if (errors.length > 0) return { ok: false, errors };

  const round = (x: number) => (Number.isNaN(x) ? '' : x.toFixed(decimals));
  const out: string[][] = [];
  if ((options.format ?? 'wide') === 'wide') {
    const order = depthFirst(model);
    out.push(['area', 'class', 'completeness', ...order.map((i) => model.nodes[i]?.id ?? '')]);
    for (const { area, inputs } of vectors) {
      const evaluation = model.evaluate(inputs);
      out.push([
        area,
        evaluation.root.class?.id ?? '',
        round(evaluation.root.completeness),
        ...order.map((i) => round(evaluation.nodes[model.nodes[i]?.id ?? '']?.score ?? Number.NaN)),
      ]);
    }
  } else {
    out.push(['area', 'node', 'score', 'class', 'completeness', 'origin']);
    const order = depthFirst(model);
    for (const { area, inputs } of vectors) {
      const evaluation = model.evaluate(inputs);
      for (const i of order) {
        const node = evaluation.nodes[model.nodes[i]?.id ?? ''];
        if (!node) continue;
        out.push([
          area,
          node.id,
          round(node.score ?? Number.NaN),
          node.class?.id ?? '',
          round(node.completeness),
          node.origin,
        ]);
      }
    }
  }
  return { ok: true, csv: formatCsv(out), areas: vectors.length };
}

/** Node indices from the root down, as a reader expects them. */
function depthFirst(model: CompiledRiskModel): number[] {
  const order: number[] = [];
  const visit = (id: string) => {
    const i = model.indexOf(id);
    if (i === undefined) return;
    order.push(i);
    const node = model.nodes[i];
    if (node?.kind === 'aggregate') node.children.forEach((c) => visit(c.id));
  };
  visit(model.root.id);
  return order;
}

/** A CSV header and one empty row: a template to fill in for a model. */
export function inputTemplate(model: CompiledRiskModel): string {
  const leaves = model.nodes.filter((n) => n.kind === 'indicator').map((n) => n.id);
  return formatCsv([['area', ...leaves]]);
}
