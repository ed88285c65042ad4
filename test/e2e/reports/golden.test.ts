/**
 * Golden reports: every kind × format on the example data repository (a copy outside git, so that
 * the footer says "not in git" instead of a commit), as of 2026-11-27, without colour, through
 * main() in-process. The exact output is pinned in test/fixtures/reports-golden/<name>; a few
 * facts are also asserted by hand below, independently of the golden files.
 *
 * UPDATE_GOLDEN=1 npx vitest run test/e2e/reports/golden.test.ts   rewrites them (then read them!).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AS_OF, ROOT, copyExample, run } from '../../support/example.js';

const GOLDEN = join(ROOT, 'test', 'fixtures', 'reports-golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const KINDS = {
  monthly: ['--month', '2026-10'],
  quarterly: ['--quarter', '2026-Q3'],
  annual: ['--year', '2026'],
} as const;
type Kind = keyof typeof KINDS;
const FORMATS = ['table', 'md', 'json', 'csv', 'html'] as const;

interface Case {
  name: string;
  argv: string[];
}

const base = (kind: Kind) => ['report', kind, ...KINDS[kind], '--as-of', AS_OF, '--no-color'];
const CASES: Case[] = [
  ...(Object.keys(KINDS) as Kind[]).flatMap((kind) => [
    ...FORMATS.map((format) => ({ name: `${kind}.${format}`, argv: [...base(kind), '--format', format] })),
    { name: `${kind}.table.en`, argv: [...base(kind), '--format', 'table', '--lang', 'en'] },
  ]),
  { name: 'monthly.unit-office.table', argv: [...base('monthly'), '--unit', 'office'] },
  { name: 'monthly.detail.table', argv: [...base('monthly'), '--detail'] },
  { name: 'monthly.supervisor-chenxiaoyan.table', argv: [...base('monthly'), '--supervisor', 'chenxiaoyan'] },
];

let dir: string;
let cleanup: () => void;
const outputs = new Map<string, string>();

beforeAll(() => {
  ({ dir, cleanup } = copyExample());
  if (UPDATE) mkdirSync(GOLDEN, { recursive: true });
});
afterAll(() => cleanup?.());

async function ok(argv: string[]): Promise<string> {
  const r = await run(dir, argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function output(c: Case): Promise<string> {
  let out = outputs.get(c.name);
  if (out === undefined) outputs.set(c.name, (out = await ok(c.argv)));
  return out;
}

describe('golden reports', () => {
  for (const c of CASES) {
    it(`${c.name}: qingdan ${c.argv.join(' ')}`, async () => {
      const actual = await output(c);
      const path = join(GOLDEN, c.name);
      if (UPDATE) writeFileSync(path, actual);
      expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }

  it('has no golden file without a case (stale files are removed by hand)', () => {
    const files = readdirSync(GOLDEN).filter((f) => !f.startsWith('.'));
    expect(files.sort()).toEqual(CASES.map((c) => c.name).sort());
  });
});

describe('what the golden files say, checked by hand', () => {
  const json = async (kind: Kind, extra: string[] = []) => JSON.parse(await ok([...base(kind), '--format', 'json', ...extra]));

  // evaluated on the day after the period's last deadline: its end plus the checklist's longest
  // grace (T2.5 is due 15 days after its half-year) plus one, or today before that
  it("provenance: not in git, as of the day after the period's last deadline (or today before it), generator dev", async () => {
    for (const [kind, asOf] of [['monthly', '2026-11-16'], ['quarterly', '2026-10-16'], ['annual', AS_OF]] as const) {
      const v = await json(kind);
      expect(v.kind).toBe(kind);
      expect(v.asOf).toBe(asOf);
      expect(v.provenance.asOf).toBe(asOf);
      expect(v.provenance.commit).toBeUndefined();
      expect(v.provenance.dirty).toBeUndefined();
      expect(v.provenance.ledgerChecksum).toMatch(/^[0-9a-f]{64}$/);
      expect(v.provenance.generator).toBe('dev');
      for (const format of ['table', 'md', 'csv', 'html']) {
        expect(await output({ name: `${kind}.${format}`, argv: [...base(kind), '--format', format] })).toContain(`数据截至 ${asOf} · 数据版本 （不在 git 中）`);
      }
      expect(await output({ name: `${kind}.table.en`, argv: [...base(kind), '--format', 'table', '--lang', 'en'] })).toContain(
        `Data as of ${asOf} · commit (not in git)`,
      );
    }
  });

  it('the periods: October, the third quarter, the year 2026', async () => {
    expect((await json('monthly')).month).toBe('2026-10');
    expect((await json('quarterly')).quarter).toBe('2026-Q3');
    expect((await json('annual')).year).toBe(2026);
  });

  it('--unit office: only the office, with its chief and supervisor', async () => {
    const v = await json('monthly', ['--unit', 'office']);
    expect(v.subjects.map((s: { id: string }) => s.id)).toEqual(['office']);
    expect(v.subjects[0].chief).toEqual({ id: 'maxiulan', name: '马秀兰' });
    expect(v.subjects[0].supervisor).toEqual({ id: 'chenxiaoyan', name: '陈晓燕' });
    // the unit's name selects the same
    expect(await ok([...base('monthly'), '--unit', '办公室', '--format', 'json'])).toBe(await ok([...base('monthly'), '--unit', 'office', '--format', 'json']));
  });

  it('--supervisor chenxiaoyan: the three units she oversees and her own items, nothing else', async () => {
    const v = await json('monthly', ['--supervisor', 'chenxiaoyan']);
    expect(v.subjects.map((s: { kind: string; id: string }) => `${s.kind}:${s.id}`)).toEqual(['unit:office', 'unit:finance', 'unit:tech', 'person:chenxiaoyan']);
    for (const s of v.subjects) if (s.kind === 'unit') expect(s.supervisor.id).toBe('chenxiaoyan');
  });

  it('an unknown --unit or --supervisor is a usage error (exit 2), not an empty report', async () => {
    for (const extra of [['--unit', 'nowhere'], ['--supervisor', 'nobody']]) {
      const r = await run(dir, [...base('monthly'), ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(extra[1]);
    }
  });
});

describe('the monthly digest (issue 15)', () => {
  const lines = (s: string) => s.replace(/\n$/, '').split('\n').length;

  it('fits about two screens: at most 120 lines on a terminal of 160 columns; --detail is the full report', async () => {
    const digest = await run(dir, [...base('monthly')], { isTTY: true, columns: 160 });
    expect(digest.code).toBe(0);
    expect(lines(digest.stdout)).toBeLessThanOrEqual(120);
    const detail = await run(dir, [...base('monthly'), '--detail'], { isTTY: true, columns: 160 });
    expect(lines(detail.stdout)).toBeGreaterThan(400);
    // the digest: the overview (one line per section), then only the exceptions, with who answers
    const v = JSON.parse(await ok([...base('monthly'), '--format', 'json']));
    const overdue = v.subjects.flatMap((s: { overdue: unknown[] }) => s.overdue);
    const next = v.subjects.flatMap((s: { dueNext: unknown[] }) => s.dueNext);
    expect(digest.stdout).toContain(`逾期未完成（${overdue.length}）`);
    expect(digest.stdout).toContain(`下月到期（${next.length}）`);
    expect(digest.stdout).toContain('责任人');
    expect(digest.stdout).not.toContain('本月完成（');
    expect(detail.stdout).toContain('本月完成（9）');
    for (const s of v.subjects) expect(digest.stdout, s.name).toContain(s.name);
  });

  it('every overdue row names who answers: the chief for a unit, the person for their own item', async () => {
    const v = JSON.parse(await ok([...base('monthly'), '--format', 'json']));
    const stats = v.subjects.find((s: { id: string }) => s.id === 'stats');
    expect(stats.overdue.length).toBeGreaterThan(0);
    for (const o of stats.overdue) expect(o.responsible).toEqual({ id: 'liufang', name: '刘芳' });
    const li = v.subjects.find((s: { id: string }) => s.id === 'liminghua');
    expect(li.overdue.map((o: { responsible: unknown }) => o.responsible)).toEqual([{ id: 'liminghua', name: '李明华' }]);
    // and the score to date of every section
    expect(stats.score).toEqual({ score: 28.75, ytdMax: 40.83, percent: 70.4 });
  });

  it('Markdown and HTML follow the same default; --detail gives every section there too', async () => {
    for (const [format, heading] of [['md', '### 本月完成（'], ['html', '<h3>本月完成（']] as const) {
      const digest = await ok([...base('monthly'), '--format', format]);
      expect(digest).not.toContain(heading);
      expect(digest).toContain('逾期未完成（28）');
      const detail = await ok([...base('monthly'), '--format', format, '--detail']);
      expect(detail.split(heading).length - 1, format).toBe(17);
    }
  });

  it("--supervisor says in the title whose digest it is (table, Markdown, HTML, JSON)", async () => {
    const sup = [...base('monthly'), '--supervisor', 'chenxiaoyan'];
    expect((await ok(sup)).split('\n')[0]).toBe('一月一汇报 · 2026年10月党建责任清单完成情况 · 陈晓燕分管科室');
    expect(await ok([...sup, '--format', 'md'])).toContain('# 一月一汇报 · 2026年10月党建责任清单完成情况 · 陈晓燕分管科室\n');
    expect(await ok([...sup, '--format', 'html'])).toContain('<h1>一月一汇报 · 2026年10月党建责任清单完成情况 · 陈晓燕分管科室</h1>');
    expect(JSON.parse(await ok([...sup, '--format', 'json'])).supervisor).toEqual({ id: 'chenxiaoyan', name: '陈晓燕' });
    expect((await run(dir, [...sup, '--lang', 'en'])).stdout.split('\n')[0]).toBe('Monthly report · checklist progress, 2026-10 · units supervised by 陈晓燕');
  });

  it('a person who supervises no unit is exit 2 with a message, in every report (not an empty report)', async () => {
    for (const kind of ['monthly', 'quarterly', 'annual'] as const) {
      for (const who of ['wangjianguo', '王建国']) {
        const r = await run(dir, [...base(kind), '--supervisor', who]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe('qingdan: 王建国（wangjianguo）不是任何科室的监督员，没有分管科室可汇总；监督员见 templates/org.yaml 中各科室的 supervisor，或用 --unit 看一个科室\n');
      }
    }
    const en = await run(dir, [...base('monthly'), '--supervisor', 'wangjianguo', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('王建国 (wangjianguo) supervises no unit');
  });
});

describe('quantities and pace (issue 15)', () => {
  it("one item's quantities in one unit: 3.5h is shown as 3.5学时", async () => {
    const v = JSON.parse(await ok([...base('monthly'), '--format', 'json']));
    const quantities = v.subjects.flatMap((s: { completed: { item: string; quantity?: string }[] }) => s.completed.filter((c) => c.item === 'T1.1').map((c) => c.quantity));
    expect(quantities.length).toBeGreaterThan(5);
    for (const q of quantities) expect(q).toMatch(/^\d+(\.\d+)?学时$/);
    const detail = await ok([...base('monthly'), '--detail']);
    expect(detail).not.toMatch(/\d h\b|\dh\b/);
    expect(detail).toContain('3.5学时');
  });

  it('pace targets are whole numbers, as a person writes them (应达 119, not 118.5)', async () => {
    const m = JSON.parse(await ok([...base('monthly'), '--format', 'json']));
    const paces = m.subjects.flatMap((s: { pace: { expected: number }[] }) => s.pace.map((p) => p.expected));
    expect(paces.length).toBeGreaterThan(10);
    for (const e of paces) expect(Number.isInteger(e), String(e)).toBe(true);
    const q = JSON.parse(await ok([...base('quarterly'), '--format', 'json']));
    const expected = q.findings.filter((f: { expected?: number }) => f.expected !== undefined).map((f: { expected: number }) => f.expected);
    expect(expected.length).toBeGreaterThan(5);
    for (const e of expected) expect(Number.isInteger(e), String(e)).toBe(true);
    expect(await ok(base('quarterly'))).toContain('(应达 119)');
  });
});

describe('--out with an extension that is not a format (issue 15)', () => {
  it('x.pdf is exit 2 naming the formats, and nothing is written', async () => {
    for (const out of ['x.pdf', 'reports/annual.docx', 'x.XLS.bak']) {
      const r = await run(dir, [...base('annual'), '--out', out]);
      expect(r.code, out).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--out ${out}`);
      for (const ext of ['.md', '.json', '.csv', '.html', '.txt']) expect(r.stderr).toContain(ext);
      expect(r.stderr).toContain('--format table|md|json|csv|html');
      expect(existsSync(join(dir, out))).toBe(false);
    }
    // a format named with --format writes whatever the file is called
    const named = await run(dir, [...base('annual'), '--format', 'md', '--out', 'as-named.pdf']);
    expect(named.code).toBe(0);
    expect(readFileSync(join(dir, 'as-named.pdf'), 'utf8')).toBe(await ok([...base('annual'), '--format', 'md']));
  });
});

describe('the annual maximum and the quarterly own items (issue 15)', () => {
  it('annual: a 满分 column (the section maximum) and a note on what it covers', async () => {
    const v = JSON.parse(await ok([...base('annual'), '--format', 'json']));
    const table = await ok(base('annual'));
    expect(table).toContain('│ 满分 │');
    expect(table).toContain(`满分为科室清单项的分值合计（${v.units[0].max} 分）`);
    expect(table).toContain(`清单总分 ${v.total} 分中的其余分值属于党委和个人的清单项，另行计分`);
    const office = table.split('\n').find((l) => l.includes('│ 办公室 '))!;
    expect(office).toMatch(new RegExp(`│\\s+${v.units.find((u: { id: string }) => u.id === 'office').max} │`));
  });

  it("annual: accountability reasons name every missed obligation in Markdown and HTML (never cut off)", async () => {
    const v = JSON.parse(await ok([...base('annual'), '--format', 'json']));
    const stats = v.accountability.find((a: { id: string }) => a.id === 'stats');
    expect(stats.missed.length).toBeGreaterThan(3);
    for (const format of ['md', 'html']) {
      const text = await ok([...base('annual'), '--format', format]);
      const row = text.split('\n').find((l) => l.includes('调查统计科') && l.includes('逾期未完成 13 项'))!;
      for (const m of stats.missed) expect(row, `${format}: ${m.item} ${m.period}`).toContain(m.period);
      expect(row).not.toContain('…');
    }
  });

  it("quarterly: the organisation's and people's own items, and the follow-up list in the order of the organisation file", async () => {
    const v = JSON.parse(await ok([...base('quarterly'), '--format', 'json']));
    expect(v.own.map((s: { kind: string; id: string }) => `${s.kind}:${s.id}`)).toEqual([
      'org:org',
      'person:wangjianguo',
      'person:suonancairen',
      'person:liminghua',
      'person:zhaxinima',
      'person:chenxiaoyan',
    ]);
    expect(v.own[1].items.map((i: { id: string }) => i.id)).toEqual(['T3.1', 'T3.2', 'T4.6']);
    const order = ['office', 'hr', 'discipline', 'credit', 'stats', 'stability', 'payment', 'treasury', 'currency', 'finance', 'tech', 'org', 'wangjianguo', 'suonancairen', 'liminghua', 'zhaxinima', 'chenxiaoyan'];
    const seen = v.findings.map((f: { unit: string }) => order.indexOf(f.unit));
    expect(seen.every((i: number) => i >= 0)).toBe(true);
    expect(seen).toEqual([...seen].sort((a: number, b: number) => a - b));
    // a person's own miss is followed up too, after the units: 李明华's theme days of the second quarter
    const q2 = JSON.parse(await ok(['report', 'quarterly', '--quarter', '2026-Q2', '--as-of', AS_OF, '--no-color', '--format', 'json']));
    const own = q2.findings.filter((f: { kind: string }) => f.kind !== 'unit');
    expect(own.map((f: { kind: string; unit: string; item: string; status: string }) => [f.kind, f.unit, f.item, f.status])).toEqual([['person', 'liminghua', 'T3.4', 'partial']]);
    expect(q2.findings.at(-1)).toEqual(own[0]);
    // --unit: that unit's findings only; --supervisor: her units and her own items
    const office = JSON.parse(await ok([...base('quarterly'), '--unit', 'hr', '--format', 'json']));
    expect(office.own).toEqual([]);
    expect(new Set(office.findings.map((f: { unit: string }) => f.unit))).toEqual(new Set(['hr']));
    const sup = JSON.parse(await ok([...base('quarterly'), '--supervisor', 'chenxiaoyan', '--format', 'json']));
    expect(sup.own.map((s: { id: string }) => s.id)).toEqual(['chenxiaoyan']);
  });
});

describe('--period previous', () => {
  const same: [Kind, string, string[]][] = [
    ['monthly', '2026-12-01', ['--month', '2026-11']],
    ['quarterly', '2026-12-01', ['--quarter', '2026-Q3']],
  ];
  for (const [kind, asOf, explicit] of same) {
    it(`${kind} as of ${asOf} is exactly ${explicit.join(' ')}, in every format`, async () => {
      for (const format of FORMATS) {
        const common = ['--as-of', asOf, '--no-color', '--format', format];
        const previous = await ok(['report', kind, '--period', 'previous', ...common]);
        expect(previous).toBe(await ok(['report', kind, ...explicit, ...common]));
        // and differs from the current period's report (the option is not ignored)
        expect(previous).not.toBe(await ok(['report', kind, '--period', 'current', ...common]));
      }
    });
  }

  it('annual in January 2027 is the 2026 summary as of that day (work due in January still counts)', async () => {
    const common = ['--as-of', '2027-01-05', '--no-color', '--format', 'json'];
    const previous = await ok(['report', 'annual', '--period', 'previous', ...common]);
    expect(previous).toBe(await ok(['report', 'annual', '--year', '2026', ...common]));
    expect(JSON.parse(previous).asOf).toBe('2027-01-05');
  });
});

describe('determinism', () => {
  it('running every case twice gives identical bytes', async () => {
    for (const c of CASES) expect(await ok(c.argv), c.name).toBe(await output(c));
  });

  it('the time zone does not matter', async () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
        process.env.TZ = zone;
        for (const name of ['monthly.json', 'annual.csv']) {
          const c = CASES.find((x) => x.name === name)!;
          expect(await ok(c.argv), `${name} in ${zone}`).toBe(await output(c));
        }
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('--out', () => {
  const EXT = { table: 'txt', md: 'md', json: 'json', csv: 'csv', html: 'html' } as const;

  for (const format of FORMATS) {
    it(`--format ${format} --out FILE writes the bytes of stdout, and no temporary file is left`, async () => {
      const outDir = join(dir, `out-${format}`);
      const file = join(outDir, `report.${EXT[format]}`);
      const c = CASES.find((x) => x.name === `annual.${format}`)!;
      const r = await run(dir, [...c.argv, '--out', `out-${format}/report.${EXT[format]}`]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`out-${format}/report.${EXT[format]}`);
      expect(readFileSync(file, 'utf8')).toBe(await output(c));
      expect(readdirSync(outDir)).toEqual([`report.${EXT[format]}`]);
      // again over the existing file: replaced, still one file
      const again = await run(dir, [...c.argv, '--out', `out-${format}/report.${EXT[format]}`]);
      expect(again.code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(await output(c));
      expect(readdirSync(outDir)).toEqual([`report.${EXT[format]}`]);
    });
  }

  it('--out DIR/ names the file after the report; the format follows the extension', async () => {
    const r = await run(dir, [...base('monthly'), '--format', 'md', '--out', 'reports/']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['monthly-2026-10.md']);
    expect(readFileSync(join(dir, 'reports', 'monthly-2026-10.md'), 'utf8')).toBe(await output(CASES.find((x) => x.name === 'monthly.md')!));

    const q = await run(dir, [...base('quarterly'), '--out', 'q/register.csv']);
    expect(q.code).toBe(0);
    expect(readFileSync(join(dir, 'q', 'register.csv'), 'utf8')).toBe(await output(CASES.find((x) => x.name === 'quarterly.csv')!));
    expect(readdirSync(join(dir, 'q'))).toEqual(['register.csv']);
  });

  // regression test of a bug found and fixed in review
  it('--out FILE from a terminal does not depend on the terminal width', async () => {
    const c = CASES.find((x) => x.name === 'quarterly.table')!;
    const r = await run(dir, [...c.argv, '--out', 'tty/quarterly.txt'], { isTTY: true, columns: 80 });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'tty', 'quarterly.txt'), 'utf8')).toBe(await output(c));
  });
});
