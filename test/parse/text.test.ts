/** Bytes → text (src/parse/text.ts): strict UTF-8 with positions, BOM, the final newline of ledgers. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeText, firstInvalidUtf8 } from '../../src/parse/text.js';

const F = 'ledgers/2026/office.ledger';
const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));
const where = (r: ReturnType<typeof decodeText>) => r.diagnostics.map((d) => [d.code, d.line, d.column, d.params]);

describe('decodeText', () => {
  it('decodes valid UTF-8 with no diagnostics', () => {
    const r = decodeText(F, enc('第一行\n2026-01-05 办公室 T1.1\n'), { requireFinalNewline: true });
    expect(r).toEqual({ text: '第一行\n2026-01-05 办公室 T1.1\n', diagnostics: [] });
  });

  it('reports an invalid byte at its line and column (columns in UTF-16 units), and still decodes the rest', () => {
    const b = bytes('第一行\n第二行\n学习', [0xff], '更多\n');
    const r = decodeText(F, b, { requireFinalNewline: true });
    expect(where(r)).toEqual([['invalid-utf8', 3, 3, { byte: '0xFF' }]]);
    expect(r.diagnostics[0]).toMatchObject({ file: F, severity: 'error', length: 1 });
    expect(r.text).toBe('第一行\n第二行\n学习\uFFFD更多\n');
  });

  it('reports the first of several invalid bytes', () => {
    const b = bytes('ab\nc', [0xc0, 0x80], '\n', [0xfe], '\n');
    expect(where(decodeText(F, b, { requireFinalNewline: true }))).toEqual([['invalid-utf8', 2, 2, { byte: '0xC0' }]]);
  });

  it('reports an invalid byte at the very start of the file', () => {
    expect(where(decodeText(F, bytes([0x80], 'x\n'), { requireFinalNewline: true }))).toEqual([['invalid-utf8', 1, 1, { byte: '0x80' }]]);
  });

  it('reports a multi-byte character cut off at the end of the file at its first byte', () => {
    // 学 is E5 AD A6; only the first two bytes are there, and then the file ends (no final newline check)
    const b = bytes('ok\n学', [0xe5, 0xad]);
    expect(where(decodeText(F, b, { requireFinalNewline: false }))).toEqual([['invalid-utf8', 2, 2, { byte: '0xE5' }]]);
  });

  it('reports a UTF-16 surrogate encoded in UTF-8 (CESU) as invalid', () => {
    const b = bytes('a\n', [0xed, 0xa0, 0x80], '\n');
    expect(where(decodeText(F, b, { requireFinalNewline: true }))).toEqual([['invalid-utf8', 2, 1, { byte: '0xED' }]]);
  });

  it('reports GBK-encoded Chinese (the usual mistake) as invalid UTF-8 at the first byte', () => {
    // 党建 in GBK: B5 B3 BD A8 (B5 cannot start a UTF-8 sequence)
    const b = bytes('2026-01-05 office T1.1 "', [0xb5, 0xb3, 0xbd, 0xa8], '"\n');
    expect(where(decodeText(F, b, { requireFinalNewline: true }))).toEqual([['invalid-utf8', 1, 25, { byte: '0xB5' }]]);
  });

  it('drops a leading BOM, and does not count it in columns', () => {
    expect(decodeText(F, bytes([0xef, 0xbb, 0xbf], 'a\n'), { requireFinalNewline: true })).toEqual({ text: 'a\n', diagnostics: [] });
    const r = decodeText(F, bytes([0xef, 0xbb, 0xbf], 'ab', [0xff], '\n'), { requireFinalNewline: true });
    expect(where(r)).toEqual([['invalid-utf8', 1, 3, { byte: '0xFF' }]]);
    expect(r.text).toBe('ab\uFFFD\n');
  });

  it('reports a missing final newline at the end of the last line, only when asked to', () => {
    const r = decodeText(F, enc('2026-01-05 office T1.1\n2026-01-06 办公室 T1.1'), { requireFinalNewline: true });
    expect(where(r)).toEqual([['no-final-newline', 2, 20, {}]]);
    expect(r.diagnostics[0]).toMatchObject({ source: '2026-01-06 办公室 T1.1', length: 1 });
    expect(decodeText(F, enc('a\nb'), { requireFinalNewline: false }).diagnostics).toEqual([]);
  });

  it('reports a one-line file without newline at line 1', () => {
    expect(where(decodeText(F, enc('abc'), { requireFinalNewline: true }))).toEqual([['no-final-newline', 1, 4, {}]]);
  });

  it('accepts an empty file and a file ending in CRLF; reports a CRLF file whose last line lacks its end', () => {
    expect(decodeText(F, new Uint8Array(0), { requireFinalNewline: true }).diagnostics).toEqual([]);
    expect(decodeText(F, enc('a\r\nb\r\n'), { requireFinalNewline: true }).diagnostics).toEqual([]);
    expect(where(decodeText(F, enc('a\r\nbc'), { requireFinalNewline: true }))).toEqual([['no-final-newline', 2, 3, {}]]);
  });

  it('reports both an invalid byte and a missing final newline', () => {
    const r = decodeText(F, bytes('a', [0xff], '\nb'), { requireFinalNewline: true });
    expect(where(r)).toEqual([
      ['invalid-utf8', 1, 2, { byte: '0xFF' }],
      ['no-final-newline', 2, 2, {}],
    ]);
  });
});

describe('firstInvalidUtf8', () => {
  const cases: [string, number[], number][] = [
    ['empty', [], 0],
    ['ascii', [0x61, 0x62], 2],
    ['2-byte é', [0xc3, 0xa9], 2],
    ['3-byte 学', [0xe5, 0xad, 0xa6], 3],
    ['4-byte 😀', [0xf0, 0x9f, 0x98, 0x80], 4],
    ['U+0080, smallest 2-byte', [0xc2, 0x80], 2],
    ['U+0800, smallest 3-byte', [0xe0, 0xa0, 0x80], 3],
    ['U+D7FF, last before surrogates', [0xed, 0x9f, 0xbf], 3],
    ['U+E000, first after surrogates', [0xee, 0x80, 0x80], 3],
    ['U+10000, smallest 4-byte', [0xf0, 0x90, 0x80, 0x80], 4],
    ['U+10FFFF, largest', [0xf4, 0x8f, 0xbf, 0xbf], 4],
    ['lone continuation byte', [0x61, 0x80], 1],
    ['overlong 2-byte C0 80', [0xc0, 0x80], 0],
    ['overlong 2-byte C1 BF', [0xc1, 0xbf], 0],
    ['overlong 3-byte E0 80 80', [0xe0, 0x80, 0x80], 0],
    ['overlong 3-byte E0 9F BF', [0xe0, 0x9f, 0xbf], 0],
    ['overlong 4-byte F0 80 80 80', [0xf0, 0x80, 0x80, 0x80], 0],
    ['overlong 4-byte F0 8F BF BF', [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ['surrogate U+D800', [0xed, 0xa0, 0x80], 0],
    ['surrogate U+DFFF', [0xed, 0xbf, 0xbf], 0],
    ['above U+10FFFF: F4 90', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 lead', [0xf5, 0x80, 0x80, 0x80], 0],
    ['FF', [0x41, 0x42, 0xff], 2],
    ['FE', [0xfe], 0],
    ['truncated 2-byte at end', [0x41, 0xc3], 1],
    ['truncated 3-byte at end', [0x41, 0xe5, 0xad], 1],
    ['truncated 4-byte at end', [0xf0, 0x9f, 0x98], 0],
    ['3-byte cut by ascii', [0xe5, 0x41, 0x42], 0],
    ['4-byte cut by a new lead', [0xf0, 0x9f, 0xe5, 0xad, 0xa6], 0],
    ['valid then bad', [0xe5, 0xad, 0xa6, 0xc3, 0x28], 3],
  ];
  for (const [name, b, at] of cases) {
    it(`${name} → ${at}`, () => {
      expect(firstInvalidUtf8(Uint8Array.from(b))).toBe(at);
    });
  }

  const fatal = new TextDecoder('utf-8', { fatal: true });
  const decodes = (b: Uint8Array) => {
    try {
      fatal.decode(b);
      return true;
    } catch {
      return false;
    }
  };

  /** Byte arrays biased towards the edges: valid characters, lead bytes, continuation bytes, boundary values. */
  const edgeByte = fc.constantFrom(0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
  const validChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((s) => [...enc(s)]);
  const chunk = fc.oneof(
    validChar,
    edgeByte.map((b) => [b]),
    fc.integer({ min: 0, max: 255 }).map((b) => [b]),
    // a valid character with its last byte cut off or changed
    fc.tuple(validChar, fc.integer({ min: 0, max: 255 })).map(([c, x]) => (c.length > 1 ? [...c.slice(0, -1), x] : [x])),
  );
  const byteArrays = fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.array(chunk, { maxLength: 24 }).map((cs) => Uint8Array.from(cs.flat())),
  );

  it('agrees with a fatal TextDecoder: the whole array is valid iff firstInvalidUtf8 returns its length', () => {
    fc.assert(
      fc.property(byteArrays, (b) => {
        expect(firstInvalidUtf8(b) === b.length).toBe(decodes(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('everything before the first invalid byte is valid; the sequence starting there is not', () => {
    fc.assert(
      fc.property(byteArrays, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThanOrEqual(b.length);
        expect(decodes(b.subarray(0, at))).toBe(true);
        if (at < b.length) {
          // no well-formed sequence of 1–4 bytes starts at `at`
          for (let n = 1; n <= 4 && at + n <= b.length; n++) {
            expect(decodes(b.subarray(at, at + n))).toBe(false);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('decodeText reports invalid UTF-8 exactly when the fatal decoder refuses the bytes', () => {
    fc.assert(
      fc.property(byteArrays, (b) => {
        const r = decodeText(F, b, { requireFinalNewline: false });
        const invalid = r.diagnostics.filter((d) => d.code === 'invalid-utf8');
        expect(invalid.length).toBe(decodes(b) ? 0 : 1);
        for (const d of invalid) {
          const lines = r.text.split('\n');
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length);
          expect(d.column).toBeGreaterThanOrEqual(1);
          // the reported column holds the replacement character
          expect(lines[d.line - 1]!.charAt(d.column - 1)).toBe('\uFFFD');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
