import { isAppError } from '@prevention/core';
import { compileModel, type CompiledRiskModel } from '../engine.js';
import { evaluateTable, inputTemplate } from '../evaluate-table.js';
import { informRiskModel } from '../models/inform-model.js';
import { preventionRiskModel } from '../models/prevention-model.js';

/** What the command line needs from the outside world, so that tests can run it in memory. */
export interface CliIo {
  readFile(path: string): Promise<string>;
  writeFile(path: string, content: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const builtInModels = { inform: informRiskModel, prevention: preventionRiskModel } as const;

export const helpText = `prevention-risk — evaluate composite risk models

Usage
  prevention-risk evaluate --model <M.json|inform|prevention> --input <values.csv>
                           [--output <scores.csv>] [--format wide|long] [--decimals <n>]
  prevention-risk model <inform|prevention>      print a shipped model as JSON
  prevention-risk template <M.json|inform|prevention>   print an empty input CSV
  prevention-risk --help

The model (--model)
  A JSON document: { id, version, title: { en, fr?, ar?, … }, minCoverage, decimals?,
  classes, root }; decimals rounds every node's score before its parent uses it (INFORM: 1).
  Nodes are leaves { kind: "indicator", id, title, normalisation, invert?, weight? } or inner
  nodes { kind: "aggregate", id, title, operator, children, minCoverage?, weight?, scale? }.
  normalisation: { method: "identity" } (a 0–10 score), { method: "min-max", min, max } or
  { method: "log-min-max", min, max }, values outside the goalposts clipped; invert: true for
  indicators where higher is better. operator: weighted-mean, geometric-mean,
  reverse-geometric-mean (INFORM's), max, scaled-max (max of scale × score), min.
  Missing children are dropped and the weights renormalised; below minCoverage (the weighted
  share of children present) the node is missing. classes: [{ id, label, from }] by lower
  bound, for the root. "inform" and "prevention" name the two models shipped with the tool.

The input (--input)
  CSV, one row per area, first column "area", then one column per node id. A leaf takes the
  raw indicator value, an inner node a 0–10 score taken as given (so you can start from
  category scores). An empty cell is missing. Values must be numbers; scores lie in 0–10 and
  log-scaled counts cannot be negative. On any bad cell — unknown column, repeated area, a
  value that is not a number or out of range — every problem is listed with its row and
  column, and nothing is written.

The output (--output, or standard output)
  wide (default): area, class, completeness (of the root), then every node's score, root
  first. long: area,node,score,class,completeness,origin — one row per area and node;
  origin is input, computed or missing. Completeness is the weighted share of data present.

Exit status: 0 done, 1 bad input or model, 2 wrong usage.
`;

function parseOptions(args: readonly string[]): Map<string, string> | string {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (!name?.startsWith('--')) return `Unexpected argument ${name ?? ''}`;
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    if (options.has(name)) return `${name} is given twice`;
    options.set(name, value);
  }
  return options;
}

async function loadModel(spec: string, io: CliIo): Promise<CompiledRiskModel> {
  if (spec in builtInModels) return compileModel(builtInModels[spec as keyof typeof builtInModels]);
  let text: string;
  try {
    text = await io.readFile(spec);
  } catch {
    throw new UsageError(`Cannot read the model file ${spec}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${spec} is not JSON: ${(error as Error).message}`);
  }
  try {
    return compileModel(json);
  } catch (error) {
    if (isAppError(error)) throw new InputError(`${spec}: ${error.message}`);
    throw error;
  }
}

class UsageError extends Error {}
class InputError extends Error {}

/** Runs the command line; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(helpText);
      return command === undefined ? 2 : 0;
    }
    if (command === 'model') {
      const name = rest[0] ?? '';
      if (!(name in builtInModels) || rest.length !== 1)
        throw new UsageError(`model takes one of: ${Object.keys(builtInModels).join(', ')}`);
      io.stdout(`${JSON.stringify(builtInModels[name as keyof typeof builtInModels], null, 2)}\n`);
      return 0;
    }
    if (command === 'template') {
      if (rest.length !== 1) throw new UsageError('template takes a model');
      io.stdout(inputTemplate(await loadModel(rest[0] ?? '', io)));
      return 0;
    }
    if (command !== 'evaluate') throw new UsageError(`Unknown command ${command}`);

    const options = parseOptions(rest);
    if (typeof options === 'string') throw new UsageError(options);
    for (const name of options.keys())
      if (!['--model', '--input', '--output', '--format', '--decimals'].includes(name))
        throw new UsageError(`Unknown option ${name}`);
    const modelSpec = options.get('--model');
    const inputPath = options.get('--input');
    if (!modelSpec || !inputPath) throw new UsageError('evaluate needs --model and --input');
    const format = options.get('--format') ?? 'wide';
    if (format !== 'wide' && format !== 'long') throw new UsageError('--format is wide or long');
    const decimals = Number(options.get('--decimals') ?? '3');
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12)
      throw new UsageError('--decimals is a whole number from 0 to 12');

    const model = await loadModel(modelSpec, io);
    let csv: string;
    try {
      csv = await io.readFile(inputPath);
    } catch {
      throw new UsageError(`Cannot read the input file ${inputPath}`);
    }
    const result = evaluateTable(model, csv, { format, decimals });
    if (!result.ok) {
      const lines = result.errors.map(
        (e) => `${inputPath}: row ${e.row}, column ${e.column}: ${e.message}`,
      );
      io.stderr(`${lines.join('\n')}\nNothing was written.\n`);
      return 1;
    }
    const output = options.get('--output');
    if (output) {
      await io.writeFile(output, result.csv);
      io.stderr(`Scored ${result.areas} area(s) with ${model.model.id}; wrote ${output}\n`);
    } else io.stdout(result.csv);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\nRun prevention-risk --help for the file formats.\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`${error.message}\nNothing was written.\n`);
      return 1;
    }
    throw error;
  }
}
