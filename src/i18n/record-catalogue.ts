/** The shape of the recording commands' messages (record-zh.ts, record-en.ts). */
import type { Params } from '../core/diagnostic.js';
import type { PeriodKind } from '../core/periods.js';

type Message = (p: Params) => string;

export interface ViolationLike {
  kind: string;
  commit?: string | null;
  count?: number;
  to?: string;
  expected?: string;
  actual?: string;
  id?: string;
}

export interface RecordCatalogue {
  prompt: {
    unit: Message;
    item: Message;
    quantity: Message;
    date: Message;
    note: Message;
    search: Message;
    matches: Message;
    noMatch: Message;
    keys: Message;
    noteExempt: Message;
    noteNeeded: Message;
    badNote: Message;
    quantityNeeded: Message;
    rerun: Message;
    badQuantity: Message;
    badDate: Message;
    hintDone: Message;
    hintRate: Message;
    hintSum: Message;
    hintCount: Message;
    cadence: Record<string, string>;
  };
  record: {
    done: Message;
    committed: Message;
    staged: Message;
    notInGit: Message;
    status: Message;
    header: Message;
    evidenceCopied: Message;
    backdated: Message;
  };
  void: { done: Message };
  period: (kind: PeriodKind, index: number, year: number) => string;
  init: {
    created: Message;
    committed: Message;
    initialised: Message;
    noGit: Message;
    noIdentity: Message;
    commitFailed: Message;
    next: Message;
  };
  newYear: {
    created: Message;
    settings: Message;
    committed: Message;
    notCommitted: Message;
    next: Message;
  };
  entries: {
    id: string;
    date: string;
    subject: string;
    item: string;
    quantity: string;
    where: string;
    note: string;
    voided: string;
    none: Message;
  };
  list: {
    headers: Record<'id' | 'name' | 'chief' | 'supervisor' | 'members' | 'headcount' | 'role' | 'title' | 'area' | 'cadence' | 'target' | 'weight' | 'due', string>;
    done: Message;
    role: Record<string, string>;
  };
  audit: {
    heading: Message;
    violations: Message;
    workingTree: Message;
    againstParent: Message;
    kind: (v: ViolationLike) => string;
    /** Who last changed an evidence file (`by`: commit, date, author; or the working tree). */
    evidenceChangedBy: Message;
    lagHeading: Message;
    lagColumns: Record<'subject' | 'entries' | 'median' | 'max', string>;
    backdatedHeading: Message;
    dueClosed: Message;
    more: Message;
    clean: Message;
    dirty: Message;
  };
}
