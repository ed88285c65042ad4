/**
 * Entry ids are unique across all ledgers; a void names an existing entry, and so does a
 * rectification (rectifies:). A second void of the
 * same entry is only a warning: two clerks on two clones who void one entry leave two void lines
 * after their union merge, which cancel the entry just as one does — nothing to repair.
 *
 * The one check that looks across ledgers. `IdCheck` takes the ledgers one at a time and keeps
 * only where each id was (core/id-places.ts: numbers in typed arrays, not the lines), so that
 * `check` can drop each ledger's lines once its other checks have run: five million lines are
 * not held at once.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Ledger } from '../core/dataset.js';
import { IdPlaces } from '../core/id-places.js';
import { LINE_TARGET } from '../parse/ledger.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

/** A void line: the entry it names, and where it is. */
interface VoidMark {
  target: string;
  file: string;
  line: number;
}

export class IdCheck {
  private readonly places = new IdPlaces();
  /** The files added, by number; a void's place is kept with its line negative. */
  private readonly files: string[] = [];
  private readonly voids: VoidMark[] = [];
  /** Rectifications (rectifies:) and the finding each names. */
  private readonly rectifications: VoidMark[] = [];
  private readonly out: Diagnostic[] = [];

  /** A ledger's duplicate ids are found here; its voids are looked at when every id is known. */
  add(ledger: Ledger): void {
    const file = this.files.push(ledger.file) - 1;
    for (const l of ledger.lines) {
      // a void of a line by its text is the parser's (parse/ledger.ts): it names no id
      if (l.kind === 'void' && !l.target.startsWith(LINE_TARGET)) this.voids.push({ target: l.target, file: l.file, line: l.line });
      else if (l.kind === 'entry' && l.extra?.rectifies !== undefined) this.rectifications.push({ target: l.extra.rectifies, file: l.file, line: l.line });
      if (l.id === undefined) continue;
      const first = this.places.add(l.id, file, l.kind === 'void' ? -l.line : l.line);
      if (first) this.out.push(diagnostic(tokenAt(l, 'id'), 'duplicate-id', { id: l.id, first: `${this.files[first.file]}:${Math.abs(first.line)}` }));
    }
  }

  /**
   * Where the entries voided by id are, as `file:line`: what they would be reported for is not
   * reported — the void is how a wrong line is corrected, and then nothing is left to repair.
   */
  voidedPlaces(): Set<string> {
    const out = new Set<string>();
    for (const v of this.voids) {
      const first = this.places.get(v.target);
      if (first && first.line > 0) out.add(`${this.files[first.file]}:${first.line}`);
    }
    return out;
  }

  /** Every finding: the duplicates in ledger order, then the voids'. */
  findings(): Diagnostic[] {
    const out = [...this.out];
    const voided = new Map<string, string>();
    for (const v of this.voids) {
      const at = tokenAt(v, 'target');
      const first = this.places.get(v.target);
      if (!first || first.line < 0) {
        out.push(diagnostic(at, 'void-unknown', { id: v.target }));
        continue;
      }
      const earlier = voided.get(v.target);
      if (earlier) out.push(diagnostic(at, 'void-twice', { id: v.target, first: earlier }, 'warning'));
      else voided.set(v.target, `${v.file}:${v.line}`);
    }
    for (const r of this.rectifications) {
      const first = this.places.get(r.target);
      if (!first || first.line < 0) out.push(diagnostic(tokenAt(r, 'rectifies'), 'rectifies-unknown', { id: r.target }));
    }
    return out;
  }
}

export const ledgerIds: Check = ({ ds }) => {
  const ids = new IdCheck();
  for (const ledger of ds.ledgers) ids.add(ledger);
  return ids.findings();
};
