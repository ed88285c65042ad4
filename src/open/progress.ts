/**
 * How far a long read has got, on one line of stderr rewritten in place (`\r`) and cleared at the
 * end: shown only when stderr is a terminal and the read has taken more than a second, never to a
 * pipe, a file or cron, where it would be noise. The clock is the Io's (`now`), as the terminal is.
 */
import type { Io } from '../io.js';

/** Shown after this long… */
const AFTER_MS = 1_000;
/** …and rewritten at most this often. */
const EVERY_MS = 100;

export interface Progress {
  /** `done` of `total` so far. */
  step(done: number, total: number): void;
  /** Clears the line, if one was shown. */
  end(): void;
}

const silent: Progress = { step() {}, end() {} };

/** `120 000`: digits in groups of three, as the progress line shows counts. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function progress(io: Io, say: (done: string, total: string) => string): Progress {
  const now = io.now;
  if (!io.stderrIsTTY || !now) return silent;
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    step(done, total) {
      const t = now();
      if (t - start < AFTER_MS || t - last < EVERY_MS) return;
      last = t;
      shown = true;
      // \x1b[K clears what a longer line before left on the right
      io.stderr(`\r${say(grouped(done), grouped(total))}\x1b[K`);
    },
    end() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
