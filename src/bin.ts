/**
 * The process around `main`: the real streams, environment and terminal in, its result into the
 * exit code. `dist/qingdan.js` (src/launch.cts) loads the bundle this file heads and calls `run`.
 */
import { readFileSync } from 'node:fs';
import { main } from './cli.js';
import type { Io } from './io.js';

export { main };

/** A roll-up's worker thread (src/rollup/workers.ts) loads this bundle and calls this. */
export const rollupWorker = async (): Promise<void> => (await import('./rollup/workers.js')).serveJudgements();

/** The Io of this process. `test` only from test/support/run-with-hooks.cjs: test hooks. */
export function processIo(test: { hooks?: Io['hooks'] } = {}): Io {
  const hooks = test.hooks;
  return {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    now: () => Date.now(),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    self: { pid: process.pid, alive, looksLikeQingdan },
    // questions only on a terminal, drawn on stderr so that stdout (--json) stays the result's
    ...(process.stdin.isTTY && process.stderr.isTTY ? { prompter: async (lang) => (await import('./prompt/clack.js')).clackPrompter(process.stdin, process.stderr, lang) } : {}),
    ...(hooks ? { hooks } : {}),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether process `pid` runs node or qingdan, from its command line in /proc (Linux); undefined
 * where there is no /proc or it cannot be read.
 */
function looksLikeQingdan(pid: number): boolean | undefined {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return undefined;
  }
  const args = raw.split('\0').filter((a) => a !== '');
  if (args.length === 0) return undefined; // a zombie, or a kernel thread
  return args.some((a) => /qingdan/i.test(a)) || /(^|[/\\])(node|nodejs)[\w.-]*$/i.test(args[0]!);
}

export function run(io: Io = processIo()): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `qingdan check | head` closes the pipe early; that is not an error of ours.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
