import type { Catalogue } from './catalogue.js';
import { errorsEn } from './errors-en.js';
import { measureNamed } from '../core/measures.js';

const measure = (name: unknown) => measureNamed(String(name))?.en ?? String(name);

const dym = (s: unknown) => (s ? `; did you mean "${s}"?` : '');
/** Where in a ledger line (or template value) a character was found. */
const WHERE: Record<string, string> = {
  note: 'the note',
  subject: 'the subject',
  item: 'the item',
  void: 'the voided id',
  id: 'the id: tag',
  by: 'the by: tag',
  evidence: 'the evidence: path',
  file: "the ledger's file name",
};
const where = (p: Record<string, unknown>) => (p.key !== undefined ? `the value of "${p.key}"` : (WHERE[String(p.where)] ?? String(p.where)));
const named = (p: Record<string, unknown>) => `${p.code}${p.name ? ` (${p.name})` : ''}`;
const DETAIL: Record<string, string> = {
  slug: 'must be an id of lower-case letters, digits, "-" or "_", starting with a letter, e.g. office',
  'item-id': 'must be an id starting with a letter, e.g. T1.1',
  date: 'must be a real date written YYYY-MM-DD',
  'target-empty': 'a target needs at least one of count, sum or rate',
  'sum-without-measure': 'a target with sum needs its measure',
  'reserved-id': '"org" and "void" are reserved words and cannot be ids',
  'deduct-without-per-miss': 'the deduct rule needs per_miss, the points taken off per missed period (or per_missing, per missing occurrence)',
  'floor-over-weight': 'the floor cannot be above the item\'s weight',
  'per-missing-misuse': 'per_missing (points per missing occurrence) goes with rule: deduct, and not together with per_miss',
  'per-missing-without-count': 'per_missing counts what is missing of a count or sum target: the target needs count or sum',
  'item-points': 'an item has exactly one of weight (its points), penalty (a penalty-only condition) or bonus (a bonus item)',
  'scoring-without-weight': 'a penalty-only condition or a bonus item has no points of its own and takes no scoring',
  'rating-misuse': 'an item scored by raters has a weight, and its groups have distinct ids',
  'per-person-misuse': "per_person (each person's target) goes on a unit's item (scope units or { units: […] }), not with rating or bonus",
  'per-person-all-per-missing': "credit: all (credited only when everyone reached the target) does not go with per_missing; to deduct per occurrence each person misses use credit: average",
  'counts-toward-misuse': "counts_toward: supervised or unit goes on a person's item (scope { role: … } or { person: … }); units or { units: […] } on the organisation's item (scope: org)",
  'member-url': 'a member URL is a path, file://, git://, ssh or https URL git fetches (not ext:: or fd::, not starting with -)',
  'member-branch': 'a branch name holds letters, digits and . _ / - only, does not start with - and has no ..',
  'duplicate-member': 'member ids must be unique',
};

