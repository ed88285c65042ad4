/** The checks `qingdan check` runs, in the order their findings are most useful. */
import type { Check, CheckContext } from './check.js';
import type { Dataset } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { orgPeople } from './org-people.js';
import { templateIds } from './template-ids.js';
import { templateWeights } from './template-weights.js';
import { templateDeadlines } from './template-deadlines.js';
import { ledgerDates } from './ledger-dates.js';
import { ledgerReferences } from './ledger-references.js';
import { ledgerQuantities } from './ledger-quantities.js';
import { IdCheck, ledgerIds } from './ledger-ids.js';
import { ledgerText } from './ledger-text.js';
import { ledgerEvidence } from './ledger-evidence.js';
import { templateText } from './template-text.js';
import { ledgerFindings } from './ledger-findings.js';
import { ledgerRatings } from './ledger-ratings.js';

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
  ledgerFindings,
  ledgerRatings,
  ledgerIds,
];

/**
 * The checks of ledgers that look at one line at a time (all but the id check): they can run on
 * one ledger, or one line, at a time — `check` runs them ledger by ledger, `record` on its line.
 */
export const PER_LINE_CHECKS: readonly Check[] = [ledgerDates, ledgerReferences, ledgerQuantities, ledgerText, ledgerEvidence, ledgerFindings, ledgerRatings];

/** The checks of templates alone: clean templates are what the template cache may keep. */
export const TEMPLATE_CHECKS: readonly Check[] = [orgPeople, templateIds, templateWeights, templateDeadlines, templateText];

/** The findings of `checks`, but none about an entry that a void of `ctx.ds` cancels. */
export function runChecks(ctx: CheckContext, checks: readonly Check[] = CHECKS): Diagnostic[] {
  const found = checks.flatMap((check) => check(ctx));
  if (found.length === 0) return found;
  const voided = voidedPlaces(ctx.ds);
  return voided.size === 0 ? found : found.filter((d) => !voided.has(`${d.file}:${d.line}`));
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

/** Where the entries of `ds` that a void cancels are, as `file:line`. */
function voidedPlaces(ds: Dataset): Set<string> {
  if (!ds.ledgers.some((l) => l.lines.some((line) => line.kind === 'void'))) return new Set();
  const ids = new IdCheck();
  for (const ledger of ds.ledgers) ids.add(ledger);
  return ids.voidedPlaces();
}
