/** The checks `qingdan check` runs, in the order their findings are most useful. */
import type { Check, CheckContext } from './check.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { orgPeople } from './org-people.js';
import { templateIds } from './template-ids.js';
import { templateWeights } from './template-weights.js';
import { templateDeadlines } from './template-deadlines.js';
import { ledgerDates } from './ledger-dates.js';
import { ledgerReferences } from './ledger-references.js';
import { ledgerQuantities } from './ledger-quantities.js';
import { ledgerIds } from './ledger-ids.js';

export const CHECKS: readonly Check[] = [
  orgPeople,
  templateIds,
  templateWeights,
  templateDeadlines,
  ledgerDates,
  ledgerReferences,
  ledgerQuantities,
  ledgerIds,
];

export function runChecks(ctx: CheckContext): Diagnostic[] {
  return CHECKS.flatMap((check) => check(ctx));
}
