/** The shape of a message catalogue; one per language, complete by type. */
import type { DiagnosticCode, Params } from '../core/diagnostic.js';
import type { ErrorKey } from '../errors.js';

type Message = (p: Params) => string;

export interface Catalogue {
  diagnostics: Record<DiagnosticCode, Message>;
  ui: {
    error: string;
    warning: string;
    clean: Message;
    summary: Message;
  };
  errors: Record<ErrorKey | 'internal', Message>;
}
