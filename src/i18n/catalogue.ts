/** The shape of a message catalogue; one per language, complete by type. */
import type { DiagnosticCode, Params } from '../core/diagnostic.js';
import type { ErrorKey } from '../errors.js';
import type { Status } from '../core/status.js';

type Message = (p: Params) => string;

export interface Catalogue {
  diagnostics: Record<DiagnosticCode, Message>;
  ui: {
    error: string;
    warning: string;
    clean: Message;
    cleanUmbrella: Message;
    summary: Message;
    ledgerProblems: Message;
    wrote: Message;
    /** The progress line of a long read, on a terminal's stderr. */
    readingLedgers: Message;
    /** The progress line of a long audit, on a terminal's stderr. */
    auditingCommits: Message;
  };
  errors: Record<ErrorKey | 'internal', Message>;
  status: Record<Status, string>;
  weekdays: readonly string[];
  due: {
    heading: Message;
    nothing: Message;
    countOverdue: Message;
    countSoon: Message;
    overdueBy: Message;
    left: Message;
    today: Message;
    behind: Message;
    footer: Message;
    previousYear: Message;
  };
}
