/** A character that may not stand where it stands (core/characters.ts), as a finding: the one shape of ledger-text and template-text. */
import type { Found } from '../core/characters.js';
import { diagnostic, type Diagnostic, type Position } from '../core/diagnostic.js';

/**
 * The finding of `found` in `text`: the value of `where`, a ledger token (`subject`, `id`, `note`,
 * `file` for the ledger's name) or, with `yaml`, a template key (`title`).
 */
export function characterFinding(at: Position, where: string, text: string, found: Found, yaml = false): Diagnostic {
  const params = { [yaml ? 'key' : 'where']: where, text, at: found.index + 1, code: found.code, name: found.name, kind: found.kind };
  return diagnostic(at, found.kind === 'invisible' ? 'invisible-character' : 'control-character', params);
}