export const en: Catalogue = {
  diagnostics: {
    'invalid-utf8': (p) => `not valid UTF-8 (byte ${p.byte}); save the file as UTF-8`,
    'no-final-newline': () => 'the last line has no newline and may have been cut off while written; check it is complete, then end it with a newline',
    'yaml-syntax': (p) => `YAML syntax error: ${p.code === 'TAB_AS_INDENT' ? 'tabs are not allowed as indentation; use spaces' : p.detail}`,
    schema: (p) => {
      const where = `"${p.path}"`;
      if (p.detail === 'unknown-key') return p.suggestion ? `unknown key ${where}; did you mean "${p.suggestion}"?` : `unknown key ${where} (misspelt?)`;
      if (p.detail === 'missing-key') return `missing required key ${where}`;
      if (p.detail === 'zod') return `${where}: ${p.en}`;
      return `${where}: ${DETAIL[String(p.detail)] ?? p.detail}`;
    },
    'bad-date': (p) => `invalid date "${p.text}": write a real date as YYYY-MM-DD`,
    'bad-line': (p) =>
      `incomplete line: the ${p.expected === 'subject' ? 'unit (or org, or person)' : p.expected === 'id' ? 'id of the entry to void' : 'item id'} is missing`,
    'bad-quantity': (p) => `invalid quantity "${p.text}": write it like 3, 3.5h, 2篇 or 23/25`,
    'bad-note': () => 'unbalanced quotes: a note goes between a pair of double quotes "…", with \\" for a quote inside',
    'bad-tag': (p) => `cannot read "${p.text}": tags are id:, by:, period:, evidence:, sha256:, inspector:, rectify-by:, rectifies:, group:, rater: or ballot:, each at most once`,
    'unknown-unit': (p) => `unknown unit or person "${p.name}"${dym(p.suggestion)}`,
    'unknown-item': (p) => `the ${p.year} checklist has no item "${p.item}"${dym(p.suggestion)}`,
    'unknown-person': (p) => `unknown person "${p.name}"${dym(p.suggestion)}`,
    'subject-out-of-scope': (p) =>
      p.perPerson !== undefined
        ? `item ${p.item} has per-person targets: record the person who did it (a person whose unit: is the unit${p.perPerson ? `, of role ${p.perPerson}` : ''}), which "${p.name}" is not`
        : `item ${p.item} does not fall on "${p.name}"; check the unit or the item`,
    'date-out-of-year': (p) => `there is no checklist for ${p.year} (there is for: ${p.years || 'none'})`,
    'future-date': (p) => `date ${p.date} is after today (${p.asOf}): what has not happened cannot be recorded`,
    'bad-period': (p) =>
      p.reason === 'format'
        ? `invalid period "${p.period}": write 2026-03, 2026-Q1, 2026-H1 or 2026`
        : p.reason === 'cadence'
          ? `period "${p.period}" does not fit the item's cadence (${p.cadence})`
          : `period ${p.period} starts after the entry's date ${p.date}`,
    'measure-mismatch': (p) =>
      p.reason === 'fraction'
        ? `"${p.text}" is an attendance count, but item ${p.item} does not measure attendance`
        : p.reason === 'integer'
          ? `"${p.text}" must be a whole number: item ${p.item} is counted in ${measure(p.measure)}`
          : `"${p.text}" has the wrong measure: item ${p.item} is counted in ${measure(p.measure)} (${p.measure})`,
    'attendance-over': (p) => `${p.present} present is more than the ${p.expected} expected`,
    'duplicate-id': (p) => `duplicate entry id ${p.id} (first at ${p.first})`,
    'void-unknown': (p) => `there is no entry ${p.id} to void`,
    'void-twice': (p) => `entry ${p.id} was already voided at ${p.first}`,
    'inspector-not-allowed': (p) => `${p.name} (${p.role}) cannot be named as an inspector; the roles inspection.roles allows: ${p.roles}`,
    'finding-incomplete': (p) =>
      p.missing === 'inspector'
        ? 'an inspection finding names its inspector: inspector:'
        : p.missing === 'points'
          ? 'a line with inspector: or rectify-by: is an inspection finding and gives the points taken off (e.g. -1)'
          : `the rectification deadline ${p.date} is before the finding`,
    'rating-invalid': (p) =>
      ({
        'not-rated': `item ${p.item} is not scored by raters (no rating in the template)`,
        'unknown-group': `rater group ${p.group} is not among the rating groups of ${p.item} (${p.groups})`,
        anonymous: `rater group ${p.group} is anonymous: give ballot:, not rater:`,
        named: `rater group ${p.group} names its raters: give rater:`,
        role: `${p.name} (${p.role}) is not of rater group ${p.group} (${p.roles})`,
        score: 'a rating gives a score from 0 to 100, or one of the grades 好, 较好, 一般, 差',
      })[String(p.problem)] ?? String(p.problem),
    'rectifies-unknown': (p) => `there is no inspection finding ${p.id} to rectify (rectifies: names the id of a finding)`,
    'exempt-without-reason': () => 'an exemption (exempt) needs its reason in the note',
    'control-character': (p) =>
      p.kind === 'bidi'
        ? `character ${p.at} of ${where(p)} is the bidirectional control ${named(p)}, which reorders how the text is shown so that what is seen is not what is written; remove it`
        : `character ${p.at} of ${where(p)} is the control character ${named(p)}, which could upset a terminal printing it; remove it`,
    'invisible-character': (p) => `${where(p)} "${p.text}" holds the invisible character ${named(p)} at character ${p.at}: it looks the same as without it but is different text (another name or id); remove it`,
    'bad-evidence-hash': (p) => `invalid evidence hash "${p.text}": write 12 to 64 lower-case hexadecimal digits`,
    'evidence-outside': (p) => `the evidence path "${p.path}" leaves the data repository: write a path relative to the repository, neither absolute nor with .. leading out`,
    'weights-total': (p) => `the item weights add up to ${p.sum}, not to the total of ${p.total}`,
    'area-points': (p) => `the items of area ${p.area} add up to ${p.sum}, not to its ${p.points} points`,
    'duplicate-template-id': (p) => `duplicate id "${p.id}" (first at ${p.first})`,
    'deadline-outside-period': (p) =>
      p.cadence === 'once' || p.cadence === 'yearly'
        ? `the deadline ${p.deadline} of item ${p.item} is not in ${p.year}`
        : `item ${p.item} recurs ${p.cadence}: give its deadline as { days_after_period_end: N }, not the fixed date ${p.deadline}`,
    'per-person-nobody': (p) => `item ${p.item} has per-person targets (per_person), but unit ${p.units} has no person${p.role ? ` of role ${p.role}` : ''}: give the people their unit: in org.yaml`,
    'members-over-headcount': (p) => `unit ${p.unit} has ${p.members} party members but only ${p.headcount} staff`,
    'duplicate-checklist-year': (p) => `a second checklist for ${p.year} (the first is ${p.first})`,
    'bad-lock': (p) =>
      `${
        {
          syntax: 'members.lock is not valid JSON',
          shape: 'members.lock should be {"members": [ … ]}, an entry per member',
          entry: 'a member entry needs a string id and url',
          commit: `the commit "${p.value}" of member ${p.id} is not 40 or 64 lowercase hex digits`,
          duplicate: `member ${p.id} twice (first on line ${p.first})`,
          'unknown-member': `member ${p.id} is not listed under members: in qingdan.yaml`,
        }[String(p.problem)] ?? String(p.problem)
      }; members.lock is written by qingdan rollup fetch, not by hand: restore the committed one with git checkout -- members.lock, or run qingdan rollup fetch again`,
  },
  ui: {
    wrote: (p) => `wrote ${p.file}`,
    readingLedgers: (p) => `reading ledgers: ${p.done} / ${p.total} files…`,
    auditingCommits: (p) => `auditing commits: ${p.done} / ${p.total}…`,
    ledgerProblems: (p) => `the templates or ledgers have ${p.count} problem(s); faulty entries are left out; run qingdan check to see them`,
    error: 'error',
    warning: 'warning',
    clean: (p) => `✓ no problems: ${p.files} files, ${p.entries} entries, ${p.items} items, ${p.units} units`,
    cleanUmbrella: (p) => `✓ no problems: an umbrella listing ${p.members} members (no templates or ledgers of its own)`,
    summary: (p) =>
      `${p.errors} error${p.errors === 1 ? '' : 's'}${p.warnings ? `, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}` : ''} (${p.files} files checked)`,
  },
  errors: errorsEn,
  status: {
    met: 'met',
    'met-late': 'met late',
    partial: 'partial',
    overdue: 'overdue',
    'due-soon': 'due soon',
    open: 'open',
    exempt: 'exempt',
  },
  weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  due: {
    heading: (p) => `Due and overdue · as of ${p.asOf} (${p.weekday}) · ${p.overdue} overdue · ${p.soon} due within ${p.within} days`,
    nothing: (p) => `✓ nothing overdue and nothing due within ${p.within} days`,
    countOverdue: (p) => `${p.n} overdue`,
    countSoon: (p) => `${p.n} due soon`,
    overdueBy: (p) => `${p.n}d late`,
    left: (p) => `${p.n}d left`,
    today: () => 'due today',
    behind: (p) => `behind pace (expected ${p.expected})`,
    footer: () => 'Record a completion with: qingdan record UNIT ITEM [QTY]; overdue work counts in the quarterly inspection and the annual score',
    previousYear: (p) => `Open work of ${p.year} · ${p.overdue} overdue · ${p.soon} due soon (still recorded: dated in ${p.year}, counted late)`,
  },
};
