/**
 * YAML + zod with positions (src/parse/yaml.ts), against the real schemas of src/core/model.ts.
 * Every expected line:column is counted by hand from the YAML text in the test.
 */
import { describe, it, expect } from 'vitest';
import { parseYaml } from '../../src/parse/yaml.js';
import { parseSettings } from '../../src/parse/templates.js';
import { Checklist, Organisation, Settings } from '../../src/core/model.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { catalogue } from '../../src/i18n/index.js';
import { messageOf } from '../../src/render/diagnostics.js';

const where = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.line, d.column, d.length]);

/** A one-item checklist; `extra` lines are appended to the item (at line 13, indented 8). */
const checklist = (extra = '') =>
  [
    'year: 2026', //                       1
    'title: 测试清单', //                   2
    'total: 1', //                         3
    'areas:', //                           4
    '  - id: A1', //                       5
    '    name: 学习', //                    6
    '    items:', //                       7
    '      - id: T1', //                   8
    '        title: 学习', //               9
    '        level: direct', //           10
    '        cadence: once', //           11
    '        weight: 1', //               12
    extra, //                             13…
  ].join('\n') + '\n';

const org = (unitLine: string) =>
  [
    'name: 测试支行', //                                   1
    'people:', //                                         2
    '  - { id: wang, name: 王建国, role: secretary }', //    3
    'units:', //                                          4
    unitLine, //                                          5
  ].join('\n') + '\n';

describe('parseYaml: valid documents', () => {
  it('returns the value and no diagnostics', () => {
    const r = parseYaml('templates/checklist-2026.yaml', checklist(), Checklist);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({
      year: 2026,
      title: '测试清单',
      total: 1,
      areas: [{ id: 'A1', name: '学习', items: [{ id: 'T1', title: '学习', level: 'direct', cadence: 'once', weight: 1 }] }],
    });
  });

  it('keeps 2026-06-30 a string (no YAML timestamps), and yes/no/on strings (no YAML 1.1 booleans)', () => {
    const r = parseYaml('c.yaml', checklist('        deadline: 2026-06-30'), Checklist);
    expect(r.diagnostics).toEqual([]);
    const deadline = r.value!.areas[0]!.items[0]!.deadline;
    expect(typeof deadline).toBe('string');
    expect(deadline).toBe('2026-06-30');
    const s = parseYaml('qingdan.yaml', 'org: no\n', Settings);
    expect(s.value).toEqual({ org: 'no' });
  });

  it('resolves a few aliases normally', () => {
    const r = parseYaml('c.yaml', checklist('        evidence: &ev 签到表\n        note: *ev'), Checklist);
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.areas[0]!.items[0]).toMatchObject({ evidence: '签到表', note: '签到表' });
  });

  it('locate() finds keys and values by path', () => {
    const r = parseYaml('c.yaml', checklist(), Checklist);
    expect(r.locate(['areas', 0, 'items', 0, 'id'])).toEqual({ file: 'c.yaml', line: 8, column: 13, length: 2 });
    expect(r.locate(['areas', 0, 'items', 0, 'weight'], 'key')).toEqual({ file: 'c.yaml', line: 12, column: 9, length: 6 });
    expect(r.locate(['total'])).toEqual({ file: 'c.yaml', line: 3, column: 8, length: 1 });
  });
});

