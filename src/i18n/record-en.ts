/** Messages of the recording commands in English (the shape is in record-zh.ts). */
import type { RecordCatalogue } from './record-zh.js';

const dym = (s: unknown) => (s ? `; did you mean "${s}"?` : '');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const EVIDENCE: Record<string, string> = {
  missing: 'no such file',
  outside: 'the file is not inside the data repository',
  'not-a-file': 'not a regular file',
  spaces: 'the path cannot contain spaces (rename the file or use another path)',
};

export const recordEn: RecordCatalogue = {
  errors: {
    'missing-args': (p) =>
      p.extra
        ? `unexpected argument "${p.extra}": give a note with --note "…" (quoted when it has spaces)`
        : `${p.missing} missing, and there is no terminal to ask on. Usage: qingdan record UNIT ITEM [QTY] [--date DATE] [--note NOTE]; the ids are listed by qingdan list units and qingdan list items`,
    'unknown-unit': (p) => `unknown unit or person "${p.name}"${dym(p.suggestion)} (qingdan list units lists them)`,
    'unknown-item': (p) => `the ${p.year} checklist has no item "${p.item}"${dym(p.suggestion)} (qingdan list items lists them)`,
    'unknown-person': (p) => `unknown person "${p.name}"${dym(p.suggestion)} (qingdan list people lists them)`,
    'bad-quantity': (p) => `invalid quantity "${p.text}": write it like 3, 3.5h, 2篇, 23/25 or exempt`,
    'quantity-needed': (p) => `item ${p.item} is measured (${p.hint}): give the quantity, e.g. qingdan record UNIT ${p.item} 3.5h`,
    'bad-note': (p) =>
      p.exempt
        ? 'an exemption (exempt) needs its reason in --note'
        : p.newline
          ? `${p.option} cannot span lines: a ledger holds one entry per line`
          : `${p.option} contains control characters; write plain text`,
    'bad-period': (p) => `invalid period "${p.value}": write 2026-03, 2026-Q1, 2026-H1 or 2026`,
    'bad-date': (p) => `invalid date "${p.value}" for ${p.option}: write a real date as YYYY-MM-DD`,
    'bad-year': (p) => `invalid year "${p.value}": a four-digit year from 2000 to 2100`,
    'bad-list': (p) => `cannot list "${p.value}": choose units, items or people`,
    evidence: (p) => `evidence ${p.path}: ${EVIDENCE[String(p.reason)] ?? p.reason}`,
    'invalid-entry': (p) => `this entry has ${p.count} problem(s); nothing was written:`,
    'cut-off': (p) =>
      `line ${p.line} of ${p.file} has no newline: it was probably cut off while written, so nothing was appended. To repair: if the line is complete, end it with a newline; if it is not and was never committed (git diff -- ${p.file} shows it), restore the committed version with git checkout -- ${p.file} (or delete the half line). Then run qingdan check and record again:`,
    uncommitted: (p) =>
      `${p.file} has changes that are not committed (from record --no-commit or an interrupted record), and record commits only its own line. Review and commit them (git diff HEAD -- ${p.file}; git add -- ${p.file}; git commit -- ${p.file}) or undo them, then record; or add --no-commit to keep staging:`,
    'templates-changed': () => 'the templates or the settings changed while recording, so nothing was written: run qingdan check, then record again',
    'no-identity': () =>
      'git does not know who is committing, so nothing was written: name the clerk with --by (the author becomes "Name <id@qingdan.invalid>"), or set git config user.name and user.email; under cron, set GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL; or add --no-commit to only write and stage',
    'no-git': () => 'git was not found: recording commits to git; install git, or add --no-commit to only write',
    'not-git': (p) => `${p.dir} is not in a git repository: run git init there (or make a data repository with qingdan init), or add --no-commit to only write`,
    'git-failed': (p) => `${p.command ?? 'git'} failed${p.file ? ` (${p.file}${p.line ? `:${p.line}` : ''})` : ''}; what git says:`,
    'git-unusable': (p) => `git refuses the repository of ${p.dir}; what git says (when the repository belongs to another user, add it to safe.directory as advised):`,
    'commit-failed': (p) =>
      `${p.file}:${p.line} was written and staged, but the commit failed; see what git says below (a pre-commit hook's check, for instance), fix it, then commit with git commit -- ${p.file}:`,
    locked: (p) =>
      `another qingdan is recording (lock file ${p.lock}, process ${p.pid}@${p.host}) and the wait timed out; try again later. If that process is gone, delete the lock file`,
    'init-exists': (p) => `${p.dir} is already a qingdan data repository or has files of the same names; init never overwrites a file`,
    'init-not-dir': (p) => `${p.dir} is not a directory`,
    'no-embedded': () => 'this qingdan has no built-in template (run init with dist/qingdan.js as built by npm run build)',
    'void-unknown': (p) => `there is no entry with id ${p.id}${dym(p.suggestion)}`,
    'void-twice': (p) => `entry ${p.id} was already voided at ${p.first}`,
    'void-void': (p) => `${p.id} is a void line and cannot be voided; to restore the entry, record it again`,
    'reason-needed': () => 'a void needs its reason: qingdan void ID --reason "why"',
    'bad-rev': (p) => `no commit "${p.rev}" (--since takes a git revision: a commit, a tag, HEAD~10)`,
    cancelled: () => 'cancelled; nothing was recorded',
  },
  prompt: {
    unit: () => 'Unit (id, name or part of it; Enter lists all): ',
    item: () => 'Item (id like T3.4, title or part of it; Enter lists all): ',
    quantity: (p) => `Quantity (${p.hint}; Enter to skip): `,
    date: (p) => `Date of the work [${p.today}]: `,
    note: () => 'Note (Enter to skip): ',
    noMatch: (p) => `nothing matches "${p.query}"; try other words`,
    more: (p) => `${p.n} more; type more to narrow down`,
    pick: () => 'type a number to choose, or more words to narrow down',
    badQuantity: (p) => `invalid quantity "${p.text}": write it like 3, 3.5h, 2篇 or 23/25`,
    badDate: (p) => `invalid date "${p.text}": YYYY-MM-DD`,
    hintDone: () => 'done or not',
    hintRate: (p) => `attendance ≥${p.rate}%, as present/expected, e.g. 23/25`,
    hintSum: (p) => `target ${p.sum} ${p.measure}, e.g. ${p.measure === '学时' ? '3.5h' : `1${p.measure}`}`,
    hintCount: (p) => `target ${p.count} ${p.measure}, e.g. 1${p.measure}`,
    cadence: { once: 'once', monthly: 'monthly', quarterly: 'quarterly', 'half-yearly': 'half-yearly', yearly: 'yearly' },
  },
  record: {
    done: (p) => `recorded ${p.where} (${p.how})`,
    committed: (p) => `committed ${p.sha}`,
    staged: () => 'staged, not committed',
    notInGit: () => 'not in git',
    status: (p) => `${p.item} ${p.title} · ${p.subject} · ${p.period}: ${p.status}${p.amount ? ` (${p.amount})` : ''}`,
    header: (p) => `; ${p.year} ${p.name} ledger — append only; correct a mistake with a void line`,
    evidenceUntracked: (p) => `note: the evidence ${p.path} is not in git yet; git add and commit it so that the audit can follow it`,
  },
  void: { done: (p) => `voided ${p.id}: ${p.where} (${p.how})` },
  period: (kind, index, year) =>
    kind === 'month' ? MONTHS[index - 1]! : kind === 'quarter' ? `Q${index}` : kind === 'half' ? `H${index}` : String(year),
  init: {
    created: (p) => `created a qingdan data repository: ${p.dir} (${p.year})`,
    committed: (p) => `git: initialised, first commit ${p.sha}`,
    initialised: () => 'git: initialised, nothing committed yet',
    noGit: () => 'git not found: the files are there, but no git repository was made; recording needs git',
    noIdentity: () => 'note: git does not know who is committing yet (git config user.name / user.email), so there is no first commit; set it, then git add . && git commit',
    commitFailed: (p) => `the first commit failed: ${p.reason}`,
    next: (p) =>
      [
        'Next:',
        `  cd ${p.dir}`,
        `  edit qingdan.yaml and templates/org.yaml (name, people, units); adjust templates/checklist-${p.year}.yaml`,
        '  qingdan check                          check the templates',
        '  qingdan list units                     the unit ids',
        '  qingdan record office T1.1 3h --note "study session"   record one completion',
        '  git config core.hooksPath .githooks    (optional) run qingdan check before every commit',
      ].join('\n'),
  },
  list: {
    headers: {
      id: 'id',
      name: 'name',
      chief: 'chief',
      supervisor: 'supervisor',
      members: 'members',
      headcount: 'staff',
      role: 'role',
      title: 'title',
      area: 'area',
      cadence: 'cadence',
      target: 'target',
      weight: 'points',
      due: 'due',
    },
    done: () => 'done',
    role: { secretary: 'secretary', committee: 'committee', chief: 'chief', clerk: 'clerk', member: 'member' },
  },
  audit: {
    heading: (p) => `audit: ${p.commits} commits changed the ledgers (${p.merges} merges), ${p.entries} entries${p.since ? `, after ${p.since}` : ''}`,
    violations: (p) => `✗ ${p.n} violation(s):`,
    workingTree: () => 'working tree (not committed)',
    againstParent: (p) => `(merge, against parent ${p.parent})`,
    kind: (v) => {
      const n = v.count && v.count > 1 ? ` (${v.count} lines in a row)` : '';
      switch (v.kind) {
        case 'edited':
          return `edited a recorded line${n}`;
        case 'removed':
          return `removed a recorded line${n}`;
        case 'reordered':
          return `reordered recorded lines${n}`;
        case 'inserted':
          return `inserted a line between recorded lines${n}`;
        case 'whitespace':
          return `changed the whitespace of a recorded line${n}`;
        case 'line-ending':
          return `changed line endings (e.g. LF to CRLF)${n}`;
        case 'deleted':
          return 'deleted the whole ledger';
        case 'renamed':
          return `renamed the ledger to ${v.to}`;
        case 'future-dated':
          return 'the date of the work is after its commit (recorded before it happened)';
        case 'reused-id':
          return `a new line reuses the id ${v.id} of a recorded one (- the recorded line, + the new one)`;
        case 'evidence-changed':
          return `the evidence ${v.to} has changed (sha256:${v.expected} when recorded, now ${v.actual})`;
        case 'evidence-missing':
          return `the evidence ${v.to} is gone (sha256:${v.expected} when recorded)`;
        case 'evidence-unverifiable':
          return `the evidence ${v.to} cannot be verified: sha256:${v.expected} has fewer than 12 hex digits (or is not hex)`;
        default:
          return v.kind;
      }
    },
    lagHeading: () => 'registration lag (commit date − date of the work, days):',
    lagColumns: { subject: 'subject', entries: 'entries', median: 'median', max: 'max' },
    backdatedHeading: (p) => `${p.n} entries recorded after their period closed (due date + ${p.days} days) yet dated on time or exempt:`,
    dueClosed: (p) => `due ${p.due}, closed ${p.closed}`,
    more: (p) => `… ${p.n} more; --json lists them all`,
    clean: () => '✓ no violations: every ledger was only appended to',
    dirty: (p) => `✗ ${p.n} violation(s)`,
  },
};
