/**
 * Which files of a git history are the data repository's ledgers: the `*.ledger` files under its
 * ledger folder as the settings name it today (`paths.ledgers`, default `ledgers`) — and under any
 * folder the settings named in the history walked, so that pointing the settings elsewhere does not
 * switch auditing off — plus the files that were ever at such a path: a ledger moved into the
 * folder is followed back to where it came from, one moved out of it is followed on (renamed.ts
 * says what a move is). Nothing a commit adds can take a file out: the rule is the same for every
 * commit, and a `qingdan.yaml` or `templates/org.yaml` below the folder changes nothing.
 */
import { renamedTo } from './rename.js';

export const isLedgerFile = (path: string) => path.endsWith('.ledger');

/**
 * A folder of the settings as a prefix of paths relative to the data repository: forward slashes,
 * without `./` or a trailing slash; '' for the data repository itself (`paths.ledgers: .`).
 */
export function folderPrefix(dir: string): string {
  const parts = dir
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  return parts.join('/');
}

export class LedgerScope {
  private readonly folders: string[];
  private readonly followed = new Set<string>();

  /** `folders`: as the settings write them (`ledgers`, `./data/`). */
  constructor(folders: Iterable<string>) {
    this.folders = [...new Set([...folders].map(folderPrefix))];
  }

  /** Whether `path` (relative to the data repository) lies under a ledger folder. */
  inFolder(path: string): boolean {
    return this.folders.some((f) => f === '' || path.startsWith(`${f}/`));
  }

  /** Whether `path` (relative to the data repository) is a ledger. */
  has(path: string): boolean {
    return isLedgerFile(path) && (this.followed.has(path) || this.inFolder(path));
  }

  /** `path` holds a ledger too (it was moved there, or came from there). */
  follow(path: string): void {
    this.followed.add(path);
  }
}

/** One ledger file that differs between a commit and one parent. */
export interface LedgerChange {
  /** A added, D deleted, M modified, T type changed. */
  status: string;
  /** Relative to the data repository. */
  path: string;
  oldBlob: string;
  newBlob: string;
}

/**
 * Follows ledgers moved into a ledger folder back to where they were before: a `*.ledger` deleted
 * in the commit that adds a ledger under the folder, taken as renamed to it (renamedTo), is a
 * ledger from the start. `diffs`: for each commit and parent, the `*.ledger` files that differ,
 * oldest first; `blobs` reads the few versions compared.
 */
export async function followMovesBack(
  diffs: ReadonlyArray<readonly LedgerChange[]>,
  scope: LedgerScope,
  blobs: (ids: readonly string[]) => Promise<ReadonlyMap<string, Uint8Array>>,
): Promise<void> {
  const empty = new Uint8Array(0);
  for (let grew = true; grew; ) {
    grew = false;
    // newest first: a chain of moves (old → mid → ledgers) is followed back in one pass
    for (let k = diffs.length - 1; k >= 0; k--) {
      const list = diffs[k]!;
      const deleted = list.filter((ch) => ch.status === 'D');
      const added = list.filter((ch) => ch.status === 'A');
      if (!deleted.some((d) => !scope.has(d.path)) || !added.some((a) => scope.has(a.path))) continue;
      const got = await blobs([...deleted.map((d) => d.oldBlob), ...added.map((a) => a.newBlob)]);
      const candidates = added.map((a) => ({ path: a.path, bytes: got.get(a.newBlob) ?? empty }));
      const claimed = new Set<string>();
      for (const d of deleted) {
        const to = renamedTo(
          got.get(d.oldBlob) ?? empty,
          candidates.filter((c) => !claimed.has(c.path)),
        );
        if (!to) continue;
        claimed.add(to.path);
        if (!scope.has(d.path) && scope.has(to.path)) {
          scope.follow(d.path);
          grew = true;
        }
      }
    }
  }
}
