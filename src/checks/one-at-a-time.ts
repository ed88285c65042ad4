/**
 * The ledger checks of `qingdan check`, one ledger at a time: each ledger is checked as it is
 * parsed and then let go, so that the memory of a check is that of one ledger and of where each
 * id was — not of five million parsed lines. Every ledger check but the id check looks at one line
 * at a time; the id check (ledger-ids.ts `IdCheck`) keeps what it needs across ledgers.
 */
import { buildCatalog, type Catalog } from '../core/catalog.js';
import type { Dataset, Ledger } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { PER_LINE_CHECKS, runChecks } from './index.js';
import { IdCheck } from './ledger-ids.js';

export class LedgerChecks {
  /** The lines checked so far. */
  lines = 0;
  private readonly cat: Catalog;
  private readonly found: Diagnostic[] = [];
  private readonly ids = new IdCheck();

  /** `base`: the settings and templates, without ledgers. */
  constructor(
    private readonly base: Dataset,
    private readonly asOf: string,
  ) {
    this.cat = buildCatalog(base);
  }

  add(ledger: Ledger): void {
    this.lines += ledger.lines.length;
    const ds = { ...this.base, ledgers: [ledger] };
    // a loop, not push(...): a ledger of 200 000 bad lines would overflow the stack
    for (const d of runChecks({ ds, cat: this.cat, asOf: this.asOf }, PER_LINE_CHECKS)) this.found.push(d);
    this.ids.add(ledger);
  }

  /** The findings of every ledger added (but not of entries voided), then those of the ids. */
  findings(): Diagnostic[] {
    const voided = this.ids.voidedPlaces();
    const out = voided.size === 0 ? this.found : this.found.filter((d) => !voided.has(`${d.file}:${d.line}`));
    for (const d of this.ids.findings()) out.push(d);
    return out;
  }
}
