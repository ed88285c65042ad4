/**
 * How much work this run is, told to V8. The launcher (src/launch.cts) starts with optimising
 * compiles off: on an office's year a command is over before they pay, and the process must wait
 * for the ones still running before it can exit. Ledgers of a megabyte or more (a prefecture's
 * years) are the other case, where optimised code is what makes a million entries fast, so
 * reading that much turns it back on.
 */
import { setFlagsFromString } from 'node:v8';

const LARGE = 1 << 20;
let read = 0;

/** Counts ledger bytes read; optimisation is turned on at the first megabyte. */
export function ledgerBytesRead(n: number): void {
  if (read >= LARGE) return;
  read += n;
  if (read >= LARGE) setFlagsFromString('--opt');
}
