/**
 * The display width that tables are laid out and drawn with (src/render/width.ts): one answer
 * per character whichever path measures it, and the same as cli-table3's own string-width on
 * the text reports hold, so that tests run from source (real string-width) and the built CLI
 * (which gives cli-table3 `coloredWidth`) draw the same tables.
 */
import { createRequire } from 'node:module';
import { eastAsianWidth } from 'get-east-asian-width';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coloredWidth, width } from '../../src/render/width.js';

const require = createRequire(import.meta.url);
const tableStringWidth = require(require.resolve('string-width', { paths: [require.resolve('cli-table3')] })) as (s: string) => number;

/** The definition: code point by code point. */
function reference(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || c === 0x200b || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    w += eastAsianWidth(c);
  }
  return w;
}

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const reportChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0x3001, max: 0x303e }),
  fc.integer({ min: 0xff01, max: 0xff5e }),
  fc.constantFrom(0xb7, 0x2014, 0x2026, 0x201c, 0x201d, 0x2588, 0x2591, 0x2500, 0x2502, 0x250c, 0x2713, 0xfffd),
);
const reportText = fc.array(reportChar, { maxLength: 30 }).map((cs) => String.fromCodePoint(...cs));
const sgr = fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[39m', '\u001b[2m', '\u001b[4m', '\u001b[24m');

describe('width', () => {
  it('is the code-point-by-code-point definition on any text', () => {
    fc.assert(fc.property(anyText, (s) => width(s) === reference(s)), { numRuns: 5000 });
  });

  it('a lone high surrogate does not swallow the character after it', () => {
    expect(width('\uD83Da')).toBe(reference('\uD83Da'));
    expect(width('a\uD83D')).toBe(reference('a\uD83D'));
  });

  it('counts Chinese as two columns and ASCII as one', () => {
    expect(width('科室 T1.5')).toBe(9);
    expect(width('“高原暖心”')).toBe(10);
  });
});

describe('coloredWidth (what cli-table3 measures cells with in the build)', () => {
  it('does not count colour codes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sgr, reportText)), (parts) => coloredWidth(parts.map(([c, t]) => c + t).join('')) === width(parts.map(([, t]) => t).join(''))),
    );
  });

  it("agrees with cli-table3's own string-width on the text of reports", () => {
    fc.assert(fc.property(reportText, sgr, (s, c) => coloredWidth(c + s) === tableStringWidth(c + s)), { numRuns: 5000 });
  });
});
