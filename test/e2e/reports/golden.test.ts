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
