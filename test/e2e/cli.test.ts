/**
 * End to end: the built CLI (`node dist/qingdan.js`, built by `npm test` before vitest runs), spawned
 * with argument arrays on temporary git repositories made from the `mixed` fixture, and on the
 * project root, which is itself the example data repository.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'qingdan.js');
const MIXED = join(ROOT, 'test', 'fixtures', 'mixed');
const ESC = '\u001b[';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a cron job: no TTY, no colour settings, no debug. */
const baseEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'QINGDAN_DEBUG', 'CI']) delete env[k];
  return env;
};

function exec(file: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: opts.cwd, env: opts.env ?? baseEnv(), encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const qingdan = (args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) => exec(process.execPath, [CLI, ...args], opts);

async function git(cwd: string, ...args: string[]) {
  const env = { ...baseEnv(), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const r = await exec('git', ['-c', 'user.name=qingdan test', '-c', 'user.email=test@example.org', ...args], { cwd, env });
  if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** `FILE:LINE:COL: severity CODE` of each finding in text output. */
const headers = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => /^[^\s|]+:\d+:\d+: /.test(l))
    .map((l) => l.replace(/^(\S+:\d+:\d+): (\S+) (\S+):.*$/, '$1 $3'));

/** The five problems of the mixed fixture, one line each, written out by hand. */
const EXPECTED = [
  'ledgers/2026/hr.ledger:2:1 bad-date',
  'ledgers/2026/hr.ledger:4:12 unknown-unit',
  'ledgers/2026/office.ledger:5:35 duplicate-id',
  'ledgers/2026/office.ledger:12:15 unknown-item',
  'ledgers/2026/office.ledger:13:17 void-unknown',
];

let work: string; // holds the repository and the empty directory
let repo: string;
let empty: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm test (it builds first) or npm run build`);
  work = mkdtempSync(join(tmpdir(), 'qingdan-e2e-'));
  repo = join(work, 'dangjian');
  empty = join(work, 'not-a-repo');
  mkdirSync(empty);
  cpSync(MIXED, repo, { recursive: true, filter: (src) => !basename(src).startsWith('expected.') });
  await git(repo, 'init', '-q');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'example data');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('qingdan check on a git repository', () => {
  it('finds the repository by walking up from a nested directory and reports every problem in one run', async () => {
    const r = await qingdan(['check', '--as-of', '2026-11-27'], { cwd: join(repo, 'ledgers', '2026') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(headers(r.stdout)).toEqual(EXPECTED);
    expect(r.stdout).toContain('发现 5 个错误（共检查 5 个文件）');
  });

  it('-C DIR (absolute, or relative to the working directory) gives the same result from anywhere', async () => {
    const nested = await qingdan(['check', '--as-of', '2026-11-27'], { cwd: join(repo, 'templates') });
    const abs = await qingdan(['-C', repo, 'check', '--as-of', '2026-11-27'], { cwd: empty });
    const rel = await qingdan(['-C', 'dangjian', 'check', '--as-of', '2026-11-27'], { cwd: work });
    for (const r of [abs, rel]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(nested.stdout);
    }
    expect(headers(abs.stdout)).toEqual(EXPECTED);
  });

  it('is read-only: the working tree is unchanged afterwards', async () => {
    await qingdan(['check', '--as-of', '2026-11-27'], { cwd: repo });
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });

  it('--json: {diagnostics:[{file,line,column,severity,code,message}]}, one per problem', async () => {
    const r = await qingdan(['check', '--json', '--as-of', '2026-11-27'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const value = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(Object.keys(value)).toEqual(['diagnostics']);
    expect(value.diagnostics).toHaveLength(5);
    for (const d of value.diagnostics) {
      expect(Object.keys(d).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'severity']);
      expect(typeof d.file).toBe('string');
      expect(Number.isInteger(d.line)).toBe(true);
      expect(Number.isInteger(d.column)).toBe(true);
      expect(d.severity).toBe('error');
      expect(typeof d.message).toBe('string');
    }
    expect(value.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(EXPECTED);
  });

  it('--json as a global option before the command works too', async () => {
    const r = await qingdan(['--json', 'check', '--as-of', '2026-11-27'], { cwd: repo });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(5);
  });

  it('--lang en prints English', async () => {
    const r = await qingdan(['check', '--lang', 'en', '--as-of', '2026-11-27'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ledgers/2026/office.ledger:13:17: error void-unknown: there is no entry k404 to void');
    expect(r.stdout).toContain('5 errors (5 files checked)');
    expect(r.stdout).not.toContain(': 错误 ');
    expect(r.stdout).not.toContain('发现');
  });

  it('--as-of before the latest entry: what came later has not happened yet, and is no finding', async () => {
    // the latest entry of the fixture is 2026-07-07
    const r = await qingdan(['check', '--json', '--as-of', '2026-07-06'], { cwd: repo });
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; file: string }[] }).diagnostics.map((d) => d.code);
    expect(codes).not.toContain('future-date');
  });
});

describe('qingdan: usage and configuration errors exit 2, with the message on stderr', () => {
  it('a directory that is not a data repository', async () => {
    const r = await qingdan(['check'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`qingdan: ${empty} 及其上级目录都不是 qingdan 数据仓库`);
    const en = await qingdan(['--lang', 'en', 'check'], { cwd: empty });
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain(`neither ${empty} nor any parent is a qingdan data repository`);
  });

  it('-C to a directory that does not exist', async () => {
    const r = await qingdan(['-C', join(work, 'nowhere'), 'check'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qingdan: /);
  });

  it('a bad --as-of', async () => {
    for (const bad of ['2026-02-30', 'yesterday', '2026-1-1']) {
      const r = await qingdan(['check', '--as-of', bad], { cwd: repo });
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`qingdan: --as-of 的日期“${bad}”无效：应为 YYYY-MM-DD\n`);
    }
  });

  it('an unsupported --lang', async () => {
    const r = await qingdan(['check', '--lang', 'fr'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fr');
  });

  it('an unknown option, and an unknown command', async () => {
    const opt = await qingdan(['check', '--bogus'], { cwd: repo });
    expect(opt.code).toBe(2);
    expect(opt.stdout).toBe('');
    expect(opt.stderr).toBe('qingdan: 未知的选项“--bogus”（加 --help 查看可用的选项）\n');
    const cmd = await qingdan(['chekc'], { cwd: repo });
    expect(cmd.code).toBe(2);
    expect(cmd.stdout).toBe('');
    expect(cmd.stderr).toContain('chekc');
  });

  it('--version prints the package version and exits 0', async () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const r = await qingdan(['--version'], { cwd: empty });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    expect(r.stderr).toBe('');
  });

  it('--help exits 0 and lists check', async () => {
    const r = await qingdan(['--help'], { cwd: empty });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('check');
  });
});

describe('qingdan: no colour without a terminal', () => {
  it('a pipe gets no ANSI escapes', async () => {
    const r = await qingdan(['check', '--as-of', '2026-11-27'], { cwd: repo });
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toContain(ESC);
  });

  it('NO_COLOR (and even FORCE_COLOR alongside it) gives no ANSI escapes', async () => {
    const r = await qingdan(['check', '--as-of', '2026-11-27'], { cwd: repo, env: { ...baseEnv(), NO_COLOR: '1', FORCE_COLOR: '3' } });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stderr).not.toContain(ESC);
  });
});

describe('qingdan check on the project root (the example data repository)', () => {
  const ledgerFiles = (dir: string): string[] =>
    !existsSync(dir)
      ? []
      : readdirSync(dir).flatMap((n) => {
          if (n.startsWith('.')) return [];
          const p = join(dir, n);
          return statSync(p).isDirectory() ? ledgerFiles(p) : n.endsWith('.ledger') ? [p] : [];
        });

  it('finds no problems, whatever ledgers are there yet', async () => {
    const r = await qingdan(['-C', ROOT, 'check', '--as-of', '2026-11-27'], { cwd: empty });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ 未发现问题：/);
    const files =
      (existsSync(join(ROOT, 'qingdan.yaml')) ? 1 : 0) +
      1 +
      readdirSync(join(ROOT, 'templates')).filter((f) => /^checklist-.*\.ya?ml$/.test(f)).length +
      ledgerFiles(join(ROOT, 'ledgers')).length;
    expect(r.stdout).toContain(`${files} 个文件`);
    if (ledgerFiles(join(ROOT, 'ledgers', '2026')).length > 0) expect(r.stdout).not.toContain('，0 条登记');
  });

  it('--json gives an empty list', async () => {
    const r = await qingdan(['-C', ROOT, 'check', '--json', '--as-of', '2026-11-27'], { cwd: empty });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [] });
  });
});
