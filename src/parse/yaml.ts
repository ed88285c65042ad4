/**
 * YAML text → a value checked against a zod schema, with every problem reported at the
 * `FILE:LINE:COL` of the offending key or value. The YAML core schema keeps `2026-06-30` a
 * string (no timestamps), aliases are capped so that a "billion laughs" file cannot blow up,
 * and `__proto__` stays an ordinary key that the strict schemas then reject.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic, type Position } from '../core/diagnostic.js';

type Issue = z.core.$ZodIssue;

/** Messages of our own refinements, translated by the i18n catalogue (`schema.<key>`). */
export const OWN_DETAILS = ['slug', 'item-id', 'date', 'target-empty', 'sum-without-measure', 'reserved-id', 'deduct-without-per-miss', 'floor-over-weight', 'per-missing-misuse', 'per-missing-without-count', 'item-points', 'scoring-without-weight', 'rating-misuse', 'per-person-misuse', 'per-person-all-per-missing', 'counts-toward-misuse', 'member-url', 'member-branch', 'duplicate-member'] as const;
const OWN = new Set<string>(OWN_DETAILS);

const zh = z.locales.zhCN();
const en = z.locales.en();

export interface YamlResult<T> {
  value?: T;
  diagnostics: Diagnostic[];
  /** Where a path inside the document starts, for checks that run after the schema. */
  locate: (path: readonly PropertyKey[], at?: 'key' | 'value') => Position;
}

export function parseYaml<T>(file: string, text: string, schema: z.ZodType<T>): YamlResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const lines = text.split('\n');
  const sourceAt = (line: number) => (lines[line - 1] ?? '').replace(/\r$/, '');
  const posAt = (offset: number, length = 1): Position => {
    const { line, col } = lineCounter.linePos(offset);
    const rest = sourceAt(line).length - col + 1;
    return { file, line, column: col, length: Math.max(1, Math.min(length, rest)) };
  };
  const locate = (path: readonly PropertyKey[], at: 'key' | 'value' = 'value') => {
    const range = rangeOf(doc, path, at);
    return posAt(range[0], range[1] - range[0]);
  };
  const withSource = (d: Diagnostic): Diagnostic => ({ ...d, source: sourceAt(d.line) });

  const diagnostics: Diagnostic[] = [];
  // one syntax error follows from another (a tab in a list gives dozens): report the first only,
  // where it is, in words the catalogue has for its code
  const first = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) {
    diagnostics.push(withSource(diagnostic(posAt(first.pos[0], first.pos[1] - first.pos[0]), 'yaml-syntax', { detail: firstLine(first.message), code: first.code })));
    return { diagnostics, locate };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    diagnostics.push(withSource(diagnostic(posAt(0), 'yaml-syntax', { detail: firstLine(String((e as Error).message)) })));
    return { diagnostics, locate };
  }
  // an empty document (or one of comments only) is an empty mapping: every key takes its default
  data ??= {};
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, diagnostics, locate };
  const issues = flatten(result.error.issues, []);
  // an unknown key beside a missing one is most likely its misspelling: report it once, with the
  // key that was meant
  const meant = new Map<string, string>();
  for (const i of issues) {
    if (i.path.length > 0 && i.code !== 'custom' && !has(data, i.path)) meant.set(showPath(i.path.slice(0, -1)), String(i.path[i.path.length - 1]));
  }
  const unknownAt = new Set(issues.filter((i) => i.code === 'unrecognized_keys').map((i) => showPath(i.path)));
  for (const issue of issues) {
    const parent = showPath(issue.path.slice(0, -1));
    if (issue.path.length > 0 && issue.code !== 'custom' && !has(data, issue.path) && unknownAt.has(parent)) continue;
    for (const d of describe(issue, data, locate, meant.get(showPath(issue.path)))) diagnostics.push(withSource(d));
  }
  return { diagnostics, locate };
}

/**
 * Replaces each union failure by the issues of the branch that came closest: a branch of the
 * value's own type (an object for an object) before one that rejects the value outright, then
 * the branch with the fewest issues, then the deepest.
 */
function flatten(issues: readonly Issue[], base: PropertyKey[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort(
        (a, b) => Number(rejectsType(a)) - Number(rejectsType(b)) || a.length - b.length || depth(b) - depth(a),
      )[0]!;
      for (const i of flatten(best, path)) out.push(i);
    } else {
      out.push({ ...issue, path } as Issue);
    }
  }
  return out;
}

const depth = (issues: readonly Issue[]) => issues.reduce((m, i) => Math.max(m, i.path.length), 0);
const rejectsType = (issues: readonly Issue[]) =>
  issues.length === 1 && issues[0]!.path.length === 0 && (issues[0]!.code === 'invalid_type' || issues[0]!.code === 'invalid_value');

/** Whether the parsed data has a value at `path` (zod only reports inputs on request). */
function has(data: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return false;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node !== undefined;
}

function describe(issue: Issue, data: unknown, locate: YamlResult<unknown>['locate'], meant?: string): Diagnostic[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) =>
      diagnostic(locate([...path, k], 'key'), 'schema', {
        path: showPath([...path, k]),
        detail: 'unknown-key',
        key: k,
        ...(meant !== undefined && issue.keys.length === 1 ? { suggestion: meant } : {}),
      }),
    );
  }
  if (path.length > 0 && issue.code !== 'custom' && !has(data, path)) {
    const key = String(path[path.length - 1]);
    return [
      diagnostic(locate(path.slice(0, -1), 'value'), 'schema', { path: showPath(path), detail: 'missing-key', key }),
    ];
  }
  const at = locate(path, 'value');
  if (OWN.has(issue.message)) return [diagnostic(at, 'schema', { path: showPath(path), detail: issue.message })];
  return [
    diagnostic(at, 'schema', {
      path: showPath(path),
      detail: 'zod',
      zh: zh.localeError(issue as never) as string,
      en: en.localeError(issue as never) as string,
    }),
  ];
}

export function showPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s || '(root)';
}

/** [start, end) offsets of the node at `path`, or of the deepest node on the way. */
function rangeOf(doc: Document, path: readonly PropertyKey[], at: 'key' | 'value'): [number, number] {
  let node: Node | null = (doc.contents as Node | null) ?? null;
  let range: [number, number] = node?.range ? [node.range[0], node.range[1]] : [0, 1];
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      const keyNode = pair.key as Node;
      if (last && at === 'key' && keyNode.range) return [keyNode.range[0], keyNode.range[1]];
      const value = pair.value as Node | null;
      if (!value?.range) {
        if (keyNode.range) range = [keyNode.range[0], keyNode.range[1]];
        break;
      }
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      node = item;
    } else break;
    if (node.range) range = [node.range[0], isScalar(node) ? node.range[1] : node.range[0] + 1];
  }
  if (node && isMap(node) && node.range && at === 'value') {
    const first = node.items[0]?.key as Node | undefined;
    if (first?.range) range = [first.range[0], first.range[1]];
  }
  return range;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
