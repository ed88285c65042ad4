/**
 * The ledger parser: text → lines, diagnostics. One pass over the string with charCodeAt, no
 * regular expressions, and nothing allocated per line but the entry and its unique strings (id,
 * note): repeated tokens — dates, units, items, quantities, people — are looked up by their
 * characters in a shared table before any string is made. A bad line yields a diagnostic and
 * parsing goes on with the next line. The grammar is documented in docs/ledger-format.md.
 *
 * Entries do not carry the columns of their tokens (seven numbers a line, a million times);
 * `spansOf` finds them again in the line's text when a diagnostic needs them.
 */
import { diagnostic, type Diagnostic, type DiagnosticCode, type LedgerToken, type Params } from '../core/diagnostic.js';
import { calendarDay } from '../core/dates.js';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Entry, Extra, LedgerLine, Quantity, Void } from '../core/entry.js';

export interface ParsedLedger {
  lines: LedgerLine[];
  diagnostics: Diagnostic[];
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const SLASH = 47;
const DOT = 46;
const MINUS = 45;

const isBlank = (c: number) => c === SPACE || c === TAB || c === CR;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The tokens of a line whose place a diagnostic may point at. `target`: the subject, or the voided id. */
export const TOKENS: readonly LedgerToken[] = ['date', 'target', 'item', 'qty', 'note', 'id', 'by', 'evidence', 'sha256', 'period', 'inspector', 'rectify-by', 'rectifies', 'group', 'rater', 'ballot'];
export type Token = LedgerToken;
const T = Object.fromEntries(TOKENS.map((t, i) => [t, i])) as Record<Token, number>;

/** Records [start, end) of token `t`, relative to the line, when the caller asked for spans. */
const mark = (spans: Int32Array | null, t: number, start: number, end: number) => {
  if (spans === null) return;
  spans[2 * t] = start;
  spans[2 * t + 1] = end;
};

/**
 * Strings shared across all ledgers of a repository, found by their characters without slicing
 * first (open addressing, FNV-1a). Long tokens are copied rather than sliced, so that no entry
 * keeps a whole ledger's text alive. Notes are shared too while the table is small: short
 * notes ("主题党日") repeat; the cap keeps a ledger of unique notes from growing the table.
 */
export class Interner {
  private keys: (string | undefined)[] = new Array(1024);
  private mask = 1023;
  private size = 0;
  /** Quantities by their text: one immutable object for every `2h`. */
  readonly quantities = new Map<string, Quantity | null>();
  /** Dates by their day number, which the parser has already computed. */
  readonly dates = new Map<number, string>();
  /**
   * The last subject, item and recorder seen: consecutive lines of a ledger mostly repeat them
   * (one unit a file, one clerk), and comparing with the last one is cheaper than hashing.
   */
  private last: string[] = ['', '', ''];

  /** Like `take`, checking first whether the token is the one last seen in `slot`. */
  takeRepeated(slot: number, text: string, s: number, e: number): string {
    const prev = this.last[slot]!;
    if (prev.length === e - s && same(prev, text, s)) return prev;
    return (this.last[slot] = this.take(text, s, e));
  }

  /** A note: shared while fewer than NOTE_CAP distinct notes have been seen. */
  note(body: string): string {
    let n = this.notes.get(body);
    if (n === undefined) {
      n = body.length < 13 ? body : (' ' + body).slice(1);
      if (this.notes.size < NOTE_CAP) this.notes.set(n, n);
    }
    return n;
  }

  private readonly notes = new Map<string, string>();

