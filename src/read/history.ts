/**
 * Reading what `qingdan audit` examines (src/core/audit/history.ts): every commit that touched a
 * file of the data repository — merges included, against each parent — the ledgers each changed,
 * their blobs, the ledgers of HEAD and their bytes in the working tree. Every `*.ledger` of the
 * data repository counts, not just those under today's `paths.ledgers`: a ledger that was moved
 * must still be seen going, and followed where it went.
 */
import { join } from 'node:path';
import type { FileChange, History } from '../core/audit/history.js';
import { ledgerScope } from '../core/audit/scope.js';
import { readIfExists } from './files.js';
import * as git from './git.js';

export function readHistory(at: git.At, g: git.GitRepo, since: string | undefined): History {
  const top = { cwd: g.top, env: at.env };
  const prefix = g.prefix;
  const empty: History = { prefix, commits: [], changes: [], blobs: new Map(), head: new Map(), workTree: new Map() };
  if (!git.hasHead(top)) return empty;
  const scope = prefix === '' ? undefined : prefix.replace(/\/+$/, '');
  const rel = (p: string) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);

  const commits = git.commitsTouching(top, scope, since);
  const pairs: Array<[string, string?]> = [];
  for (const c of commits) {
    if (c.parents.length === 0) pairs.push([c.sha]);
    else for (const p of c.parents) pairs.push([c.sha, p]);
  }
  const all = git.changesOf(top, pairs, scope);
  const headTree = git.treeFiles(top, 'HEAD', scope);
  const paths = function* () {
    for (const p of headTree.keys()) yield rel(p);
    for (const list of all) for (const ch of list) yield rel(ch.path);
  };
  const ours = ledgerScope(paths());
  const mine = (ch: git.RawChange): FileChange => ({ status: ch.status, path: ch.path, oldBlob: ch.oldBlob, newBlob: ch.newBlob });

  const changes: FileChange[][][] = [];
  const ids: string[] = [];
  let k = 0;
  for (const c of commits) {
    const perParent: FileChange[][] = [];
    for (let i = 0; i < Math.max(1, c.parents.length); i++) {
      const list = (all[k++] ?? []).filter((ch) => ours(rel(ch.path))).map(mine);
      for (const ch of list) {
        if (!/^0+$/.test(ch.oldBlob)) ids.push(ch.oldBlob);
        if (!/^0+$/.test(ch.newBlob)) ids.push(ch.newBlob);
      }
      perParent.push(list);
    }
    changes.push(perParent);
  }
  const head = new Map([...headTree].filter(([p]) => ours(rel(p))));
  for (const id of head.values()) ids.push(id);
  const blobs = git.readBlobs(top, ids);
  const workTree = new Map<string, Uint8Array | undefined>();
  for (const path of head.keys()) workTree.set(path, readIfExists(join(g.top, path)));
  return { prefix, commits, changes, blobs, head, workTree };
}
