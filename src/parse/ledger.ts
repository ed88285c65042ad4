/**
 * The ledger parser: text → lines, diagnostics. One pass over the string with charCodeAt,
 * no regular expressions and no per-line temporary objects beyond the entry, so that a million
 * lines parse in well under a second. A bad line yields a diagnostic and parsing goes on with
 * the next line. The grammar is documented in docs/ledger-format.md.
 */
import { diagnostic, type Diagnostic, type DiagnosticCode, type Params } from '../core/diagnostic.js';
import { dayOf, isCalendarDate } from '../core/dates.js';
import type { Entry, LedgerLine, Quantity, Void } from '../core/entry.js';

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

const isBlank = (c: number) => c === SPACE || c === TAB || c === CR;
const isDigit = (c: number) => c >= 48 && c <= 57;

class LineError {
  constructor(
    readonly col: number,
    readonly length: number,
    readonly code: DiagnosticCode,
    readonly params: Params = {},
  ) {}
}

/**
 * `intern` maps repeated tokens (dates, units, items, quantities, people) to one shared string, so
 * that a million entries hold a few hundred distinct strings instead of millions of copies; pass
 * one map for all ledgers of a repository.
 */
export function parseLedger(file: string, text: string, intern: Map<string, string> = new Map()): ParsedLedger {
  const lines: LedgerLine[] = [];
  const diagnostics: Diagnostic[] = [];
  let start = 0;
  let lineNo = 0;
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
  return { lines, diagnostics };
}

/** Parses text[start, end) — one line without its newline. Null for blank and comment lines. */
function parseLine(
  file: string,
  text: string,
  start: number,
  end: number,
  lineNo: number,
  intern: Map<string, string>,
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
  const date = shared(intern, text.slice(i, dateEnd));
  if (!isCalendarDate(date)) return new LineError(i - start + 1, dateEnd - i, 'bad-date', { text: date });
  i = skipBlanks(text, dateEnd, end);
  if (i === end) return new LineError(end - start + 1, 1, 'bad-line', { expected: 'subject' });

  // subject, or the keyword `void`
  const subjectEnd = tokenEnd(text, i, end);
  const subject = shared(intern, text.slice(i, subjectEnd));
  const subjectCol = i - start + 1;
  i = skipBlanks(text, subjectEnd, end);
  if (i === end) return new LineError(end - start + 1, 1, 'bad-line', { expected: subject === 'void' ? 'id' : 'item' });
  const secondStart = i;
  const secondEnd = tokenEnd(text, i, end);
  const second = shared(intern, text.slice(i, secondEnd));
  i = skipBlanks(text, secondEnd, end);

  let quantity: Quantity | undefined;
  let quantityText: string | undefined;
  let qtyCol = 0;
  let exempt = false;
  if (subject !== 'void' && i < end) {
    const c = text.charCodeAt(i);
    const qEnd = tokenEnd(text, i, end);
    if (isDigit(c)) {
      quantityText = shared(intern, text.slice(i, qEnd));
      qtyCol = i - start + 1;
      const q = parseQuantity(quantityText);
      if (q === null) return new LineError(qtyCol, qEnd - i, 'bad-quantity', { text: quantityText });
      quantity = q;
      i = skipBlanks(text, qEnd, end);
    } else if (qEnd - i === 6 && text.startsWith('exempt', i)) {
      exempt = true;
      qtyCol = i - start + 1;
      i = skipBlanks(text, qEnd, end);
    }
  }

  let note: string | undefined;
  if (i < end && text.charCodeAt(i) === QUOTE) {
    const noteCol = i - start + 1;
    let j = i + 1;
    let value = '';
    let from = j;
    for (;;) {
      if (j >= end) return new LineError(noteCol, end - i, 'bad-note', {});
      const c = text.charCodeAt(j);
      if (c === QUOTE) break;
      if (c === BACKSLASH && j + 1 < end) {
        const next = text.charCodeAt(j + 1);
        if (next === QUOTE || next === BACKSLASH) {
          value += text.slice(from, j);
          from = j + 1;
          j += 2;
          continue;
        }
      }
      j++;
    }
    // a copy, not a slice: a slice would keep the whole ledger text alive as long as the entry
    note = (' ' + value + text.slice(from, j)).slice(1);
    j++;
    if (j < end && !isBlank(text.charCodeAt(j))) return new LineError(j - start + 1, 1, 'bad-note', {});
    i = skipBlanks(text, j, end);
  }

  let id: string | undefined, by: string | undefined, evidence: string | undefined;
  let sha256: string | undefined, period: string | undefined;
  let idCol = 0, byCol = 0, evidenceCol = 0, periodCol = 0, sha256Col = 0;
  while (i < end) {
    const tEnd = tokenEnd(text, i, end);
    const colon = text.indexOf(':', i);
    if (colon === -1 || colon >= tEnd - 1 || colon === i) return badTag(text, start, i, tEnd);
    const value = text.slice(colon + 1, tEnd);
    const vCol = colon + 1 - start + 1;
    switch (text.slice(i, colon)) {
      case 'id':
        if (idCol) return badTag(text, start, i, tEnd);
        (id = value), (idCol = vCol);
        break;
      case 'by':
        if (byCol) return badTag(text, start, i, tEnd);
        (by = shared(intern, value)), (byCol = vCol);
        break;
      case 'evidence':
        if (evidenceCol) return badTag(text, start, i, tEnd);
        (evidence = value), (evidenceCol = vCol);
        break;
      case 'sha256':
        if (sha256Col) return badTag(text, start, i, tEnd);
        (sha256 = value), (sha256Col = vCol);
        break;
      case 'period':
        if (periodCol) return badTag(text, start, i, tEnd);
        (period = value), (periodCol = vCol);
        break;
      default:
        return badTag(text, start, i, tEnd);
    }
    i = skipBlanks(text, tEnd, end);
  }

  let out: LedgerLine;
  if (subject === 'void') {
    const v: Void = {
      kind: 'void', file, line: lineNo, date, day: dayOf(date), targetCol: secondStart - start + 1, qtyCol, idCol, byCol, periodCol, evidenceCol,
      target: second,
    };
    if (note !== undefined) v.reason = note;
    out = v;
  } else {
    const e: Entry = {
      kind: 'entry', file, line: lineNo, date, day: dayOf(date), targetCol: subjectCol, qtyCol, idCol, byCol, periodCol, evidenceCol,
      subject, item: second, itemCol: secondStart - start + 1, exempt,
    };
    if (quantity !== undefined) {
      e.quantity = quantity;
      e.quantityText = quantityText;
    }
    if (note !== undefined) e.note = note;
    out = e;
  }
  // Optional fields are only set when present, so that printing and re-parsing give equal objects.
  if (id !== undefined) out.id = id;
  if (by !== undefined) out.by = by;
  if (evidence !== undefined) out.evidence = evidence;
  if (sha256 !== undefined) out.sha256 = sha256;
  if (period !== undefined) out.period = period;
  return out;
}

function badTag(text: string, start: number, i: number, tEnd: number): LineError {
  return new LineError(i - start + 1, tEnd - i, 'bad-tag', { text: text.slice(i, tEnd) });
}

function shared(intern: Map<string, string>, s: string): string {
  const known = intern.get(s);
  if (known !== undefined) return known;
  intern.set(s, s);
  return s;
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