  take(text: string, s: number, e: number): string {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const n = e - s;
    let slot = h & this.mask;
    for (let k = this.keys[slot]; k !== undefined; k = this.keys[slot]) {
      if (k.length === n && same(k, text, s)) return k;
      slot = (slot + 1) & this.mask;
    }
    const str = copy(text, s, e);
    this.keys[slot] = str;
    if (++this.size * 2 > this.keys.length) this.grow();
    return str;
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Array(old.length * 2);
    this.mask = this.keys.length - 1;
    for (const k of old) {
      if (k === undefined) continue;
      let h = 0x811c9dc5;
      for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
      let slot = h & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
    }
  }
}

const NOTE_CAP = 1 << 16;

function same(k: string, text: string, s: number): boolean {
  return text.startsWith(k, s);
}

/** text[s, e) as a string of its own: V8 makes slices of 13 characters or more views of the parent. */
function copy(text: string, s: number, e: number): string {
  return e - s < 13 ? text.slice(s, e) : (' ' + text.slice(s, e)).slice(1);
}

class LineError {
  constructor(
    readonly col: number,
    readonly length: number,
    readonly code: DiagnosticCode,
    readonly params: Params = {},
  ) {}
}

/** Pass one Interner for all ledgers of a repository. */
export function parseLedger(file: string, text: string, intern: Interner = new Interner()): ParsedLedger {
  const out: ParsedLedger = { lines: [], diagnostics: [] };
  parseText(file, text, 0, intern, out);
  return applyLineVoids(out, () => text);
}

/**
 * The same for a ledger's bytes, known to be valid UTF-8 (a leading BOM is skipped): decoded and
 * parsed a megabyte at a time, cut at line ends, so that a large ledger never exists as one
 * string beside its entries.
 */
export function parseLedgerBytes(file: string, bytes: Uint8Array, intern: Interner = new Interner()): ParsedLedger {
  const out: ParsedLedger = { lines: [], diagnostics: [] };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let lineNo = 0;
  while (pos < buf.length) {
    let end = Math.min(buf.length, pos + CHUNK);
    if (end < buf.length) {
      const nl = buf.indexOf(10, end);
      end = nl === -1 ? buf.length : nl + 1;
    }
    lineNo = parseText(file, buf.toString('utf8', pos, end), lineNo, intern, out);
    pos = end;
  }
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return applyLineVoids(out, () => buf.toString('utf8', bom));
}

/** The prefix of a void's target that names a line by its text rather than an entry by its id. */
export const LINE_TARGET = 'line:';

/**
 * What `void --line` names a line by: the first 12 hex digits of the SHA-256 of its text (as in
 * the file, without the line end). A line number would not survive a union merge, which puts the
 * other clone's lines in between; the text does.
 */
export function lineTarget(lineText: string): string {
  return LINE_TARGET + createHash('sha256').update(lineText.replace(/\r$/, ''), 'utf8').digest('hex').slice(0, 12);
}

/**
 * A line cancelled by a `void line:<hash>` of the same file is as if it were not there: neither
 * counted nor reported (that is what the void is for — a line that does not parse, or has no id
 * to void it by). A hash that names no line of the file is an error, a second void of one a
 * warning. Only ledgers holding such a void pay for the second look at their text.
 */
function applyLineVoids(out: ParsedLedger, textOf: () => string): ParsedLedger {
  let voids: Void[] | undefined;
  for (const l of out.lines) if (l.kind === 'void' && l.target.startsWith(LINE_TARGET)) (voids ??= []).push(l);
  if (!voids) return out;
  const named = new Set(voids.map((v) => v.target));
  const cancelled = new Set<number>();
  const matched = new Set<string>();
  const text = textOf();
  let lineNo = 0;
  for (let start = 0; start < text.length; ) {
    lineNo++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (nameable(line)) {
      const t = lineTarget(line);
      if (named.has(t)) {
        cancelled.add(lineNo);
        matched.add(t);
      }
    }
    start = end + 1;
  }
  const first = new Map<string, Void>();
  for (const v of voids) {
    const at = { file: v.file, line: v.line, column: 0, length: 0, token: 'target' as const };
    const earlier = first.get(v.target);
    if (earlier) out.diagnostics.push(diagnostic(at, 'void-twice', { id: v.target, first: `${earlier.file}:${earlier.line}` }, 'warning'));
    else {
      first.set(v.target, v);
      if (!matched.has(v.target)) out.diagnostics.push(diagnostic(at, 'void-unknown', { id: v.target }));
    }
  }
  out.lines = out.lines.filter((l) => !cancelled.has(l.line));
  out.diagnostics = out.diagnostics.filter((d) => !cancelled.has(d.line));
  return out;
}

/** A line `void --line` may name: not blank, not a comment. */
export function nameable(line: string): boolean {
  const t = line.trimStart();
  return t !== '' && t !== '\r' && t[0] !== ';' && t[0] !== '#';
}

const CHUNK = 1 << 20;

/**
 * One line of a ledger (its text, without the newline) as it reads at line `lineNo` of `file`:
 * lines are read one by one, so this is what the line reads as inside its file. `record` checks
 * the line it is about to append this way, without parsing the file.
 */
export function parseLineAt(file: string, text: string, lineNo: number): ParsedLedger {
  const out: ParsedLedger = { lines: [], diagnostics: [] };
  parseText(file, text, lineNo - 1, new Interner(), out);
  return out;
}


/** Parses the lines of `text`, numbered from `lineNo` + 1; returns the last line number. */
function parseText(file: string, text: string, lineNo: number, intern: Interner, out: ParsedLedger): number {
  const { lines, diagnostics } = out;
  let start = 0;
  const n = text.length;
  while (start < n) {
    lineNo++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    const parsed = parseLine(file, text, start, end, lineNo, intern);
    if (parsed instanceof LineError) {
      diagnostics.push(
        diagnostic(
          { file, line: lineNo, column: parsed.col, length: parsed.length },
          parsed.code,
          parsed.params,
          'error',
          text.slice(start, end).replace(/\r$/, ''),
        ),
      );
    } else if (parsed !== null) {
      lines.push(parsed);
    }
    start = end + 1;
  }
  return lineNo;
}

/** Where each token of a (valid) ledger line stands: 1-based column and length. */
export function spansOf(lineText: string): Partial<Record<Token, { column: number; length: number }>> {
  // [start, end) of each token, −1 when absent
  const spans = new Int32Array(TOKENS.length * 2).fill(-1);
  parseLine('', lineText, 0, lineText.length, 1, new Interner(), spans);
  const out: Partial<Record<Token, { column: number; length: number }>> = {};
  TOKENS.forEach((t, i) => {
    const s = spans[2 * i]!;
    if (s >= 0) out[t] = { column: s + 1, length: Math.max(1, spans[2 * i + 1]! - s) };
  });
  return out;
}

/** Parses text[start, end) — one line without its newline. Null for blank and comment lines. */
function parseLine(
  file: string,
  text: string,
  start: number,
  end: number,
  lineNo: number,
  intern: Interner,
  spans: Int32Array | null = null,
): LedgerLine | LineError | null {
  // a CRLF line ends before its CR, so that columns are the same as with LF
  if (end > start && text.charCodeAt(end - 1) === CR) end--;
  let i = start;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (i === end) return null;
  const first = text.charCodeAt(i);
  if (first === 59 /* ; */ || first === 35 /* # */) return null;

  // date
  const dateEnd = tokenEnd(text, i, end);
  const day = calendarDay(text, i, dateEnd);
  if (day === 0) return new LineError(i - start + 1, dateEnd - i, 'bad-date', { text: text.slice(i, dateEnd) });
  mark(spans, T.date, i - start, dateEnd - start);
  let date = intern.dates.get(day);
  if (date === undefined) intern.dates.set(day, (date = intern.take(text, i, dateEnd)));
  i = skipBlanks(text, dateEnd, end);
  if (i === end) return new LineError(end - start + 1, 1, 'bad-line', { expected: 'subject' });

  // subject, or the keyword `void`
  const subjectEnd = tokenEnd(text, i, end);
  const subject = intern.takeRepeated(0, text, i, subjectEnd);
  const isVoid = subject === 'void';
  if (!isVoid) mark(spans, T.target, i - start, subjectEnd - start);
  i = skipBlanks(text, subjectEnd, end);
  if (i === end) return new LineError(end - start + 1, 1, 'bad-line', { expected: isVoid ? 'id' : 'item' });
  const secondEnd = tokenEnd(text, i, end);
  mark(spans, isVoid ? T.target : T.item, i - start, secondEnd - start);
  const second = isVoid ? copy(text, i, secondEnd) : intern.takeRepeated(1, text, i, secondEnd);
  i = skipBlanks(text, secondEnd, end);

  let quantity: Quantity | undefined;
  let exempt = false;
  let extra: Extra | undefined;
  if (!isVoid && i < end) {
    const c = text.charCodeAt(i);
    const qEnd = tokenEnd(text, i, end);
    if (c === MINUS) {
      // an inspection finding's points: -1, -0.5 or -0.5分
      const q = parseQuantity(text.slice(i + 1, qEnd));
      if (q === null || q.expected !== undefined || (q.unit !== undefined && q.unit !== '分') || q.value <= 0) {
        return new LineError(i - start + 1, qEnd - i, 'bad-quantity', { text: text.slice(i, qEnd) });
      }
      extra = { points: q.value };
      mark(spans, T.qty, i - start, qEnd - start);
      i = skipBlanks(text, qEnd, end);
    } else if (isDigit(c)) {
      const qText = intern.take(text, i, qEnd);
      let q = intern.quantities.get(qText);
      if (q === undefined) intern.quantities.set(qText, (q = parseQuantity(qText)));
      if (q === null) return new LineError(i - start + 1, qEnd - i, 'bad-quantity', { text: qText });
      quantity = q;
      mark(spans, T.qty, i - start, qEnd - start);
      i = skipBlanks(text, qEnd, end);
    } else if (isGrade(text, i, qEnd)) {
      // a rater's grade (评议等次)
      extra = { grade: intern.take(text, i, qEnd) };
      mark(spans, T.qty, i - start, qEnd - start);
      i = skipBlanks(text, qEnd, end);
    } else if (qEnd - i === 6 && text.startsWith('exempt', i)) {
      exempt = true;
      mark(spans, T.qty, i - start, qEnd - start);
      i = skipBlanks(text, qEnd, end);
    }
  }

  let note: string | undefined;
  if (i < end && text.charCodeAt(i) === QUOTE) {
    const noteStart = i;
    let j = i + 1;
    // the closing quote by indexOf, and the note taken whole when it holds no backslash: native
    // string functions, fast even before the JIT has compiled this loop
    const quote = text.indexOf('"', j);
    const body = quote !== -1 && quote < end ? text.slice(j, quote) : undefined;
    if (body !== undefined && !body.includes('\\')) {
      note = intern.note(body);
      j = quote;
    } else {
      let escaped = '';
      let from = j;
      for (;;) {
        if (j >= end) return new LineError(noteStart - start + 1, end - noteStart, 'bad-note', {});
        const c = text.charCodeAt(j);
        if (c === QUOTE) break;
        if (c === BACKSLASH && j + 1 < end) {
          const next = text.charCodeAt(j + 1);
          if (next === QUOTE || next === BACKSLASH) {
            escaped += text.slice(from, j);
            from = j + 1;
            j += 2;
            continue;
          }
        }
        j++;
      }
      note = (' ' + escaped + text.slice(from, j)).slice(1);
    }
    j++;
    if (j < end && !isBlank(text.charCodeAt(j))) return new LineError(j - start + 1, 1, 'bad-note', {});
    mark(spans, T.note, noteStart - start, j - start);
    i = skipBlanks(text, j, end);
  }

  let id: string | undefined, by: string | undefined, evidence: string | undefined;
  let sha256: string | undefined, period: string | undefined;
  while (i < end) {
    const tEnd = tokenEnd(text, i, end);
    const colon = text.indexOf(':', i);
    if (colon === -1 || colon >= tEnd - 1 || colon === i) return badTag(text, start, i, tEnd);
    const v = colon + 1;
    // the key by its characters, without making a string of it
    const t = tagAt(text, i, colon);
    if (t === T.id && id === undefined) id = copy(text, v, tEnd);
    else if (t === T.by && by === undefined) by = intern.takeRepeated(2, text, v, tEnd);
    else if (t === T.period && period === undefined) period = intern.take(text, v, tEnd);
    else if (t === T.evidence && evidence === undefined) evidence = copy(text, v, tEnd);
    else if (t === T.sha256 && sha256 === undefined) sha256 = copy(text, v, tEnd);
    else if (t === T.inspector && extra?.inspector === undefined) (extra ??= {}).inspector = intern.take(text, v, tEnd);
    else if (t === T['rectify-by'] && extra?.rectifyBy === undefined) {
      if (calendarDay(text, v, tEnd) === 0) return new LineError(v - start + 1, tEnd - v, 'bad-date', { text: text.slice(v, tEnd) });
      (extra ??= {}).rectifyBy = copy(text, v, tEnd);
    } else if (t === T.rectifies && extra?.rectifies === undefined) (extra ??= {}).rectifies = copy(text, v, tEnd);
    else if (t === T.group && extra?.group === undefined) (extra ??= {}).group = intern.take(text, v, tEnd);
    else if (t === T.rater && extra?.rater === undefined) (extra ??= {}).rater = intern.take(text, v, tEnd);
    else if (t === T.ballot && extra?.ballot === undefined) (extra ??= {}).ballot = copy(text, v, tEnd);
    else return badTag(text, start, i, tEnd);
    mark(spans, t, v - start, tEnd - start);
    i = skipBlanks(text, tEnd, end);
  }

  // a rating's score is written as the quantity: it is the rating's, not a quantity done
  if (extra?.group !== undefined && quantity !== undefined && quantity.unit === undefined && quantity.expected === undefined) {
    extra.score = quantity.value;
    quantity = undefined;
  }
  // every field in one literal, in one order: one hidden class for all lines, no property store
  if (isVoid) {
    const v: Void = { kind: 'void', file, line: lineNo, date, day, target: second, reason: note, id, by, evidence, sha256, period };
    return v;
  }
  const e: Entry = {
    kind: 'entry', file, line: lineNo, date, day, subject, item: second, quantity, exempt, note, id, by, evidence, sha256, period, extra,
  };
  return e;
}

/** The token index of the tag key text[i, colon), or −1. */
function tagAt(text: string, i: number, colon: number): number {
  switch (colon - i) {
    case 2:
      if (text.startsWith('id', i)) return T.id;
      if (text.startsWith('by', i)) return T.by;
      return -1;
    case 8:
      return text.startsWith('evidence', i) ? T.evidence : -1;
    case 5:
      if (text.startsWith('group', i)) return T.group;
      if (text.startsWith('rater', i)) return T.rater;
      return -1;
    case 6:
      if (text.startsWith('period', i)) return T.period;
      if (text.startsWith('sha256', i)) return T.sha256;
      if (text.startsWith('ballot', i)) return T.ballot;
      return -1;
    case 9:
      if (text.startsWith('inspector', i)) return T.inspector;
      if (text.startsWith('rectifies', i)) return T.rectifies;
      return -1;
    case 10:
      return text.startsWith('rectify-by', i) ? T['rectify-by'] : -1;
    default:
      return -1;
  }
}

function badTag(text: string, start: number, i: number, tEnd: number): LineError {
  return new LineError(i - start + 1, tEnd - i, 'bad-tag', { text: text.slice(i, tEnd) });
}

/** 好, 较好, 一般 or 差 at text[i, e). */
function isGrade(text: string, i: number, e: number): boolean {
  const n = e - i;
  if (n === 1) return text.charCodeAt(i) === 0x597d /* 好 */ || text.charCodeAt(i) === 0x5dee /* 差 */;
  return n === 2 && (text.startsWith('较好', i) || text.startsWith('一般', i));
}

function tokenEnd(text: string, i: number, end: number): number {
  while (i < end && !isBlank(text.charCodeAt(i))) i++;
  return i;
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/**
 * `3`, `3.5h`, `2篇`, `23/25`. Returns null for anything else (`3.`, `1e3`, `3/`, `-1`).
 * Exported for `record`, which reads quantities typed on the command line.
 */
export function parseQuantity(s: string): Quantity | null {
  let i = 0;
  const n = s.length;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i === 0) return null;
  if (i < n && s.charCodeAt(i) === DOT) {
    const f = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === f) return null;
  }
  const value = Number(s.slice(0, i));
  if (i === n) return { value };
  if (s.charCodeAt(i) === SLASH) {
    const d = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === d || i !== n || s.indexOf('.') !== -1) return null;
    return { value, expected: Number(s.slice(d)) };
  }
  const unit = s.slice(i);
  for (let k = 0; k < unit.length; k++) {
    const c = unit.charCodeAt(k);
    if (isDigit(c) || isBlank(c) || c === DOT || c === SLASH || c === COLON || c === QUOTE) return null;
  }
  return { value, unit };
}
