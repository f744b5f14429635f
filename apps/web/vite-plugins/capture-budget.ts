import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface CaptureBudgetOptions {
  /** The module the capture routes load, relative to the project root. */
  captureModule: string;
  /** The most gzipped JavaScript, in bytes, that opening the capture route may load. */
  budgetBytes: number;
  /** Where to write the figures, in the output folder, for the benchmark to read. */
  reportFile?: string;
}

/** What the build measured, as written to the report file. */
export interface CaptureBudgetReport {
  budgetBytes: number;
  /** Gzipped JS loaded to open the capture route: the entry, the capture chunk and their imports. */
  captureBytes: number;
  captureChunks: { fileName: string; gzipBytes: number }[];
  /** Gzipped JS of every chunk of the app: what a visitor of every page would load. */
  wholeAppBytes: number;
  chunkCount: number;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  moduleIds: readonly string[];
  imports: readonly string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Reports, at every build, the gzipped JavaScript a browser loads to open the capture route —
 * the entry chunk, the chunk of the capture module and every chunk either imports statically —
 * against the budget, and fails the build when it is over: field teams open this route on slow
 * links. Gzip at level 9 stands for what a compressing proxy sends.
 */
export function captureBudget(options: CaptureBudgetOptions): Plugin {
  let root = '';
  return {
    name: 'prevention:capture-budget',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_outputOptions, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.set(output.fileName, output as unknown as ChunkLike);
      }
      const target = `${root}/${options.captureModule}`.replace(/\/+/g, '/');
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      const capture = [...chunks.values()].find((chunk) => chunk.moduleIds.includes(target));
      if (!entry || !capture) {
        this.error(`capture budget: no ${entry ? 'chunk holds ' + target : 'entry chunk'}`);
      }

      const needed = new Set<string>();
      const visit = (fileName: string) => {
        if (needed.has(fileName)) return;
        needed.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      visit(entry.fileName);
      visit(capture.fileName);

      const gzipped = new Map(
        [...chunks.values()].map((chunk) => [
          chunk.fileName,
          gzipSync(chunk.code, { level: 9 }).length,
        ]),
      );
      const captureChunks = [...needed].map((fileName) => ({
        fileName,
        gzipBytes: gzipped.get(fileName) ?? 0,
      }));
      const report: CaptureBudgetReport = {
        budgetBytes: options.budgetBytes,
        captureBytes: captureChunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
        captureChunks,
        wholeAppBytes: [...gzipped.values()].reduce((sum, bytes) => sum + bytes, 0),
        chunkCount: chunks.size,
      };

      const verdict = report.captureBytes <= report.budgetBytes ? 'within budget' : 'OVER BUDGET';
      this.info(
        `capture route JS: ${kb(report.captureBytes)} gzipped in ${captureChunks.length} chunks ` +
          `(budget ${kb(report.budgetBytes)}: ${verdict}); whole app ${kb(report.wholeAppBytes)} ` +
          `in ${report.chunkCount} chunks`,
      );
      this.emitFile({
        type: 'asset',
        fileName: options.reportFile ?? 'capture-budget.json',
        source: `${JSON.stringify(report, null, 2)}\n`,
      });
      if (report.captureBytes > report.budgetBytes) {
        this.error(
          `The capture route loads ${kb(report.captureBytes)} of gzipped JS, over its budget of ` +
            `${kb(report.budgetBytes)}: ${captureChunks.map((c) => `${c.fileName} ${kb(c.gzipBytes)}`).join(', ')}`,
        );
      }
    },
  };
}
