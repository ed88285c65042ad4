#!/usr/bin/env node
/** The executable: real process streams into `main`, its result into the exit code. */
import { main } from './cli.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `qingdan check | head` closes the pipe early; that is not an error of ours.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  env: process.env,
});
process.exitCode = code;
