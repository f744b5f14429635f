import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));

export interface CliProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Resolves with the first JSON log line that matches, or rejects when the process exits first. */
  waitForLog(
    match: (entry: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

/** Runs the `prevention` command line from its TypeScript sources, as a separate process. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { input?: string } = {},
): CliProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@prevention/source', '--import', 'tsx', 'src/cli.ts', ...args],
    {
      cwd: serverRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'info',
        // The demo's world history costs a seeding about 15 s; the tests that need it say so.
        DEMO_WORLD_HISTORY: 'false',
        ...env,
      },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    },
  );
  if (options.input !== undefined) child.stdin?.end(options.input);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const logEntries = (): Record<string, unknown>[] =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForLog: (match, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const found = logEntries().find(match);
          if (found) {
            clearInterval(poll);
            resolve(found);
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(
              new Error(
                `no matching log line (exit ${child.exitCode}); stderr:\n${stderr}\nstdout:\n${stdout}`,
              ),
            );
          }
        }, 50);
      }),
  };
}

export const isReady = (entry: Record<string, unknown>) =>
  typeof entry.url === 'string' && entry.msg !== undefined;
