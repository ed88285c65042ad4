/**
 * Raw files → a dataset and the diagnostics of reading and parsing them. Pure. When the
 * organisation or every checklist fails to load, there is no dataset, but every file is still
 * parsed so that all problems are reported in one run.
 */
import type { Dataset, Ledger, Source } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { Checklist, Organisation, Settings } from '../core/model.js';
import type { RawFile } from '../read/repo.js';
import { Interner, parseLedger } from './ledger.js';
import { decodeText } from './text.js';
import { parseYaml } from './yaml.js';
import type { z } from 'zod';

export interface Parsed {
  dataset?: Dataset;
  diagnostics: Diagnostic[];
  /**
   * Every file's content, for excerpts under diagnostics: the text of templates, the bytes of
   * ledgers (half the memory of their decoded text, which is not kept).
   */
  texts: Map<string, string | Uint8Array>;
}

export interface RawInput {
  settings?: RawFile;
  org: RawFile;
  checklists: RawFile[];
  ledgers: RawFile[];
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
    const decoded = decodeText(file.file, file.bytes, { requireFinalNewline: true });
    const parsed = parseLedger(file.file, decoded.text, intern);
    diagnostics.push(...decoded.diagnostics, ...parsed.diagnostics);
    const content = decoded.diagnostics.length > 0 ? decoded.text : file.bytes;
    texts.set(file.file, content);
    ledgers.push({ file: file.file, lines: parsed.lines, content });
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

/** Adds the source line to each diagnostic that lacks one. */
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
    return { ...d, source: (lines[d.line - 1] ?? '').replace(/\r$/, '') };
  });
}
