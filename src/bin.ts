/**
 * The process around `main`: real streams in, its result into the exit code. `dist/qingdan.js`
 * (src/launch.ts) loads the bundle this file heads and calls `run`.
 */
import { main } from './cli.js';

export { main };

export function run(): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `qingdan check | head` closes the pipe early; that is not an error of ours.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
