/**
 * Entry ids: 6 characters of [a-z0-9] (36⁶ ≈ 2.2 billion), drawn from random bytes the caller
 * supplies (crypto in the command, fixed bytes in tests), never one already in use. Bytes are
 * mapped without bias: a byte ≥ 252 (7 × 36) is dropped rather than folded onto the low letters.
 */
export const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ID_LENGTH = 6;
const LIMIT = 252;

export type RandomBytes = (n: number) => Uint8Array;

/**
 * A fresh id not in `taken` (a set, or a search of the ledgers for the one id drawn). Gives up
 * (throws) only if the random source keeps colliding.
 */
export function newId(random: RandomBytes, taken: { has(id: string): boolean }, attempts = 100): string {
  for (let k = 0; k < attempts; k++) {
    let id = '';
    while (id.length < ID_LENGTH) {
      for (const b of random(ID_LENGTH * 2)) {
        if (b >= LIMIT) continue;
        id += ID_ALPHABET[b % 36];
        if (id.length === ID_LENGTH) break;
      }
    }
    if (!taken.has(id)) return id;
  }
  throw new Error(`no free id after ${attempts} attempts`);
}

export function isEntryId(s: string): boolean {
  return s.length === ID_LENGTH && [...s].every((c) => ID_ALPHABET.includes(c));
}
