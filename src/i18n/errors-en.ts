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
    'no-checklist-for-year': (p) => `there is no checklist for ${p.year} (there is for: ${p.years}); qingdan new-year ${p.year} makes one from the year before`,
    'bad-option': (p) => `invalid value "${p.value}" for ${p.option}: ${p.hint}`,
    'supervises-nothing': (p) => `${p.name} (${p.id}) supervises no unit, so there is nothing to sum up; supervisors are the units' supervisor in templates/org.yaml, or use --unit for one unit`,
    'xlsx-needs-out': () => 'an Excel workbook (--format xlsx) is written to a file: add --out NAME.xlsx (or --out reports/)',
    'out-extension': (p) => `--out ${p.path}: "${p.ext}" is not a report format; use ${p.extensions}, or name the format with --format ${p.formats}`,
    'not-a-repository': (p) => `neither ${p.dir} nor any parent is a qingdan data repository (no qingdan.yaml or templates/org.yaml); use -C DIR, or create one with qingdan init`,
    'missing-org': (p) => `the organisation file ${p.file} is missing`,
    'missing-checklist': (p) => `no checklist template (checklist-YYYY.yaml) in ${p.dir}`,
    'path-outside': (p) =>
      `${p.setting} in qingdan.yaml is "${p.value}", which ${p.reason === 'absolute' ? 'is an absolute path' : p.reason === 'link' ? 'leads out of the data repository through a symbolic link' : 'leads out of the data repository'}: ledgers and templates must be folders inside the repository (whose git keeps their history), written relative to it, e.g. ${p.setting === 'paths.templates' ? 'templates' : 'ledgers'}`,
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
    'record-mark': (p) =>
      ({
        mixed: '--deduct/--inspector/--rectify-by (a finding), --rectifies (a rectification) and --group/--rater/--ballot (a rating) are three kinds of line: one at a time',
        finding: 'a finding needs both --deduct (the points) and --inspector (who found it), e.g. qingdan record UNIT ITEM --deduct 0.5 --inspector PERSON --note "what"',
        quantity: `a finding or a rectification takes no quantity ("${p.qty}"): the points go in --deduct`,
        rating: 'a rating needs --group, either --rater or --ballot, and the score (0–100) or grade (好, 较好, 一般, 差) in the quantity\'s place, e.g. qingdan record UNIT ITEM 90 --group leaders --rater PERSON',
        points: `invalid value "${p.value}" for --deduct: the points taken off, e.g. 0.5 or 1分`,
        score: `invalid rating "${p.value}": a score 0–100, or a grade 好, 较好, 一般 or 差`,
      })[String(p.problem)] ?? String(p.problem),
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
    'bad-list': (p) => `cannot list "${p.value}": choose units, items, people or entries`,
    evidence: (p) => `evidence ${p.path}: ${EVIDENCE[String(p.reason)] ?? p.reason}`,
    'evidence-taken': (p) => `the evidence ${p.path} is outside the data repository and would be copied to ${p.rel}, but a different file of that name is there; nothing was recorded. Rename the file and record again`,
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
    'no-members': (p) => `${p.file} lists no members: (the data repositories of the offices below); a roll-up needs them, see docs/rollup.md`,
    'bad-lock': (p) => `${p.file} has ${p.count} error(s) (the first on line ${p.line}); no roll-up from it: run qingdan check first, or qingdan rollup fetch again`,
    'umbrella-no-checklist': () => 'this is an umbrella repository (its settings list members:) with no templates or ledgers of its own; use qingdan rollup monthly|quarterly|annual for its members, see docs/rollup.md',
    'git-failed': (p) => `${p.command ?? 'git'} failed${p.file ? ` (${p.file}${p.line ? `:${p.line}` : ''})` : ''}; what git says:`,
    'git-unusable': (p) => `git refuses the repository of ${p.dir}; what git says (when the repository belongs to another user, add it to safe.directory as advised):`,
    'commit-failed': (p) =>
      `git commit failed, so the record was taken back: ${p.file} and the index are exactly as they were, nothing was recorded. Deal with what git says below (a pre-commit hook's check, for instance), then record again:`,
    locked: (p) =>
      `another qingdan is recording: the lock file ${p.lock} is held by process ${p.pid} on ${p.host} since ${p.since}, and the wait timed out; nothing was recorded. Try again later; if process ${p.pid} is not qingdan (it exited, or its number was reused), delete the lock file: rm ${p.lock}`,
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
    'unsafe-path': (p) =>
      p.kind === 'link'
        ? `${p.at} is a symbolic link, which may lead out of the repository, so qingdan does not write ${p.file} through it; nothing was written. Replace it with a real folder or file (a ledger must be a plain file of the repository)`
        : p.kind === 'not-a-folder'
          ? `${p.at} is not a folder, so ${p.file} cannot be written in it; nothing was written`
          : `${p.at} is not a regular file and qingdan does not write to it; nothing was written`,
    'disk-full': (p) => `cannot write ${p.path}: the disk is full${p.code === 'EDQUOT' ? ' (the disk quota is exceeded)' : ''}; nothing was written. Free some space and try again`,
    'read-only': (p) => `cannot write ${p.path}: its file system is read-only; nothing was written. Try again where it can be written (or once it is mounted read-write)`,
    'no-permission': (p) => `cannot write ${p.path}: permission denied; nothing was written. Check the owner and permissions of the file and its folder (ls -l), or run as a user who may write there`,
    'add-failed': (p) =>
      `git add failed, so the record was taken back: ${p.file} and the index are exactly as they were, nothing was recorded. Deal with what git says below, then record again:`,
    'index-locked': (p) =>
      `another git process is using the index (${p.lock} exists and was not released after a wait), so ${p.step} could not run; the record was taken back and the ledger is exactly as it was. Record again once it is done; if no git is running (a git that crashed left it), delete the file: rm ${p.lock}. What git says:`,
    'undo-failed': (p) =>
      `${p.step} failed, and taking the new line back failed too: ${p.file} may hold that line. Look with git status and git diff HEAD -- ${p.file}; restore it with git reset -q -- ${p.file} then git checkout -- ${p.file} (delete it if it is new), then run qingdan check. Details:`,
    'git-in-progress': (p) => {
      const how: Record<string, string> = {
        merge: 'a merge: resolve the conflicts and git commit to finish it, or git merge --abort',
        rebase: 'a rebase: finish it with git rebase --continue, or git rebase --abort (which drops the commits made meanwhile)',
        am: 'git am: finish it with git am --continue, or git am --abort',
        'cherry-pick': 'a cherry-pick: finish it with git cherry-pick --continue, or git cherry-pick --abort',
        revert: 'a revert: finish it with git revert --continue, or git revert --abort',
        bisect: 'a bisect: when done, git bisect reset returns to the branch',
      };
      return `the repository is in the middle of ${how[String(p.op)] ?? String(p.op)}. A record now would be mixed into it or lost with it, so nothing was recorded; record once it is over`;
    },
    'detached-head': () =>
      'HEAD is detached (on no branch): a commit now would belong to no branch and be lost on the next checkout, so nothing was recorded. Go back to a branch (git switch main, or git switch -c NEW-BRANCH), then record; or add --no-commit to only write and stage',
    'void-line-no-ledger': (p) => `${p.file} is not a ledger of this repository (give the path from the data repository's root, e.g. ledgers/2026/office.ledger, as qingdan check shows it); nothing was voided`,
    'void-line-none': (p) => `there is no ${p.where}: the file has ${p.count} lines; nothing was voided`,
    'void-line-blank': (p) => `${p.where} is blank or a comment; there is nothing to void`,
    'void-line-has-id': (p) => `${p.where} has the id ${p.id}: void it by its id: qingdan void ${p.id} --reason "why"`,
    'void-line-ambiguous': (p) => `the text of ${p.where} is in the file more than once (${p.places}); a void of the line would cancel them all, so nothing was voided. Find out which is the extra one first (git log -p on the file)`,
    'void-what': () => 'give the id of the entry to void (qingdan void ID), or --line FILE:LINE for a line without an id — one of the two',
    'void-ambiguous': (p) => `id ${p.id} is on more than one line (${p.places}), so which to void is unclear; nothing was voided. Run qingdan check and fix the duplicate id first`,
    'out-special': (p) => {
      const kind: Record<string, string> = { fifo: 'a named pipe (FIFO)', socket: 'a socket', device: 'a device', directory: 'a folder', other: 'a special file' };
      return `--out ${p.path} is ${kind[String(p.kind)] ?? 'a special file'}; a report cannot be written there: give a regular file or a folder`;
    },
    'out-inside-data': (p) => `--out ${p.path} is inside the data folder ${p.dir}; a report is never written among the ledgers or the templates (it would be read as data, or overwrite it): write it elsewhere, e.g. reports/`,
    'locked-elsewhere': (p) =>
      `the lock file ${p.lock} is held by process ${p.pid} on another host, ${p.host}, since ${p.since}, and whether it still runs cannot be told from here; nothing was recorded. If no qingdan is recording on ${p.host}, delete the lock file and try again: rm ${p.lock}`,
};
