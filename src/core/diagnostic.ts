/**
 * One shape for every problem qingdan finds, from YAML syntax to a void of a missing entry.
 * The message text lives in the i18n catalogues, keyed by `code`: a diagnostic carries only
 * the code and its parameters, so the same finding renders in zh-CN or English.
 */
export type Severity = 'error' | 'warning';

/** The tokens of a ledger line (parse/ledger.ts). `target`: the subject, or the voided id. */
export type LedgerToken = 'date' | 'target' | 'item' | 'qty' | 'note' | 'id' | 'by' | 'evidence' | 'sha256' | 'period' | 'inspector' | 'rectify-by' | 'rectifies' | 'group' | 'rater' | 'ballot';

export type Params = Record<string, string | number>;

export interface Position {
  /** Path relative to the data repository, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units (a CJK character is one column). */
  column: number;
  /** Length of the offending text, for the caret line; at least 1. */
  length: number;
}

export interface Diagnostic extends Position {
  /**
   * For a finding about a ledger token: which one. Its column is filled in from the line's text
   * when the source is attached (parse/dataset.ts `withSources`); until then column is 0.
   */
  token?: LedgerToken;
  severity: Severity;
  code: DiagnosticCode;
  params: Params;
  /** The whole source line, for the excerpt under the message. */
  source?: string;
}

export const DIAGNOSTIC_CODES = [
  // reading and syntax
  'invalid-utf8',
  'no-final-newline',
  'yaml-syntax',
  'schema',
  'bad-date',
  'bad-line',
  'bad-quantity',
  'bad-note',
  'bad-tag',
  // references
  'unknown-unit',
  'unknown-item',
  'unknown-person',
  'subject-out-of-scope',
  // dates
  'date-out-of-year',
  'future-date',
  'bad-period',
  // quantities
  'measure-mismatch',
  'attendance-over',
  // ids and voids
  'duplicate-id',
  'void-unknown',
  'void-twice',
  // inspection findings
  'inspector-not-allowed',
  'finding-incomplete',
  'rectifies-unknown',
  // ratings
  'rating-invalid',
  'exempt-without-reason',
  'control-character',
  'invisible-character',
  'bad-evidence-hash',
  'evidence-outside',
  // templates and organisation
  'weights-total',
  'area-points',
  'duplicate-template-id',
  'deadline-outside-period',
  'members-over-headcount',
  'per-person-nobody',
  'duplicate-checklist-year',
  // roll-up
  'bad-lock',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export function diagnostic(
  at: Position,
  code: DiagnosticCode,
  params: Params = {},
  severity: Severity = 'error',
  source?: string,
): Diagnostic {
  return { ...at, severity, code, params, ...(source === undefined ? {} : { source }) };
}

/** Stable order: by file, then line, then column, then code. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
