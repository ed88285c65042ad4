/**
 * The process around `main`: the real streams, environment and terminal in, its result into the
 * exit code. `dist/qingdan.js` (src/launch.cts) loads the bundle this file heads and calls `run`.
 */
import { main } from './cli.js';
import type { Io } from './io.js';

export { main };

/**
 * The Io of this process. `test` only from test/support/run-with-hooks.cjs: test hooks, and
 * questions asked on a stdin that is not a terminal (a scripted conversation).
 */
export function processIo(test: { hooks?: Io['hooks']; prompt?: boolean } = {}): Io {
  const hooks = test.hooks;
  return {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    self: { pid: process.pid, alive },
    ...(process.stdin.isTTY || test.prompt ? { prompter: async () => (await import('./prompt/terminal.js')).terminalPrompter(process.stdin, process.stderr) } : {}),
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
