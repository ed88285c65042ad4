/** Padding and truncation by display width, so that columns line up with Chinese text. */
import stringWidth from 'string-width';

export const width = (s: string): number => stringWidth(s);

export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - stringWidth(s)));
}

export function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - stringWidth(s))) + s;
}

/** Cuts `s` to at most `w` columns, marking the cut with an ellipsis. */
export function truncate(s: string, w: number): string {
  if (stringWidth(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Breaks `s` into lines of at most `w` columns: at the last space when there is one in the second
 * half of the line (English), else between any two characters (Chinese has no spaces to break at).
 */
export function wrap(s: string, w: number): string {
  if (stringWidth(s) <= w) return s;
  const lines: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line !== '' && stringWidth(line + ch) > w) {
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

/** Control characters shown as U+FFFD: a note must not be able to move the cursor or retitle a terminal. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');
}
