/**
 * Orders of ids (letters, digits, '.', '_', '-') as ICU orders them, written out: `localeCompare`
 * goes to ICU at every call, which was most of the time of sorting a report's rows, and even one
 * `Intl.Collator` kept for every sort costs loading ICU's collation data, about 8 ms of each `due`
 * and `report`, and is no faster once created (`node bench/structures.mjs`).
 */

/** Item ids, natural: T1.2 before T1.10 (what `localeCompare(b, 'en', { numeric: true })` gave). */
export function byItemId(a: string, b: string): number {
  return primary(a, b, true) || caseOrder(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Unit and person ids, character by character (what `localeCompare(b)` gave). */
export function byId(a: string, b: string): number {
  return primary(a, b, false) || caseOrder(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Punctuation before digits before letters (ICU's root order), case aside; digit runs by value when `numeric`. */
function primary(a: string, b: string, numeric: boolean): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (numeric && isDigit(ca) && isDigit(cb)) {
      const ea = digitsEnd(a, i);
      const eb = digitsEnd(b, j);
      const d = compareNumbers(a.slice(i, ea), b.slice(j, eb));
      if (d !== 0) return d;
      i = ea;
      j = eb;
      continue;
    }
    const d = rank(ca) - rank(cb);
    if (d !== 0) return d;
    i++;
    j++;
  }
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
}

/** At the first letter that differs only in case, lower case first (ICU's tertiary order). */
function caseOrder(a: string, b: string): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const ca = a.charCodeAt(k);
    const cb = b.charCodeAt(k);
    if (ca !== cb && (ca | 32) === (cb | 32)) return ca > cb ? -1 : 1;
    if (ca !== cb) return 0;
  }
  return 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** '_' < '-' < '.' < digits < letters, letters without case. */
function rank(c: number): number {
  if (c === 95) return 0;
  if (c === 45) return 1;
  if (c === 46) return 2;
  if (isDigit(c)) return 3 + (c - 48);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 13 + ((c | 32) - 97);
  return 100 + c;
}

function digitsEnd(s: string, from: number): number {
  let k = from;
  while (k < s.length && isDigit(s.charCodeAt(k))) k++;
  return k;
}

function compareNumbers(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
