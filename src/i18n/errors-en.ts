/** The messages of the errors that stop a command (src/errors.ts), in English. */
import type { ErrorKey } from '../errors.js';
import type { Params } from '../core/diagnostic.js';

type Message = (p: Params) => string;

const dym = (s: unknown) => (s ? `; did you mean "${s}"?` : '');
const EVIDENCE: Record<string, string> = {
  missing: 'no such file',
  outside: 'the file is not inside the data repository',
  'not-a-file': 'not a regular file',
  spaces: 'the path cannot contain spaces (rename the file or use another path)',
};

export const errorsEn: Record<ErrorKey | 'internal', Message> = {
    'no-checklist-for-year': (p) => `there is no checklist for ${p.year} (there is for: ${p.years})`,
    'bad-option': (p) => `invalid value "${p.value}" for ${p.option}: ${p.hint}`,
    'not-a-repository': (p) => `neither ${p.dir} nor any parent is a qingdan data repository (no qingdan.yaml or templates/org.yaml); use -C DIR, or create one with qingdan init`,
    'missing-org': (p) => `the organisation file ${p.file} is missing`,
    'missing-checklist': (p) => `no checklist template (checklist-YYYY.yaml) in ${p.dir}`,
    'bad-settings': (p) => `the settings file ${p.file} has errors; run qingdan check first`,
    'bad-date-option': (p) => `invalid date "${p.value}" for ${p.option}: write YYYY-MM-DD`,
    'bad-lang': (p) => `unsupported language "${p.value}": use zh or en`,
    unreadable: (p) => `cannot read ${p.file}: ${p.reason}`,
    'bad-templates': () => 'the templates have errors; run qingdan check and fix them first',
    internal: (p) => `internal error: ${p.message} (please report this message and the command to the maintainers)`,
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
    'init-exists': (p) => `${p.dir} is already a qingdan data repository or has files of the same names; init never overwrites a file${p.repo ? '; to start a new year there, run qingdan new-year YEAR' : ''}`,
    'new-year-exists': (p) => `the ${p.year} checklist exists already (${p.file}); new-year never overwrites it: delete the file first to make it again`,
    'init-not-dir': (p) => `${p.dir} is not a directory`,
    'no-embedded': () => 'this qingdan has no built-in template (run init with dist/qingdan.js as built by npm run build)',
    'void-unknown': (p) => `there is no entry with id ${p.id}${dym(p.suggestion)}`,
    'void-twice': (p) => `entry ${p.id} was already voided at ${p.first}`,
    'void-void': (p) => `${p.id} is a void line and cannot be voided; to restore the entry, record it again`,
    'reason-needed': () => 'a void needs its reason: qingdan void ID --reason "why"',
    'bad-rev': (p) => `no commit "${p.rev}" (--since takes a git revision: a commit, a tag, HEAD~10)`,
    cancelled: () => 'cancelled; nothing was recorded',
};
