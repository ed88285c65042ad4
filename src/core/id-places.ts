/**
 * Where each id was first seen — a file number and a line — for `check`'s id check over millions
 * of lines, kept in typed arrays rather than as objects and strings: five million ids take about
 * 130 MB here, outside the garbage-collected heap, where a table of their strings and lines took
 * several times that. An id the tool writes (6 characters of [a-z0-9], core/id.ts) is kept as its
 * number in base 36 in an open-addressing table; any other (written by hand) in a Map.
 */
import { ID_LENGTH } from './id.js';

/** No number: an id that is not of the tool's form, found in `others`. */
const NONE = 0xffffffff;

/** The id as a number below 36⁶ when it has the tool's form, else NONE. */
export function idNumber(id: string): number {
  if (id.length !== ID_LENGTH) return NONE;
  let n = 0;
  for (let i = 0; i < ID_LENGTH; i++) {
    const c = id.charCodeAt(i);
    const d = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : -1; // a-z → 0-25, 0-9 → 26-35 (ID_ALPHABET)
    if (d < 0) return NONE;
    n = n * 36 + d;
  }
  return n;
}

export interface Place {
  file: number;
  line: number;
}

export class IdPlaces {
  /** Per place, by the order ids were first added: the id's number, file and line. */
  private numbers = new Uint32Array(1024);
  private files = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
  /** Place + 1 of each id of the tool's form, by its number's hash; 0 for an empty slot. */
  private slots = new Int32Array(2048);
  private hashed = 0;
  private readonly others = new Map<string, number>();

  /** Records where `id` was, unless it was seen before: then returns that earlier place. */
  add(id: string, file: number, line: number): Place | undefined {
    const n = idNumber(id);
    let slot = 0;
    if (n === NONE) {
      const earlier = this.others.get(id);
      if (earlier !== undefined) return this.place(earlier);
    } else {
      slot = this.slotOf(n);
      const at = this.slots[slot]!;
      if (at !== 0) return this.place(at - 1);
    }
    if (this.count === this.numbers.length) this.growArrays();
    const i = this.count++;
    this.numbers[i] = n;
    this.files[i] = file;
    this.lines[i] = line;
    if (n === NONE) this.others.set(id, i);
    else {
      this.slots[slot] = i + 1;
      if (++this.hashed * 2 > this.slots.length) this.rehash();
    }
    return undefined;
  }

  /** Where `id` was first seen, if it was. */
  get(id: string): Place | undefined {
    const n = idNumber(id);
    if (n === NONE) {
      const i = this.others.get(id);
      return i === undefined ? undefined : this.place(i);
    }
    const at = this.slots[this.slotOf(n)]!;
    return at === 0 ? undefined : this.place(at - 1);
  }

  private place(i: number): Place {
    return { file: this.files[i]!, line: this.lines[i]! };
  }

  /** The slot holding number `n`, or the empty slot where it would go. */
  private slotOf(n: number): number {
    const mask = this.slots.length - 1;
    let slot = Math.imul(n ^ (n >>> 15), 0x2c1b3c6d) & mask;
    for (;;) {
      const at = this.slots[slot]!;
      if (at === 0 || this.numbers[at - 1] === n) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private growArrays(): void {
    const grow = <A extends Uint32Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.numbers = grow(this.numbers, (n) => new Uint32Array(n));
    this.files = grow(this.files, (n) => new Int32Array(n));
    this.lines = grow(this.lines, (n) => new Int32Array(n));
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.count; i++) {
      const n = this.numbers[i]!;
      if (n !== NONE) this.slots[this.slotOf(n)] = i + 1;
    }
  }
}
