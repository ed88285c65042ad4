/**
 * Raw ledger files and loaded templates → a dataset and the diagnostics of reading and parsing
 * them. Pure, and free of the YAML parser and zod, which parse/templates.ts brings in only when
 * templates must really be parsed.
 */
import type { Dataset, Ledger, Source } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Checklist, Organisation, Settings } from '../core/model.js';
import type { RawFile } from '../read/repo.js';
import { Interner, parseLedger, parseLedgerBytes, spansOf, type ParsedLedger } from './ledger.js';
import { isUtf8 } from 'node:buffer';
import { cutOffLine, decodeText } from './text.js';

export interface Parsed {
  dataset?: Dataset;
  diagnostics: Diagnostic[];
  /**
   * The content of the templates and of every ledger with a parse problem, for excerpts under
   * diagnostics. Other ledgers are not kept: a command re-reads the few that checks point at.
   */
  texts: Map<string, string | Uint8Array>;
}


/** Templates as loaded (parse/templates.ts), or as found again in the cache. */
export interface Templates {
  org?: Source<Organisation>;
  checklists: Source<Checklist>[];
  /** Whether every checklist file loaded. */
  complete: boolean;
  /** Found in the template cache, which holds only templates that passed TEMPLATE_CHECKS. */
  checked?: true;
  diagnostics: Diagnostic[];
  texts: Map<string, string | Uint8Array>;
}

/** Found again from a cache: templates that passed TEMPLATE_CHECKS, whose positions were not kept. */
export function checkedTemplates(org: { file: string; value: Organisation }, checklists: ReadonlyArray<{ file: string; value: Checklist }>): Templates {
  return {
    org: { ...org, locate: noPositions },
    checklists: checklists.map((c) => ({ ...c, locate: noPositions })),
    complete: true,
    checked: true,
    diagnostics: [],
    texts: new Map(),
  };
}

/** Clean templates have no finding to point at. */
const noPositions = () => {
  throw new Error('templates from the cache have no positions');
};

/**
 * The ledgers parsed and put together with the templates. When the organisation or a checklist
 * failed to load there is no dataset, but every ledger is still parsed so that all problems are
 * reported in one run. With `each`, each ledger is handed to it as it is parsed and not kept (the
 * dataset has no ledgers): memory then holds one ledger's lines at a time.
 */
export function assemble(templates: Templates, ledgerFiles: Iterable<RawFile>, settings: Settings, each?: (ledger: Ledger) => void): Parsed {
  const diagnostics: Diagnostic[] = [...templates.diagnostics];
  const texts = new Map(templates.texts);
  const intern = new Interner();
  const ledgers: Ledger[] = [];
  for (const file of ledgerFiles) {
    const bytes = file.bytes;
    let parsed: ParsedLedger;
    if (isUtf8(bytes)) {
      parsed = parseLedgerBytes(file.file, bytes, intern);
      const cutOff = cutOffLine(file.file, bytes);
      if (cutOff) parsed.diagnostics.push(cutOff);
      if (parsed.diagnostics.length > 0) texts.set(file.file, bytes);
    } else {
      const decoded = decodeText(file.file, bytes, { requireFinalNewline: true });
      parsed = parseLedger(file.file, decoded.text, intern);
      parsed.diagnostics = [...decoded.diagnostics, ...parsed.diagnostics];
      texts.set(file.file, decoded.text);
    }
    // a loop, not push(...): a ledger of 200 000 bad lines would overflow the stack
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (each) each({ file: file.file, lines: parsed.lines });
    else ledgers.push({ file: file.file, lines: parsed.lines });
  }
  const dataset = templates.org && templates.complete ? { settings, org: templates.org, checklists: templates.checklists, ledgers } : undefined;
  return { ...(dataset ? { dataset } : {}), diagnostics, texts };
}

/**
 * Adds the source line to each diagnostic that lacks one, and for a diagnostic that names a
 * ledger token (checks do, rather than carry columns on every entry) the token's column.
 */
export function withSources(list: Diagnostic[], texts: Map<string, string | Uint8Array>): Diagnostic[] {
  const split = new Map<string, string[]>();
  return list.map((d) => {
    if (d.source !== undefined) return d;
    const content = texts.get(d.file);
    if (content === undefined) return d;
    let lines = split.get(d.file);
    if (!lines) {
      const text = typeof content === 'string' ? content : decodeText(d.file, content, { requireFinalNewline: false }).text;
      split.set(d.file, (lines = text.split('\n')));
    }
    return withSource(d, lines[d.line - 1] ?? '');
  });
}

/** A diagnostic with the text of its line, and the column of the ledger token it names. */
export function withSource(d: Diagnostic, lineText: string): Diagnostic {
  const source = lineText.replace(/\r$/, '');
  const { token, ...rest } = d;
  if (token === undefined) return { ...rest, source };
  const span = spansOf(source)[token] ?? { column: 1, length: 1 };
  return { ...rest, column: span.column, length: span.length, source };
}

/** The files whose diagnostics still need their source (not among `texts`). */
export function filesToRead(list: Diagnostic[], texts: Map<string, unknown>): string[] {
  return [...new Set(list.filter((d) => d.source === undefined && !texts.has(d.file)).map((d) => d.file))];
}
