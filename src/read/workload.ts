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
/** What was counted: a ledger read again (by `record` under its lock) is the same work's data. */
const counted = new Set<string>();

/**
 * Counts the bytes of ledger `key` (a path, or a blob id) the first time it is read;
 * optimisation is turned on at the first megabyte.
 */
export function ledgerBytesRead(key: string, n: number): void {
  if (read >= LARGE || counted.has(key)) return;
  counted.add(key);
  read += n;
  if (read >= LARGE) setFlagsFromString('--opt');
}
