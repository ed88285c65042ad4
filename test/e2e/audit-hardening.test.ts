/**
 * `qingdan audit` that cannot be fooled (issue 11), on real git histories: what counts as a ledger
 * is today's ledger folder, whatever a commit adds; replace refs and grafts change nothing and are
 * reported; a shallow clone proves nothing; a merge is the union of its parents, nothing more; an
 * exact copy of a recorded line is a violation; a changed evidence file names who changed it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, g, gitEnv, qd, rec, tempDir } from '../support/cli.js';
import { audit, commitAll, copyOf, lines, OFFICE, put, threeRecords } from './audit-fixture.js';

let base: string;
beforeAll(async () => {
  base = await threeRecords();
}, 60_000);
const copy = () => copyOf(base);

/** The first recorded line (line 2) with its date changed; returns the lines before. */
function editLine2(dir: string, file = OFFICE): string[] {
  const ls = lines(dir, file);
  put(dir, [ls[0]!, ls[1]!.replace('2026-09-10', '2026-09-11'), ...ls.slice(2)], file);
  return ls;
}

function writeFile(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

describe('a ledger is a *.ledger under today’s ledger folder, whatever a commit adds', () => {
  for (const marker of ['ledgers/2026/qingdan.yaml', 'ledgers/qingdan.yaml', 'ledgers/templates/org.yaml']) {
    it(`an empty ${marker} committed below the ledgers does not switch auditing off`, async () => {
      const dir = copy();
      writeFile(dir, marker, '');
      commitAll(dir, 'a marker');
      editLine2(dir);
      const sha = commitAll(dir);
      const { code, report } = await audit(dir);
      expect(report.violations).toEqual([expect.objectContaining({ kind: 'edited', commit: sha, file: OFFICE, line: 2 })]);
      expect(code).toBe(1);
      expect(report.entries).toBe(3);
    });
  }

  it('a *.ledger outside the ledger folder is not a ledger: its edits are not violations', async () => {
    const dir = copy();
    writeFile(dir, 'notes/scratch.ledger', '2026-11-01 office T1.5 id:nnnnnn\n');
    commitAll(dir, 'notes');
    writeFile(dir, 'notes/scratch.ledger', '2026-11-02 office T1.5 id:nnnnnn\n');
    commitAll(dir, 'notes again');
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
    expect(report.commits).toBe(3);
    expect(report.entries).toBe(3);
  });

  it('a ledger moved out of the folder is reported as renamed and still followed', async () => {
    const dir = copy();
    mkdirSync(join(dir, 'archive'));
    g(dir, ['mv', OFFICE, 'archive/office.ledger']);
    const moved = commitAll(dir, 'archive it');
    editLine2(dir, 'archive/office.ledger');
    const edited = commitAll(dir);
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'renamed', commit: moved, file: OFFICE, to: 'archive/office.ledger' }),
      expect.objectContaining({ kind: 'edited', commit: edited, file: 'archive/office.ledger', line: 2 }),
    ]);
  });

  it('pointing paths.ledgers elsewhere does not switch auditing off for the folder it named before', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'qingdan.yaml'), `${readFileSync(join(dir, 'qingdan.yaml'), 'utf8')}\npaths:\n  ledgers: elsewhere\n`);
    commitAll(dir, 'settings');
    editLine2(dir);
    const sha = commitAll(dir);
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'edited', commit: sha, file: OFFICE, line: 2 })]);
    expect(code).toBe(1);
  });
});

describe('git replace and grafts change nothing audit sees, and are reported', () => {
  /** An edit of line 2, and a commit straight after init with the edited tree that can stand in for the records. */
  function hiddenEdit(dir: string): { records: string; edit: string; fake: string } {
    const records = g(dir, ['rev-parse', 'HEAD']).trim();
    const init = g(dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    editLine2(dir);
    const edit = commitAll(dir);
    const fake = g(dir, ['commit-tree', `${edit}^{tree}`, '-p', init, '-m', 'records'], gitEnv()).trim();
    return { records, edit, fake };
  }

  it('a replace ref that hides an edit: the edit is found, and the replace ref is a violation', async () => {
    const dir = copy();
    const { records, edit, fake } = hiddenEdit(dir);
    g(dir, ['replace', records, fake]);
    // git itself no longer sees the edit
    expect(g(dir, ['diff', '--stat', records, edit])).toBe('');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'replace-refs', commit: records, file: `refs/replace/${records}`, to: fake }),
      expect.objectContaining({ kind: 'edited', commit: edit, file: OFFICE, line: 2 }),
    ]);
    const text = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(text.stdout).toContain('git replace');
    expect(text.stdout).toContain(`refs/replace/${records}`);
  });

  it('a grafts file that hides an edit: ignored, and reported', async () => {
    const dir = copy();
    const { edit, fake } = hiddenEdit(dir);
    writeFileSync(join(dir, '.git', 'info', 'grafts'), `${edit} ${fake}\n`);
    expect(g(dir, ['diff', '--stat', `${edit}^`, edit])).toBe('');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'grafts', file: expect.stringContaining('info/grafts') }),
      expect.objectContaining({ kind: 'edited', commit: edit, file: OFFICE, line: 2 }),
    ]);
    expect(report.commits).toBe(4);
  });
});

