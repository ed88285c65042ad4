/**
 * Does a later version of a ledger only add to an earlier one? No git, no file system: versions
 * come in as bytes. The rules are documented in docs/audit.md.
 *
 * - An ordinary commit must keep its parent's bytes as a prefix: `after = before + appended`.
 *   A version whose last line was cut off (no final newline) may be completed: that is still an
 *   append, byte for byte.
 * - A merge must keep every line of each parent, in that parent's order (the union merge driver
 *   puts one side's new lines after the other's); lines may appear between them.
 * Anything else is a violation, classified line by line: edited, removed, reordered, inserted (in
 * the middle, ordinary commits only), whitespace or line-ending rewritten.
 */

export const CHANGE_KINDS = ['edited', 'removed', 'reordered', 'inserted', 'whitespace', 'line-ending'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface LineChange {
  kind: ChangeKind;
  /** 1-based line of the earlier version (for `inserted`: the line the new text was put before). */
  line: number;
  /** 1-based line of the later version, when the line has a counterpart there. */
  afterLine?: number;
  /** The earlier line, without its newline (a `\r` is kept). */
  before?: string;
  /** The later line, without its newline. */
  after?: string;
  /** How many consecutive lines of this kind the change stands for (at least 1). */
  count: number;
}

export interface AddedLine {
  /** 1-based line of the later version. */
  line: number;
  /** The line without its newline. */
  text: string;
  /** For a line new in a merge: a parent has it too, only fewer times (the merge duplicated it). */
  known?: true;
}

export interface Comparison {
  changes: LineChange[];
  /** Lines the later version appended. */
  added: AddedLine[];
  /** The complete lines (newlines) of the later version, when it only appended. */
  lines?: number;
}

interface Ln {
  /** With its newline, if it has one. */
  text: string;
  /** Without the newline. */
  bare: string;
  complete: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function splitLines(text: string): Ln[] {
  const out: Ln[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      const t = text.slice(start);
      out.push({ text: t, bare: t, complete: false });
      break;
    }
    out.push({ text: text.slice(start, nl + 1), bare: text.slice(start, nl), complete: true });
    start = nl + 1;
  }
  return out;
}

/**
 * Whether `before` is a prefix of `after`. Versions of a big ledger are hundreds of megabytes, read
 * once per commit: where the two are equally aligned, four bytes are compared at a time.
 */
export function isPrefix(before: Uint8Array, after: Uint8Array): boolean {
  const n = before.length;
  if (after.length < n) return false;
  // two versions given as the first bytes of the same last version (read/history.ts prefixVersions)
  if (before.buffer === after.buffer && before.byteOffset === after.byteOffset) return true;
  let i = 0;
  if ((before.byteOffset & 3) === (after.byteOffset & 3) && n >= 64) {
    while ((before.byteOffset + i) & 3) {
      if (before[i] !== after[i]) return false;
      i++;
    }
    const words = (n - i) >> 2;
    const a = new Int32Array(before.buffer, before.byteOffset + i, words);
    const b = new Int32Array(after.buffer, after.byteOffset + i, words);
    for (let w = 0; w < words; w++) if (a[w] !== b[w]) return false;
    i += words << 2;
  }
  for (; i < n; i++) if (before[i] !== after[i]) return false;
  return true;
}

/** How many complete lines a version has, and whether it ends with a newline (an empty one does). */
export interface LineInfo {
  lines: number;
  complete: boolean;
}

export function lineInfoOf(bytes: Uint8Array): LineInfo {
  return { lines: newlines(bytes, bytes.length), complete: bytes.length === 0 || bytes[bytes.length - 1] === 10 };
}

/** The number of newlines in `bytes` before `end`. */
function newlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

const noEol = (s: string) => s.replace(/\r?\n?$/, '').replace(/\r$/, '');
const squash = (s: string) => noEol(s).replace(/\s+/g, ' ').trim();

/** Whether line `b` of the earlier version survives as line `a`: equal, or a cut-off line completed. */
function same(b: Ln, a: Ln): boolean {
  return b.complete ? a.text === b.text : a.text.startsWith(b.text);
}

interface Alignment {
  /** For each earlier line, the later line it is anchored to, or -1. */
  anchorOf: number[];
  anchored: boolean[];
}

/** In-order anchors: each earlier line to the next later line equal to it (greedy). */
function align(B: Ln[], A: Ln[]): Alignment {
  const positions = new Map<string, number[]>();
  A.forEach((l, j) => {
    const list = positions.get(l.text);
    if (list) list.push(j);
    else positions.set(l.text, [j]);
  });
  const anchorOf = B.map(() => -1);
  const anchored = A.map(() => false);
  let pos = 0;
  for (let i = 0; i < B.length; i++) {
    const b = B[i]!;
    let j = -1;
    if (b.complete) {
      const list = positions.get(b.text);
      if (list) j = firstAtLeast(list, pos);
    } else {
      for (let k = pos; k < A.length; k++) {
        if (same(b, A[k]!)) {
          j = k;
          break;
        }
      }
    }
    if (j >= 0) {
      anchorOf[i] = j;
      anchored[j] = true;
      pos = j + 1;
    }
  }
  return { anchorOf, anchored };
}

function firstAtLeast(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : -1;
}

/**
 * The changes that turn B into A, other than appending. `merge` allows new lines anywhere
 * (a union merge interleaves the two sides' additions).
 */
function classify(B: Ln[], A: Ln[], merge: boolean): { changes: LineChange[]; appended: number[] } {
  const { anchorOf, anchored } = align(B, A);
  const changes: LineChange[] = [];
  const appended: number[] = [];
  const claimed = A.map((_, j) => anchored[j]!);

  // 1. earlier lines that are still there, but out of order: reordered
  const freeA = new Map<string, number[]>();
  A.forEach((l, j) => {
    if (claimed[j]) return;
    const list = freeA.get(l.text);
    if (list) list.push(j);
    else freeA.set(l.text, [j]);
  });
  const gone = new Set<number>();
  B.forEach((b, k) => {
    if (anchorOf[k] !== -1) return;
    const j = (freeA.get(b.text) ?? []).find((x) => !claimed[x]);
    if (j === undefined) {
      gone.add(k);
      return;
    }
    claimed[j] = true;
    changes.push({ kind: 'reordered', line: k + 1, afterLine: j + 1, before: b.bare, after: A[j]!.bare, count: 1 });
  });

  // 2. the gaps between consecutive anchors: earlier lines gone, later lines new
  let i = 0;
  let jStart = 0;
  for (;;) {
    let iEnd = i;
    while (iEnd < B.length && anchorOf[iEnd] === -1) iEnd++;
    const last = iEnd === B.length;
    const jEnd = last ? A.length : anchorOf[iEnd]!;
    const gapB: number[] = [];
    for (let k = i; k < iEnd; k++) if (gone.has(k)) gapB.push(k);
    const gapA: number[] = [];
    for (let k = jStart; k < jEnd; k++) if (!claimed[k]) gapA.push(k);
    // a look-alike first (only whitespace or the line ending differs), then in order: a rewrite
    const pairs = new Map<number, number>();
    for (const k of gapB) {
      const x = gapA.findIndex((j) => squash(A[j]!.text) === squash(B[k]!.text));
      if (x !== -1) pairs.set(k, gapA.splice(x, 1)[0]!);
    }
    // (in a merge, the lines after the last common one are the other side's additions: no pairing there)
    if (!(merge && last)) for (const k of gapB) if (!pairs.has(k) && gapA.length > 0) pairs.set(k, gapA.shift()!);
    for (const k of gapB) {
      const b = B[k]!;
      const j = pairs.get(k);
      if (j === undefined) {
        changes.push({ kind: 'removed', line: k + 1, before: b.bare, count: 1 });
        continue;
      }
      claimed[j] = true;
      const a = A[j]!;
      const kind: ChangeKind = noEol(a.text) === noEol(b.text) ? 'line-ending' : squash(a.text) === squash(b.text) ? 'whitespace' : 'edited';
      changes.push({ kind, line: k + 1, afterLine: j + 1, before: b.bare, after: a.bare, count: 1 });
    }
    // later lines left: appended after the last earlier line, or inserted in the middle
    for (const j of gapA) {
      if (last) appended.push(j);
      else if (!merge) changes.push({ kind: 'inserted', line: iEnd + 1, afterLine: j + 1, after: A[j]!.bare, count: 1 });
    }
    if (last) break;
    i = iEnd + 1;
    jStart = anchorOf[iEnd]! + 1;
  }
  return { changes: fold(changes), appended };
}

/** Consecutive lines with the same kind of change become one change with a count. */
function fold(list: LineChange[]): LineChange[] {
  const sorted = [...list].sort((a, b) => a.line - b.line || (a.afterLine ?? 0) - (b.afterLine ?? 0));
  const out: LineChange[] = [];
  for (const c of sorted) {
    const prev = out[out.length - 1];
    const key = c.kind === 'inserted' ? c.afterLine : c.line;
    const prevKey = prev ? (prev.kind === 'inserted' ? prev.afterLine : prev.line) : undefined;
    if (prev && prev.kind === c.kind && key !== undefined && prevKey !== undefined && key === prevKey + prev.count) {
      prev.count++;
    } else out.push({ ...c });
  }
  return out;
}

/**
 * An ordinary commit: `after` must be `before` plus appended lines. `beforeLines`, when known
 * (the `lines` of the comparison that made `before`), saves counting them again.
 */
export function compareAppend(before: Uint8Array, after: Uint8Array, beforeLines?: number): Comparison {
  if (isPrefix(before, after)) {
    // only the tail is decoded: from the start of the earlier version's last, unfinished line
    const start = before.lastIndexOf(10) + 1;
    const from = beforeLines ?? newlines(before, start);
    const tail = splitLines(decoder.decode(after.subarray(start)));
    // a cut-off last line is not an entry yet: it is counted once completed
    const added = tail.filter((l) => l.complete).map((l, k) => ({ line: from + k + 1, text: l.bare }));
    return { changes: [], added, lines: from + added.length };
  }
  const A = splitLines(decoder.decode(after));
  const B = splitLines(decoder.decode(before));
  const { changes, appended } = classify(B, A, false);
  if (changes.length === 0) {
    // cannot happen for real text, but never call a non-append clean
    const k = B.findIndex((b, i) => !A[i] || !same(b, A[i]!));
    const at = k === -1 ? B.length - 1 : k;
    changes.push({ kind: 'edited', line: at + 1, before: B[at]?.bare ?? '', ...(A[at] ? { after: A[at]!.bare, afterLine: at + 1 } : {}), count: 1 });
  }
  return { changes, added: appended.filter((j) => A[j]!.complete).map((j) => ({ line: j + 1, text: A[j]!.bare })) };
}

/** A merge, against one of its parents: every line of the parent is still there, in order. */
export function compareUnion(parent: Uint8Array, merged: Uint8Array): LineChange[] {
  if (isPrefix(parent, merged)) return [];
  const B = splitLines(decoder.decode(parent));
  const A = splitLines(decoder.decode(merged));
  return classify(B, A, true).changes;
}

/**
 * Lines of a merge that none of its parents has (as many times): what the merge itself added. A
 * union merge adds none. `known` marks a line some parent has, fewer times: a copy.
 */
export function newInMerge(parents: readonly Uint8Array[], merged: Uint8Array): AddedLine[] {
  const A = splitLines(decoder.decode(merged));
  const most = new Map<string, number>();
  for (const p of parents) {
    const counts = new Map<string, number>();
    for (const l of splitLines(decoder.decode(p))) counts.set(l.bare, (counts.get(l.bare) ?? 0) + 1);
    for (const [t, n] of counts) most.set(t, Math.max(most.get(t) ?? 0, n));
  }
  const out: AddedLine[] = [];
  A.forEach((l, j) => {
    const n = most.get(l.bare);
    if (n !== undefined && n > 0) most.set(l.bare, n - 1);
    else if (l.complete) out.push({ line: j + 1, text: l.bare, ...(n !== undefined ? { known: true as const } : {}) });
  });
  return out;
}
