/** Messages of the recording commands in English (the shape is in record-zh.ts). */
import type { RecordCatalogue } from './record-catalogue.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];


export const recordEn: RecordCatalogue = {
  prompt: {
    unit: () => 'Unit or person',
    item: () => 'Item (an id like T3.4, or words of its title)',
    quantity: (p) => `Quantity (${p.hint}; Enter to skip)`,
    date: (p) => `Date of the work (Enter for ${p.today})`,
    note: () => 'Note (Enter to skip)',
    search: () => 'Search:',
    matches: (p) => `(${p.n} ${p.n === 1 ? 'match' : 'matches'})`,
    noMatch: () => 'nothing matches; try other words',
    keys: () => '↑↓ choose · Enter confirm · type to search',
    noteExempt: () => 'Why it is exempt (required)',
    noteNeeded: () => 'an exemption needs its reason',
    badNote: () => 'a note is one line of text, without control characters',
    quantityNeeded: (p) => `this item needs a quantity (${p.hint})`,
    rerun: (p) => `to record what was answered again without answering each question: ${p.command}`,
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
    evidenceCopied: (p) => `the evidence ${p.from} is outside the data repository: copied to ${p.rel}, committed with the entry`,
    backdated: (p) => `note: this is back-dated: the period ${p.period} was closed on ${p.closed} (due ${p.due}), and audit will list it as such; if the work was done after the deadline, write its real date and it counts as late`,
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
  newYear: {
    created: (p) => `made the ${p.year} checklist from ${p.from}'s, every date moved by ${p.years} year${p.years === 1 ? '' : 's'}:`,
    settings: (p) => `qingdan.yaml: the default year is now ${p.year}`,
    committed: (p) => `git: committed ${p.sha}`,
    notCommitted: (p) => `not committed (${p.reason}); review, then git add and git commit`,
    next: (p) =>
      [
        'Next:',
        `  review ${p.file} (this year's requirements, points, deadlines), then run qingdan check`,
        `  late records of ${p.from} go on as before: dated in ${p.from}, counted late by ${p.from}'s rules`,
      ].join('\n'),
  },
  entries: {
    id: 'id',
    date: 'date',
    subject: 'unit or person',
    item: 'item',
    quantity: 'quantity',
    where: 'where',
    note: 'note',
    voided: '[voided]',
    none: () => 'no entry matches',
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
        case 'merge-added':
          return `the merge added a line no parent had${n}: a merge only keeps the lines of both sides`;
        case 'merge-duplicated':
          return `the merge copied a recorded line${n}: it is there more often than in any parent`;
        case 'duplicated':
          return `a recorded line appended again (the same id and text)${n}: counted once`;
        case 'shallow':
          return `a shallow clone holds only part of the history (cut at ${(v.commit ?? '').slice(0, 7)}${v.count ? ` and ${v.count - 1} more` : ''}), so earlier changes cannot be checked: run git fetch --unshallow to fetch the full history, then audit again`;
        case 'replace-refs':
          return `the repository has a git replace ref: ${(v.commit ?? '').slice(0, 7)} is replaced by ${(v.to ?? '').slice(0, 7)}. Audit checks the original objects and is not misled, but git log and others show the replaced history; find out why, then remove it with git replace -d`;
        case 'grafts':
          return 'the repository has a grafts file (it gives commits other parents). Audit ignores it, but git log and others show the rewired history; find out why, then delete it';
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
    evidenceChangedBy: (p) => `the evidence was last changed by ${p.by}`,
    lagHeading: () => 'registration lag (commit date − date of the work, days):',
    lagColumns: { subject: 'subject', entries: 'entries', median: 'median', max: 'max' },
    backdatedHeading: (p) => `${p.n} entries recorded after their period closed (due date + ${p.days} days) yet dated on time or exempt:`,
    dueClosed: (p) => `due ${p.due}, closed ${p.closed}`,
    more: (p) => `… ${p.n} more; --json lists them all`,
    clean: () => '✓ no violations: every ledger was only appended to',
    dirty: (p) => `✗ ${p.n} violation(s)`,
  },
};