describe('a shallow clone is not proof', () => {
  it('exit 1 with how to fetch the full history, never “no violations”; clean once unshallowed', async () => {
    const dir = copy();
    const clone = tempDir('clone');
    g(dir, ['clone', '-q', '--depth', '1', `file://${dir}`, clone]);
    expect(g(clone, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    const { code, report } = await audit(clone);
    expect(code).toBe(1);
    expect(report.clean).toBe(false);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'shallow' })]);
    const zh = await qd(['--as-of', AS_OF, 'audit'], { cwd: clone });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('git fetch --unshallow');
    expect(zh.stdout).toContain('浅克隆');
    expect(zh.stdout).not.toContain('未发现违规');
    const en = await qd(['--as-of', AS_OF, '--lang', 'en', 'audit'], { cwd: clone });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('git fetch --unshallow');
    expect(en.stdout).toContain('shallow');
    g(clone, ['fetch', '-q', '--unshallow']);
    const full = await audit(clone);
    expect(full.report.violations).toEqual([]);
    expect(full.code).toBe(0);
  });
});

describe('a merge is the union of its parents’ lines, nothing more', () => {
  /** main and side each record one line; the merge is started, not committed. */
  async function mergeStarted(): Promise<string> {
    const dir = copy();
    g(dir, ['checkout', '-qb', 'side']);
    expect((await rec(dir, ['office', 'T1.1', '1h', '--date', '2026-11-21'])).code).toBe(0);
    g(dir, ['checkout', '-q', 'main']);
    expect((await rec(dir, ['office', 'T1.1', '2h', '--date', '2026-11-22'])).code).toBe(0);
    g(dir, ['merge', '-q', '--no-commit', 'side']);
    expect(lines(dir)).toHaveLength(6);
    return dir;
  }
  const invented = '2026-11-23 office T1.1 1h id:mmmmmm';

  it('a line that no parent had, appended by the merge, is a violation named with the merge', async () => {
    const dir = await mergeStarted();
    put(dir, [...lines(dir), `${invented}\n`]);
    const merge = commitAll(dir, 'merge side');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'merge-added', commit: merge, file: OFFICE, afterLine: 7, after: invented })]);
    const text = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(text.stdout).toContain(`${merge.slice(0, 7)} `);
    expect(text.stdout).toContain('合并');
  });

  it('a line that no parent had, put between recorded lines by the merge, is a violation too', async () => {
    const dir = await mergeStarted();
    const ls = lines(dir);
    put(dir, [ls[0]!, ls[1]!, `${invented}\n`, ...ls.slice(2)]);
    const merge = commitAll(dir, 'merge side');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'merge-added', commit: merge, file: OFFICE, afterLine: 3, after: invented })]);
  });

  it('a line the merge has more often than any parent is a violation, and counts once', async () => {
    const dir = await mergeStarted();
    const ls = lines(dir);
    put(dir, [...ls, ls[1]!]);
    const merge = commitAll(dir, 'merge side');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'merge-duplicated', commit: merge, file: OFFICE, afterLine: 7, after: ls[1]!.trimEnd() })]);
    expect(report.entries).toBe(5);
  });

  it('the union merge itself passes', async () => {
    const dir = await mergeStarted();
    commitAll(dir, 'merge side');
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
    expect(report.entries).toBe(5);
  });
});

describe('an exact copy of a recorded line', () => {
  it('appended again is a violation, and the entry counts once', async () => {
    const dir = copy();
    const ls = lines(dir);
    put(dir, [...ls, ls[1]!]);
    const sha = commitAll(dir);
    const id = /id:([a-z0-9]+)/.exec(ls[1]!)![1]!;
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'duplicated', commit: sha, file: OFFICE, line: 5, id, after: ls[1]!.trimEnd() })]);
    expect(report.entries).toBe(3);
  });

  it('appended in the working tree is reported too', async () => {
    const dir = copy();
    const ls = lines(dir);
    put(dir, [...ls, ls[2]!]);
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'duplicated', commit: null, file: OFFICE, line: 5 })]);
  });
});

describe('evidence that changed names the commit that changed it', () => {
  it('the last commit of the evidence file, or the working tree', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'minutes.txt'), 'minutes of the meeting\n');
    g(dir, ['add', 'minutes.txt']);
    g(dir, ['commit', '-qm', 'minutes']);
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-11-21', '--evidence', 'minutes.txt'])).code).toBe(0);
    const recorded = g(dir, ['rev-parse', 'HEAD']).trim();
    writeFileSync(join(dir, 'minutes.txt'), 'other minutes\n');
    const changed = commitAll(dir, 'new minutes');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'evidence-changed', commit: recorded, to: 'minutes.txt', changed: expect.objectContaining({ commit: changed, author: 'Mallory' }) }),
    ]);
    const text = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(text.stdout).toContain(`${changed.slice(0, 7)} `);
    expect(text.stdout).toMatch(new RegExp(`${changed.slice(0, 7)}.*Mallory`));

    writeFileSync(join(dir, 'minutes.txt'), 'yet other minutes\n');
    const w = await audit(dir);
    expect(w.report.violations).toEqual([expect.objectContaining({ kind: 'evidence-changed', changed: { commit: null } })]);
  });
});
