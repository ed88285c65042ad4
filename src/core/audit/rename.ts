/** A ledger deleted in the commit that adds another: was it renamed, and to which? Pure, no git. */
import { compareAppend, splitLines } from './compare.js';

/** A line as the same line: without trailing blanks or a carriage return. */
export const lineKey = (text: string) => text.replace(/\s+$/, '');

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const decoder = new TextDecoder();

/**
 * The ledger `added` most likely is `deleted` under a new name: the same bytes, the same plus
 * appended lines, or else the one that keeps the most of its lines (at least half of them).
 */
export function renamedTo<T extends { path: string; bytes: Uint8Array }>(old: Uint8Array, candidates: readonly T[]): T | undefined {
  if (old.length === 0) return undefined;
  const exact = candidates.find((c) => sameBytes(c.bytes, old));
  if (exact) return exact;
  const grown = candidates.find((c) => compareAppend(old, c.bytes).changes.length === 0);
  if (grown) return grown;
  const oldLines = splitLines(decoder.decode(old))
    .map((l) => lineKey(l.bare))
    .filter((l) => l !== '');
  if (oldLines.length === 0) return undefined;
  let best: T | undefined;
  let bestKept = 0;
  for (const c of candidates) {
    const have = new Map<string, number>();
    for (const l of splitLines(decoder.decode(c.bytes))) {
      const k = lineKey(l.bare);
      have.set(k, (have.get(k) ?? 0) + 1);
    }
    let kept = 0;
    for (const l of oldLines) {
      const n = have.get(l) ?? 0;
      if (n > 0) {
        kept++;
        have.set(l, n - 1);
      }
    }
    if (kept > bestKept) {
      best = c;
      bestKept = kept;
    }
  }
  return best && bestKept * 2 >= oldLines.length ? best : undefined;
}
