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
import { ledgerText } from './ledger-text.js';
import { ledgerEvidence } from './ledger-evidence.js';
import { templateText } from './template-text.js';

export const CHECKS: readonly Check[] = [
  orgPeople,
  templateIds,
  templateWeights,
  templateDeadlines,
  templateText,
  ledgerDates,
  ledgerReferences,
  ledgerQuantities,
  ledgerText,
  ledgerEvidence,
  ledgerIds,
];

/**
 * The checks of ledgers that look at one line at a time (all but the id check): they can run on
 * one ledger, or one line, at a time — `check` runs them ledger by ledger, `record` on its line.
 */
export const PER_LINE_CHECKS: readonly Check[] = [ledgerDates, ledgerReferences, ledgerQuantities, ledgerText, ledgerEvidence];

/** The checks of templates alone: clean templates are what the template cache may keep. */
export const TEMPLATE_CHECKS: readonly Check[] = [orgPeople, templateIds, templateWeights, templateDeadlines, templateText];

export function runChecks(ctx: CheckContext, checks: readonly Check[] = CHECKS): Diagnostic[] {
  return checks.flatMap((check) => check(ctx));
}

/** `checks` without the template checks when the templates already passed them (`Templates.checked`). */
export function checksFor(checks: readonly Check[], templates: { checked?: true }): readonly Check[] {
  return templates.checked ? checks.filter((c) => !TEMPLATE_CHECKS.includes(c)) : checks;
}

/**
 * The checks whose findings change what a report counts (an entry of an unknown unit is left
 * out, a wrong measure is counted as written): `due` and `report` run these to warn on stderr.
 * Duplicate ids and voids are `check`'s business; with a million entries their table is the
 * dearest check of all.
 */
export const COUNTING_CHECKS: readonly Check[] = CHECKS.filter((c) => c !== ledgerIds);