describe('parseYaml: schema errors at the right place', () => {
  it('an unknown key: at the key, with its path', () => {
    const r = parseYaml('c.yaml', checklist('        colour: red'), Checklist);
    expect(r.value).toBeUndefined();
    expect(where(r.diagnostics)).toEqual([['schema', 13, 9, 6]]);
    expect(r.diagnostics[0]!.params).toEqual({ path: 'areas[0].items[0].colour', detail: 'unknown-key', key: 'colour' });
    expect(r.diagnostics[0]!.source).toBe('        colour: red');
  });

  it('an unknown key in a nested settings map', () => {
    const r = parseYaml('qingdan.yaml', 'paths:\n  templates: t\n  ledger: l\n', Settings);
    expect(where(r.diagnostics)).toEqual([['schema', 3, 3, 6]]);
    expect(r.diagnostics[0]!.params).toMatchObject({ path: 'paths.ledger', detail: 'unknown-key' });
  });

  it('a missing key: at the first key of the map that lacks it', () => {
    const r = parseYaml('templates/org.yaml', org('  - { id: office, name: 办公室, chief: wang, supervisor: wang, members: 1 }'), Organisation);
    expect(where(r.diagnostics)).toEqual([['schema', 5, 7, 2]]);
    expect(r.diagnostics[0]!.params).toEqual({ path: 'units[0].headcount', detail: 'missing-key', key: 'headcount' });
  });

  it('a missing top-level key: at the first key of the document', () => {
    const r = parseYaml('c.yaml', 'year: 2026\ntotal: 1\nareas: []\n', Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.path, d.params.detail])).toEqual([
      [1, 1, 'title', 'missing-key'],
      [3, 8, 'areas', 'zod'],
    ]);
  });

  it('a wrong enum value: at the value', () => {
    const s = parseYaml('qingdan.yaml', 'org: 测试支行\nlang: fr\n', Settings);
    expect(where(s.diagnostics)).toEqual([['schema', 2, 7, 2]]);
    expect(s.diagnostics[0]!.params).toMatchObject({ path: 'lang', detail: 'zod' });
    expect(String(s.diagnostics[0]!.params.en)).toContain('"zh"|"en"');
    const c = parseYaml('c.yaml', checklist().replace('level: direct', 'level: boss'), Checklist);
    expect(where(c.diagnostics)).toEqual([['schema', 10, 16, 4]]);
    const o = parseYaml('o.yaml', org('  - { id: office, name: 办公室, chief: wang, supervisor: wang, members: 1, headcount: 2 }').replace('role: secretary', 'role: boss'), Organisation);
    // '  - { id: wang, name: 王建国, role: ' is 33 UTF-16 units long
    expect(where(o.diagnostics)).toEqual([['schema', 3, 34, 4]]);
  });

  it('our own refinements carry their key: slug, reserved id, date', () => {
    const r = parseYaml('o.yaml', org('  - { id: Office, name: 办公室, chief: wang, supervisor: wang, members: 1, headcount: 2 }'), Organisation);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.detail])).toEqual([[5, 11, 'slug']]);
    const v = parseYaml('o.yaml', org('  - { id: void, name: 办公室, chief: wang, supervisor: wang, members: 1, headcount: 2 }'), Organisation);
    expect(v.diagnostics.map((d) => [d.line, d.column, d.params.detail])).toEqual([[5, 11, 'reserved-id']]);
  });

  it('reports the same positions for CRLF files, with the CR left out of the excerpt', () => {
    const r = parseYaml('qingdan.yaml', 'org: 测试\r\nlang: fr\r\n', Settings);
    expect(where(r.diagnostics)).toEqual([['schema', 2, 7, 2]]);
    expect(r.diagnostics[0]!.source).toBe('lang: fr');
  });
});

describe('parseYaml: unions point into the branch that was meant', () => {
  it('scope { role: boss }: the role value', () => {
    const r = parseYaml('c.yaml', checklist('        scope: { role: boss }'), Checklist);
    // '        scope: { role: ' is 23 long
    expect(where(r.diagnostics)).toEqual([['schema', 13, 24, 4]]);
    expect(r.diagnostics[0]!.params.path).toBe('areas[0].items[0].scope.role');
  });

  it('scope { person: Wang }: the person value, as a slug error', () => {
    const r = parseYaml('c.yaml', checklist('        scope: { person: Wang }'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.path, d.params.detail])).toEqual([[13, 26, 'areas[0].items[0].scope.person', 'slug']]);
  });

  it('scope { units: [] }: the empty list', () => {
    const r = parseYaml('c.yaml', checklist('        scope: { units: [] }'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.path])).toEqual([[13, 25, 'areas[0].items[0].scope.units']]);
  });

  it('target { count: 0 }: the count value', () => {
    const r = parseYaml('c.yaml', checklist('        target: { count: 0 }'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.path])).toEqual([[13, 26, 'areas[0].items[0].target.count']]);
  });

  it('target { sum: 10 } without measure: the sum-without-measure refinement', () => {
    const r = parseYaml('c.yaml', checklist('        target: { sum: 10 }'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.params.path, d.params.detail])).toEqual([[13, 'areas[0].items[0].target.measure', 'sum-without-measure']]);
  });

  it('target {}: target-empty', () => {
    const r = parseYaml('c.yaml', checklist('        target: {}'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.detail])).toEqual([[13, 17, 'target-empty']]);
  });

  it('deadline { days_after_period_end: 100 }: the number', () => {
    const r = parseYaml('c.yaml', checklist('        deadline: { days_after_period_end: 100 }'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.length, d.params.path])).toEqual([
      [13, 44, 3, 'areas[0].items[0].deadline.days_after_period_end'],
    ]);
  });

  it('deadline 2026-02-30: the date value, as an impossible date', () => {
    const r = parseYaml('c.yaml', checklist('        deadline: 2026-02-30'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.length, d.params.detail])).toEqual([[13, 19, 10, 'date']]);
  });

  // regression test of a bug found and fixed in review
  it('scope { unit: [office] } reports the unknown key unit, not "expected units|org"', () => {
    const r = parseYaml('c.yaml', checklist('        scope: { unit: [office] }'), Checklist);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.detail, d.params.key])).toEqual([[13, 18, 'unknown-key', 'unit']]);
  });

  // regression test of a bug found and fixed in review
  it('deadline { days_after: 5 } is reported on line 13, not as a missing deadline', () => {
    const r = parseYaml('c.yaml', checklist('        deadline: { days_after: 5 }'), Checklist);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) {
      expect(d.line).toBe(13);
      expect(d.params.detail).not.toBe('missing-key');
    }
  });
});

