/**
 * What a ledger line becomes once parsed. Positions are kept as plain numbers on the entry
 * itself (no nested objects) so that a million entries stay cheap.
 */
export interface Quantity {
  value: number;
  /** The measure suffix as typed (`h`, `学时`, `篇`), if any. */
  unit?: string;
  /** For attendance `present/expected`: the expected count. */
  expected?: number;
}

/** Tags the ledger format knows; anything else is a typo worth reporting. */
export const TAG_KEYS = ['id', 'by', 'evidence', 'sha256', 'period'] as const;
export type TagKey = (typeof TAG_KEYS)[number];

interface LineBase {
  file: string;
  line: number;
  date: string;
  /** The date as the number YYYYMMDD: comparing numbers is what the engine does a million times. */
  day: number;
  id?: string;
  by?: string;
  evidence?: string;
  sha256?: string;
  period?: string;
  /** 1-based columns of tokens, for diagnostics; 0 when the token is absent. */
  targetCol: number;
  qtyCol: number;
  idCol: number;
  byCol: number;
  periodCol: number;
  evidenceCol: number;
}

export interface Entry extends LineBase {
  kind: 'entry';
  subject: string;
  item: string;
  /** Column of the item (the subject's column is `targetCol`). */
  itemCol: number;
  quantity?: Quantity;
  /** The literal quantity text, for messages. */
  quantityText?: string;
  /** `exempt` in place of a quantity: the obligation is waived; the note gives the reason. */
  exempt: boolean;
  note?: string;
}

export interface Void extends LineBase {
  kind: 'void';
  /** The id of the entry cancelled (its column is `targetCol`). */
  target: string;
  reason?: string;
}

export type LedgerLine = Entry | Void;
