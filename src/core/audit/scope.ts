/** Which files of a git history are the data repository's ledgers. */

const isLedger = (p: string) => p.endsWith('.ledger');

/**
 * The data repository a path marks, if it is `qingdan.yaml` or `templates/org.yaml` (what
 * `findRoot` looks for): that repository's folder, '' for the top.
 */
function markedRoot(path: string): string | undefined {
  for (const marker of ['qingdan.yaml', 'templates/org.yaml']) {
    if (path === marker) return '';
    if (path.endsWith(`/${marker}`)) return path.slice(0, -marker.length - 1);
  }
  return undefined;
}

/**
 * Whether a path (relative to the data repository) is one of its ledgers: a `*.ledger` file not
 * inside another data repository nested in it (a folder below with its own settings or
 * organisation, like test fixtures) — found among `paths`, every path of the history walked.
 */
export function ledgerScope(paths: Iterable<string>): (path: string) => boolean {
  const nested = new Set<string>();
  for (const p of paths) {
    const root = markedRoot(p);
    if (root) nested.add(root);
  }
  return (path) => {
    if (!isLedger(path)) return false;
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) if (nested.has(path.slice(0, i))) return false;
    return true;
  };
}