describe('parseYaml: wrong types are not missing keys', () => {
  // regression test of a bug found and fixed in review
  it('members: nine is a type error at the value', () => {
    const r = parseYaml('o.yaml', org('  - { id: office, name: 办公室, chief: wang, supervisor: wang, members: nine, headcount: 2 }'), Organisation);
    // '  - { id: office, name: 办公室, chief: wang, supervisor: wang, members: ' is 69 long
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.detail])).toEqual([[5, 70, 'zod']]);
  });

  it('year: twenty in the settings is a type error at the value', () => {
    const r = parseYaml('qingdan.yaml', 'year: twenty\n', Settings);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.params.detail])).toEqual([[1, 7, 'zod']]);
  });

  // regression test of a bug found and fixed in review
  it('a missing cadence is reported as a missing key', () => {
    const r = parseYaml('c.yaml', checklist().replace('        cadence: once\n', ''), Checklist);
    expect(r.diagnostics.map((d) => [d.params.path, d.params.detail])).toEqual([['areas[0].items[0].cadence', 'missing-key']]);
  });
});

describe('parseYaml: YAML itself', () => {
  it('a syntax error: yaml-syntax at its position, and no value', () => {
    const r = parseYaml('qingdan.yaml', 'paths:\n\ttemplates: t\n', Settings);
    expect(r.value).toBeUndefined();
    expect(where(r.diagnostics)).toEqual([['yaml-syntax', 2, 1, 1]]);
    expect(r.diagnostics[0]!.params.detail).toMatch(/tab/i);
    expect(r.diagnostics[0]!.source).toBe('\ttemplates: t');
  });

  it('duplicate keys are an error at the second key', () => {
    const r = parseYaml('qingdan.yaml', 'org: 甲\nyear: 2026\norg: 乙\n', Settings);
    expect(r.value).toBeUndefined();
    expect(where(r.diagnostics)).toEqual([['yaml-syntax', 3, 1, 1]]);
    expect(r.diagnostics[0]!.params.detail).toMatch(/unique/);
  });

  it('__proto__ is an ordinary key, rejected as unknown, and Object.prototype is not polluted', () => {
    const r = parseYaml('qingdan.yaml', '__proto__: { polluted: true }\norg: x\n', Settings);
    expect(r.value).toBeUndefined();
    expect(where(r.diagnostics)).toEqual([['schema', 1, 1, 9]]);
    expect(r.diagnostics[0]!.params).toEqual({ path: '__proto__', detail: 'unknown-key', key: '__proto__' });
    const nested = parseYaml('qingdan.yaml', 'paths:\n  __proto__: { templates: x }\n', Settings);
    expect(where(nested.diagnostics)).toEqual([['schema', 2, 3, 9]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).templates).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('a "billion laughs" alias bomb gives a diagnostic quickly instead of hanging or crashing', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const p = String.fromCharCode(96 + i);
      const c = String.fromCharCode(97 + i);
      levels.push(`${c}: &${c} [${Array(10).fill(`*${p}`).join(', ')}]`);
    }
    const t0 = performance.now();
    const r = parseYaml('qingdan.yaml', levels.join('\n') + '\n', Settings);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 1, column: 1 });
  });

  // regression test of a bug found and fixed in review
  it('a settings file of comments only means the defaults', () => {
    const r = parseSettings({ file: 'qingdan.yaml', bytes: new TextEncoder().encode('# 全部使用默认值\n# year: 2026\n') });
    expect(r.diagnostics).toEqual([]);
    expect(r.settings).toEqual({});
  });
});

describe('a YAML syntax error is one finding, where it is, in the reader’s language', () => {
  const org = [
    'name: 测试支行',
    'people:',
    '  - { id: wang, name: 王建国, role: secretary }',
    '\t- { id: li, name: 李明华, role: committee }',
    '  - { id: ma, name: 马秀兰, role: chief }',
    'units:',
    '  - { id: office, name: 办公室, chief: ma, supervisor: li, members: 9, headcount: 12 }',
    '',
  ].join('\n');

  it('a tab in a list: one diagnostic at the tab, not a cascade', () => {
    const r = parseYaml('templates/org.yaml', org, Organisation);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.params.code])).toEqual([['yaml-syntax', 4, 1, 'TAB_AS_INDENT']]);
    expect(messageOf(r.diagnostics[0]!, catalogue('zh'))).toBe('YAML 语法错误：缩进不能用 Tab 键，请改用空格');
    expect(messageOf(r.diagnostics[0]!, catalogue('en'))).toContain('tabs are not allowed as indentation');
  });

  it('several syntax errors: the first one only', () => {
    const r = parseYaml('x.yaml', 'a: 1\n\tb: [1, 2\nc:\n\t- 1\n  d: "x\n', Organisation);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.line).toBe(2);
  });
});
