import type { Lang } from './i18n/lang.js';

/**
 * What `main` is given of the outside world. bin.ts makes it from the process; tests make their
 * own. Nothing below bin.ts reads `process`: streams, the environment, the terminal and the test
 * hooks all come in here.
 */
export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout is a terminal (colour, width). */
  isTTY: boolean;
  /** Whether stderr is a terminal: a long read shows its progress there (never to a pipe, a file or cron). */
  stderrIsTTY?: boolean;
  /** The clock in milliseconds, for that progress: src/open/ reads it, core never does. */
  now?: () => number;
  /** Terminal width, when known. */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  /** Today's calendar date, YYYY-MM-DD, when not the clock's (tests); the default of `--as-of`. */
  today?: string;
  /** This process, as a lock file names its owner. */
  self: Self;
  /** Present when questions can be asked (stdin is a terminal): opens the prompter, speaking `lang`. */
  prompter?: (lang: Lang) => Promise<Prompter>;
  /** Only for tests: points where a test stops or bends a run. */
  hooks?: TestHooks;
}

/** The running process: its id, and whether another process id on this host is alive. */
export interface Self {
  pid: number;
  alive: (pid: number) => boolean;
  /**
   * Whether a live process id on this host runs node or qingdan — false when it runs something
   * else (the pid of a dead lock owner reused), undefined when that cannot be told (no /proc).
   */
  looksLikeQingdan?: (pid: number) => boolean | undefined;
}

/** Something to pick from a list: what the list shows, and the words that find it. */
export interface Choice<T> {
  value: T;
  label: string;
  /** Exact words that pick it (id, name); typing part of one finds it. */
  keys: string[];
  hint?: string;
}

/**
 * Asking on a terminal. Each answer is checked as it is given; cancelling (Ctrl-C) rejects with
 * QingdanError('cancelled').
 */
export interface Prompter {
  /** One of `choices`, found by typing part of a key — or, when nothing contains what was typed, the nearest. */
  pick<T>(message: string, choices: readonly Choice<T>[]): Promise<T>;
  /**
   * A line of text, trimmed; Enter on an empty line gives `fallback` (or ''). `check` returns
   * what is wrong with an answer, which is then asked again, or undefined.
   */
  text(message: string, opts?: { fallback?: string; check?: (answer: string) => string | undefined }): Promise<string>;
  close(): void;
}

export interface TestHooks {
  /** Called right after a ledger line is appended, before git add (a crash test kills the process here). */
  afterAppend?: () => void;
  /** How long `record` waits for another's lock (ms; default 60 000). */
  lockTimeoutMs?: number;
}

/** The options every command takes (cli.ts). */
export interface GlobalOptions {
  C?: string;
  asOf?: string;
  lang?: string;
  color?: boolean;
  json?: boolean;
}
