/**
 * The first line that carried each id, kept small: millions of lines are walked, and keeping each
 * one's text would cost more than the ledgers themselves. A line is kept as where it is — a
 * version of a ledger (a blob id) and a line of it — and a 32-bit hash of its text. Two different
 * hashes are two different lines; equal hashes are only a hint: the caller reads the line again
 * from its version to be sure (history.ts), so that no crafted collision passes one line off as
 * another.
 */

/** FNV-1a over the UTF-16 code units of `s`. */
export function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

export interface FirstLine {
  hash: number;
  /** The version (blob id) the line was first seen in. */
  version: string;
  /** Its 1-based line there. */
  line: number;
}

export class FirstLines {
  private readonly rows = new Map<string, number>();
  private hashes = new Int32Array(1024);
  private versionOf = new Int32Array(1024);
  private lineOf = new Int32Array(1024);
  private size = 0;
  private readonly versions: string[] = [];
  private readonly versionRow = new Map<string, number>();

  get(id: string): FirstLine | undefined {
    const r = this.rows.get(id);
    if (r === undefined) return undefined;
    return { hash: this.hashes[r]!, version: this.versions[this.versionOf[r]!]!, line: this.lineOf[r]! };
  }

  add(id: string, line: FirstLine): void {
    if (this.size === this.hashes.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.versionOf = grow(this.versionOf);
      this.lineOf = grow(this.lineOf);
    }
    let v = this.versionRow.get(line.version);
    if (v === undefined) {
      v = this.versions.length;
      this.versions.push(line.version);
      this.versionRow.set(line.version, v);
    }
    const r = this.size++;
    this.hashes[r] = line.hash;
    this.versionOf[r] = v;
    this.lineOf[r] = line.line;
    this.rows.set(id, r);
  }
}
