/**
 * What git's own diff of a commit says was appended to a ledger: a shortcut that spares reading
 * every version of a big ledger in full. Given `git diff-tree -p -U0 --full-index` of one commit
 * against one parent, each file whose patch is a single hunk that only inserts lines after line N
 * of the earlier version is an append of those lines after line N. That is an append of the whole
 * file only when the earlier version has exactly N lines and ends with a newline — which the walk
 * knows from the versions it has seen (history.ts); anything else (lines removed, two hunks, a
 * binary file, a missing final newline before) is left to the full comparison of the two versions
 * (compare.ts). Pure: the patch comes in as lines of bytes.
 */

/** Lines inserted after line `after` of the earlier version (`@@ -after,0 +after+1,n @@`). */
export interface PatchAppend {
  after: number;
  /** The inserted lines, without their newline (a `\r` is kept). */
  lines: string[];
  /** False when the last inserted line has no newline (`\ No newline at end of file`): it is cut off. */
  complete: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const INDEX = /^index ([0-9a-f]{40,64})\.\.([0-9a-f]{40,64})(?: [0-7]+)?$/;

const PLUS = 0x2b;
const BACKSLASH = 0x5c;

/**
 * The pure appends among the files of one patch (`lines`: the patch's lines, without newlines),
 * by `old..new` blob ids (from `--full-index`'s `index` lines).
 */
export function appendsInPatch(lines: readonly Uint8Array[]): Map<string, PatchAppend> {
  const out = new Map<string, PatchAppend>();
  let i = 0;
  while (i < lines.length) {
    // a file's patch: `diff --git …`, extended headers, `---`, `+++`, hunks
    if (!startsWith(lines[i]!, 'diff --git ')) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !startsWith(lines[end]!, 'diff --git ')) end++;
    const found = appendOfFile(lines, i + 1, end);
    if (found) out.set(found.key, found.append);
    i = end;
  }
  return out;
}

function appendOfFile(lines: readonly Uint8Array[], from: number, to: number): { key: string; append: PatchAppend } | undefined {
  let key: string | undefined;
  let k = from;
  // extended headers, up to the hunk
  for (; k < to; k++) {
    const l = lines[k]!;
    if (startsWith(l, '@@')) break;
    const text = ascii(l);
    const m = INDEX.exec(text);
    if (m) key = `${m[1]}..${m[2]}`;
    else if (!/^(new file mode|old mode|new mode|--- |\+\+\+ )/.test(text)) return undefined; // binary, deleted, anything else
  }
  if (key === undefined || k >= to) return undefined;
  const h = HUNK.exec(ascii(lines[k]!));
  if (!h) return undefined;
  const oldStart = Number(h[1]);
  const oldCount = h[2] === undefined ? 1 : Number(h[2]);
  const newStart = Number(h[3]);
  const newCount = h[4] === undefined ? 1 : Number(h[4]);
  // only an insertion: nothing of the earlier version in the hunk, the new lines right after line oldStart
  if (oldCount !== 0 || newCount === 0 || newStart !== oldStart + 1) return undefined;
  const added: string[] = [];
  let complete = true;
  for (k++; k < to; k++) {
    const l = lines[k]!;
    if (l[0] === PLUS && added.length < newCount) added.push(decoder.decode(l.subarray(1)));
    else if (l[0] === BACKSLASH && added.length === newCount && k === to - 1) complete = false;
    else return undefined;
  }
  if (added.length !== newCount) return undefined;
  return { key, append: { after: oldStart, lines: added, complete } };
}

function startsWith(l: Uint8Array, s: string): boolean {
  if (l.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (l[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** A header line: ASCII in practice; anything else fails the patterns. */
function ascii(l: Uint8Array): string {
  return decoder.decode(l.length > 512 ? l.subarray(0, 512) : l);
}
