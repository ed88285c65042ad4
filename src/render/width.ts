/** Padding and truncation by display width, so that columns line up with Chinese text. */
import { eastAsianWidth } from 'get-east-asian-width';
import { remember } from '../core/remember.js';
import { escapeCharacter, UNSAFE, UNSAFE_ALL } from '../core/characters.js';

/**
 * Display width in terminal columns: wide and fullwidth characters (Chinese) take two, combining
 * marks, zero-width and control characters none, everything else one. string-width would also
 * know emoji sequences, but building its emoji pattern costs 20 ms at every start, and reports
 * hold no emoji.
 */
export function width(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // the common cases first: printable ASCII, and CJK ideographs and punctuation
    if (c >= 0x20 && c < 0x7f) w += 1;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303e) || (c >= 0xff01 && c <= 0xff60)) w += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) w += codePointWidth(s.codePointAt(i++)!);
    else w += codePointWidth(c);
  }
  return w;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function codePointWidth(c: number): number {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || c === 0x200b || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) return 0;
  return eastAsianWidth(c);
}

/**
 * `width` of text that may hold chalk's colour codes: what cli-table3 measures its cells with.
 * The build gives cli-table3 this in place of its own string-width 4, so that the table and the
 * column fitting here agree on every character, and no emoji pattern is built at start.
 */
// cli-table3 measures each cell several times over; a table's worth of widths is kept
export const coloredWidth = remember(4096, (s) => width(s.includes('\u001b') ? s.replace(/\u001b\[[0-9;]*m/g, '') : s));

export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/** Cuts `s` to at most `w` columns, marking the cut with an ellipsis. */
export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > w - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Breaks `s` into lines of at most `w` columns: at the last space when there is one in the second
 * half of the line (English), else between any two characters (Chinese has no spaces to break at).
 */
export function wrap(s: string, w: number): string {
  if (width(s) <= w) return s;
  const lines: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line !== '' && width(line + ch) > w) {
      const space = line.lastIndexOf(' ');
      if (space > line.length / 2 && ch !== ' ') {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line.trimEnd());
        line = '';
      }
      if (ch === ' ' && line === '') continue;
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * Text as a terminal may be shown it: control characters (ESC, C1), bidirectional controls and
 * invisible characters (core/characters.ts) written out as `\u{1b}`, `\u{202e}`, so that no name,
 * title or note can move the cursor, retitle the terminal, reorder a line or hide a look-alike.
 * Tabs pass. Every renderer of text for a terminal passes what it did not write itself through this.
 */
export function printable(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, escapeCharacter) : s;
}
