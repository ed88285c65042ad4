import type { Catalog } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';

export interface CheckContext {
  ds: Dataset;
  cat: Catalog;
  /** "Today" for the purpose of the check: entries after it are in the future. */
  asOf: string;
}

/** A check is a pure function from the dataset to what is wrong with it. */
export type Check = (ctx: CheckContext) => Diagnostic[];
