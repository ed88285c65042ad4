/**
 * The YAML files of a data repository — settings, organisation, checklists — parsed and checked
 * against the zod model, with positions for every problem. The one module that brings in the
 * YAML parser and zod; commands import it only when the templates are not in the cache.
 */
import type { Source } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { Checklist, Organisation, Settings } from '../core/model.js';
import type { RawFile } from '../read/repo.js';
import type { Templates } from './dataset.js';
import { decodeText } from './text.js';
import { parseYaml } from './yaml.js';
import type { z } from 'zod';

export function parseSettings(raw: RawFile | undefined): { settings?: Settings; diagnostics: Diagnostic[]; text?: string } {
  if (!raw) return { settings: {}, diagnostics: [] };
  const { value, diagnostics, text } = loadYaml(raw, Settings);
  return { ...(value ? { settings: value } : {}), diagnostics, text };
}

export function parseTemplates(org: RawFile, checklistFiles: readonly RawFile[]): Templates {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string | Uint8Array>();
  const o = loadYaml(org, Organisation);
  for (const d of o.diagnostics) diagnostics.push(d);
  texts.set(org.file, o.text);
  const checklists: Source<Checklist>[] = [];
  for (const file of checklistFiles) {
    const c = loadYaml(file, Checklist);
    for (const d of c.diagnostics) diagnostics.push(d);
    texts.set(file.file, c.text);
    if (c.value) checklists.push({ file: file.file, value: c.value, locate: c.locate });
  }
  return {
    ...(o.value ? { org: { file: org.file, value: o.value, locate: o.locate } } : {}),
    checklists,
    complete: checklists.length === checklistFiles.length,
    diagnostics,
    texts,
  };
}

function loadYaml<T>(raw: RawFile, schema: z.ZodType<T>) {
  const decoded = decodeText(raw.file, raw.bytes, { requireFinalNewline: false });
  const result = parseYaml(raw.file, decoded.text, schema);
  return { ...result, diagnostics: [...decoded.diagnostics, ...result.diagnostics], text: decoded.text };
}
