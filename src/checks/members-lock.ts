/**
 * The checks of an umbrella's `members.lock` (docs/rollup.md): the problems its parser finds
 * (src/parse/members-lock.ts: not JSON, an entry without id or url, a commit that is not 40 or 64
 * hex digits, an id twice, an id the settings do not list), each placed on its line. A lock is
 * written by `qingdan rollup fetch`; one that is corrupt or edited by hand would otherwise read
 * as members never fetched, or pin data nobody fetched. Pure: the lock's text and the settings'
 * member ids are the input.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import { diagnostic, type Diagnostic, type Position } from '../core/diagnostic.js';
import { lockProblems, type LockProblem } from '../parse/members-lock.js';

/** Line and column (1-based, UTF-16 code units) of an offset in `text`. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The place of each problem: its value's, found by its JSON path in the text read as YAML (which JSON is). */
function placer(file: string, text: string): (p: LockProblem) => Position {
  let doc: ReturnType<typeof parseDocument> | undefined;
  const at = (offset: number, end: number): Position => {
    const { line, column } = placeOf(text, Math.min(offset, text.length));
    const lineEnd = text.indexOf('\n', offset);
    return { file, line, column, length: Math.max(1, Math.min(end, lineEnd < 0 ? text.length : lineEnd) - offset) };
  };
  return (p) => {
    if (p.problem === 'syntax') return at(p.offset ?? 0, (p.offset ?? 0) + 1);
    doc ??= parseDocument(text, { lineCounter: new LineCounter(), schema: 'core' });
    const node = p.path.length === 0 ? doc.contents : doc.getIn(p.path, true);
    const range = isNode(node) ? node.range : undefined;
    return range ? at(range[0], range[1]) : { file, line: 1, column: 1, length: 1 };
  };
}

/** The findings in a lock's text; `memberIds`, when given, are the ids the settings list under `members:`. */
export function membersLockDiagnostics(file: string, text: string, memberIds?: readonly string[]): Diagnostic[] {
  const problems = lockProblems(text, memberIds);
  if (problems.length === 0) return [];
  const place = placer(file, text);
  return problems.map((p) => {
    const params: Record<string, string | number> = { problem: p.problem };
    if ('id' in p) params.id = p.id;
    if (p.problem === 'commit') params.value = p.value;
    if (p.problem === 'duplicate') params.first = place({ problem: 'entry', path: p.first }).line;
    return diagnostic(place(p), 'bad-lock', params);
  });
}
