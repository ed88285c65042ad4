/**
 * Raw files → a dataset and the diagnostics of reading and parsing them. Pure. When the
 * organisation or every checklist fails to load, there is no dataset, but every file is still
 * parsed so that all problems are reported in one run.
 */
import type { Dataset, Ledger, Source } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { Checklist, Organisation, Settings } from '../core/model.js';
import type { RawFile } from '../read/repo.js';
import { Interner, parseLedger, parseLedgerBytes, spansOf, type ParsedLedger } from './ledger.js';
import { isUtf8 } from 'node:buffer';
import { cutOffLine, decodeText } from './text.js';
import { parseYaml } from './yaml.js';
import type { z } from 'zod';

export interface Parsed {
  dataset?: Dataset;
  diagnostics: Diagnostic[];
  /**
   * The content of the templates and of every ledger with a parse problem, for excerpts under
   * diagnostics. Other ledgers are not kept: a command re-reads the few that checks point at.
   */
  texts: Map<string, string | Uint8Array>;
}

export interface RawInput {
  settings?: RawFile;
  org: RawFile;
  checklists: RawFile[];
  ledgers: Iterable<RawFile>;
}

export function parseSettings(raw: RawFile | undefined): { settings?: Settings; diagnostics: Diagnostic[]; text?: string } {
  if (!raw) return { settings: {}, diagnostics: [] };
  const { value, diagnostics, text } = loadYaml(raw, Settings);
  return { ...(value ? { settings: value } : {}), diagnostics, text };
}

export function parseDataset(raw: RawInput, settings: Settings): Parsed {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string | Uint8Array>();
  const intern = new Interner();
  const org = loadYaml(raw.org, Organisation);
  diagnostics.push(...org.diagnostics);
  texts.set(raw.org.file, org.text);
  const checklists: Source<Checklist>[] = [];
  for (const file of raw.checklists) {
    const c = loadYaml(file, Checklist);
    diagnostics.push(...c.diagnostics);
    texts.set(file.file, c.text);
    if (c.value) checklists.push({ file: file.file, value: c.value, locate: c.locate });
  }
  const ledgers: Ledger[] = [];
  for (const file of raw.ledgers) {
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
      parsed.diagnostics.unshift(...decoded.diagnostics);
      texts.set(file.file, decoded.text);
    }
    diagnostics.push(...parsed.diagnostics);
    ledgers.push({ file: file.file, lines: parsed.lines });
  }
  const failed = !org.value || checklists.length < raw.checklists.length;
  const dataset =
    org.value && !failed
      ? { settings, org: { file: raw.org.file, value: org.value, locate: org.locate }, checklists, ledgers }
      : undefined;
  return { ...(dataset ? { dataset } : {}), diagnostics, texts };
}

function loadYaml<T>(raw: RawFile, schema: z.ZodType<T>) {
  const decoded = decodeText(raw.file, raw.bytes, { requireFinalNewline: false });
  const result = parseYaml(raw.file, decoded.text, schema);
  return { ...result, diagnostics: [...decoded.diagnostics, ...result.diagnostics], text: decoded.text };
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
    const source = (lines[d.line - 1] ?? '').replace(/\r$/, '');
    const { token, ...rest } = d;
    if (token === undefined) return { ...rest, source };
    const span = spansOf(source)[token] ?? { column: 1, length: 1 };
    return { ...rest, column: span.column, length: span.length, source };
  });
}

/** The files whose diagnostics still need their source (not among `texts`). */
export function filesToRead(list: Diagnostic[], texts: Map<string, unknown>): string[] {
  return [...new Set(list.filter((d) => d.source === undefined && !texts.has(d.file)).map((d) => d.file))];
}
