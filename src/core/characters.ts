/**
 * The one rule of characters that must not pass as text: what `check` reports in templates and
 * ledgers (checks/template-text.ts, checks/ledger-text.ts) and what every terminal renderer shows
 * escaped (render/width.ts `printable`).
 *
 * - control characters: C0 but tab, DEL, C1 (ESC starts the sequences that move the cursor,
 *   recolour or retitle a terminal; U+009B is CSI by itself);
 * - bidirectional controls: embeddings, overrides, isolates and marks, which reorder how a line
 *   is shown (a name that reads backwards, "Trojan Source");
 * - invisible characters: zero-width spaces and joiners, the word joiner, the byte order mark
 *   inside text, the soft hyphen; harmless in a sentence, but in an id or a name they make a
 *   look-alike (`office` and `office\u200b` look the same and are two different units).
 */

export type CharacterKind = 'control' | 'bidi' | 'invisible';

const CONTROL = '\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f';
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const INVISIBLE = '\\u00ad\\u180e\\u200b-\\u200d\\u2060-\\u2064\\ufeff';

/** Any character of the three kinds: what a terminal is never shown as it is. */
export const UNSAFE = new RegExp(`[${CONTROL}${BIDI}${INVISIBLE}]`);
/** The same, global, for replacing. */
export const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const KIND_OF: [RegExp, CharacterKind][] = [
  [new RegExp(`[${CONTROL}]`), 'control'],
  [new RegExp(`[${BIDI}]`), 'bidi'],
  [new RegExp(`[${INVISIBLE}]`), 'invisible'],
];

export interface Found {
  kind: CharacterKind;
  /** 0-based index in the string (UTF-16 code units). */
  index: number;
  /** `U+202E`. */
  code: string;
  /** The Unicode name of a bidirectional or invisible character, `ESC` for the escape; '' otherwise. */
  name: string;
}

export interface Allow {
  /** Line feeds pass (a multi-line YAML text, such as an item's note). */
  lineFeed?: boolean;
  /** Invisible characters pass (free text, where a zero-width joiner is no look-alike). */
  invisible?: boolean;
}

/**
 * The first character of `s` that may not stand in it, or undefined. Control and bidirectional
 * characters never may; a line feed and invisible characters when `allow` says so.
 */
export function firstUnsafe(s: string, allow: Allow = {}): Found | undefined {
  if (!UNSAFE.test(s)) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a && allow.lineFeed) continue;
    const ch = s[i]!;
    const kind = KIND_OF.find(([re]) => re.test(ch))?.[1];
    if (kind === undefined || (kind === 'invisible' && allow.invisible)) continue;
    return { kind, index: i, code: codeOf(c), name: NAMES[c] ?? '' };
  }
  return undefined;
}

/** `U+001B`. */
export function codeOf(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** How a terminal is shown the character: `\u{1b}`, `\u{202e}` — visible, and naming it. */
export function escapeCharacter(ch: string): string {
  return `\\u{${ch.charCodeAt(0).toString(16)}}`;
}

const NAMES: Record<number, string> = {
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0x9b: 'CONTROL SEQUENCE INTRODUCER',
  0x9d: 'OPERATING SYSTEM COMMAND',
  0xad: 'SOFT HYPHEN',
  0x61c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};
