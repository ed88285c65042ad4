/**
 * template-text: no control or bidirectional character in any template value, line feeds only
 * in an item's note and evidence, no invisible character in the names looked up from a ledger
 * line (unit and person names, item titles) — at the line and column of the YAML value.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import { templateText } from '../../src/checks/template-text.js';
import { parseTemplates } from '../../src/parse/templates.js';

const enc = (s: string) => new TextEncoder().encode(s);

const ORG = (unit = '办公室', person = '王建国') => `name: 测试支行
people:
  - { id: wang, name: ${person}, role: secretary }
units:
  - { id: office, name: ${unit}, chief: wang, supervisor: wang, members: 1, headcount: 1 }
`;

const CHECKLIST = (title = '学习', note = '"按月"') => `year: 2026
title: 清单
total: 10
areas:
  - id: A1
    name: 学习
    items:
      - id: T1
        title: ${title}
        level: direct
        cadence: monthly
        weight: 10
        note: ${note}
`;

function findings(org: string, checklist: string) {
  const t = parseTemplates({ file: 'templates/org.yaml', bytes: enc(org) }, [{ file: 'templates/checklist-2026.yaml', bytes: enc(checklist) }]);
  expect(t.diagnostics).toEqual([]);
  const ds = { settings: {}, org: t.org!, checklists: t.checklists, ledgers: [] };
  return templateText({ ds, cat: buildCatalog(ds), asOf: '2026-12-31' }).map((d) => [d.code, `${d.file}:${d.line}:${d.column}`, d.params.key, d.params.code, d.params.at]);
}

describe('template-text', () => {
  it('clean templates, a multi-line item note and a zero-width joiner in a note pass', () => {
    expect(findings(ORG(), CHECKLIST())).toEqual([]);
    expect(findings(ORG(), CHECKLIST('学习', '|\n          第一行\n          第二\u200d行'))).toEqual([]);
  });

  it('an OSC title sequence in an item title: control-character at the value', () => {
    expect(findings(ORG(), CHECKLIST('"学习\\e]0;pwned\\a"'))).toEqual([['control-character', 'templates/checklist-2026.yaml:9:16', 'title', 'U+001B', 3]]);
    // written raw in a double-quoted scalar as well
    expect(findings(ORG(), CHECKLIST('"学习\u001b]0;pwned\u0007"'))).toEqual([['control-character', 'templates/checklist-2026.yaml:9:16', 'title', 'U+001B', 3]]);
  });

  it('a right-to-left override in a unit name, a line feed in a title', () => {
    expect(findings(ORG('办\u202e公室'), CHECKLIST('"学\\n习"'))).toEqual([
      ['control-character', 'templates/org.yaml:5:25', 'name', 'U+202E', 2],
      ['control-character', 'templates/checklist-2026.yaml:9:16', 'title', 'U+000A', 2],
    ]);
  });

  it('a zero-width space in a person name (looked up from ledger lines) is invisible-character; in a note it is text', () => {
    expect(findings(ORG('办公室', '王建国\u200b'), CHECKLIST('学习', '"按\u200b月"'))).toEqual([['invisible-character', 'templates/org.yaml:3:23', 'name', 'U+200B', 4]]);
  });
});
