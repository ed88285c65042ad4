/**
 * The Chinese user guide, docs/zh/使用手册.md, run as a reader would follow it: every ```sh block,
 * line by line in document order, on a copy of the example (the project's qingdan.yaml, templates/
 * and ledgers/ committed in a git repository of their own), with `qingdan` on PATH as the built
 * CLI at a fixed day, so the guide cannot drift from the tool.
 *
 * What is run: each line of a ```sh block but blank lines and `#` comments, with `sh -c` (stderr
 * merged into stdout). `cd DIR` is followed for the lines and blocks after it, as in the reader's
 * shell. Blocks of other languages (```text, ```yaml, ```cron) are shown, not run.
 *
 * What the guide promises, in HTML comments on the lines right before a block (unknown ones fail):
 *   <!-- expect: exit N -->     the block's single command exits N (otherwise every line exits 0)
 *   <!-- today: YYYY-MM-DD -->  from this block on, today (the shim's --as-of, and the commit
 *                               dates) is that day; the guide starts on 2026-11-27
 *   <!-- setup: SHELL -->       what the reader has at hand before the block (a scanned file),
 *                               made by the test in the current folder
 *   <!-- output -->             on a ```text block: what the last command run printed. `…` alone
 *                               on a line stands for any lines, `…` in a line for any text; ids
 *                               (id:xxxxxx), commit hashes and checksums may differ
 *   <!-- terminal: ARGS -->     on a ```text block: a conversation with `qingdan ARGS` on a real
 *                               terminal (tmux): the screen at its end, trailing spaces aside
 *   <!-- typed: A | B | … -->   with terminal: what is typed at each question, each then Enter
 *   <!-- from: PATH -->         the block's lines (blank lines and # comments aside) are lines of
 *                               that file of the project, in the same order
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Area, Checklist, Item, Organisation, Person, Settings, Unit } from '../../src/core/model.js';
import { CLI, g, gitEnv, tempDir } from '../support/cli.js';
import { closeTerminals, Pane } from '../support/tmux.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GUIDE = join('docs', 'zh', '使用手册.md');
const START = '2026-11-27';

interface Block {
  lang: string;
  /** 1-based line of the opening fence. */
  line: number;
  body: string[];
  markers: Map<string, string>;
}

const MARKERS = new Set(['expect', 'today', 'setup', 'output', 'terminal', 'typed', 'from']);

/** The fenced blocks of a Markdown text, each with the HTML comments right above its fence. */
function blocks(md: string): Block[] {
  const lines = md.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```([\w-]*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const markers = new Map<string, string>();
    for (let j = i - 1; j >= 0; j--) {
      if (!lines[j]!.startsWith('<!--')) break;
      const m = /^<!--\s*([\w-]+)(?::\s*(.*?))?\s*-->\s*$/.exec(lines[j]!);
      if (!m) throw new Error(`${GUIDE}:${j + 1}: a marker is written <!-- name: value -->`);
      if (!MARKERS.has(m[1]!)) throw new Error(`${GUIDE}:${j + 1}: unknown marker “${m[1]}”`);
      markers.set(m[1]!, m[2] ?? '');
    }
    const body: string[] = [];
    let k = i + 1;
    for (; k < lines.length && !/^```\s*$/.test(lines[k]!); k++) body.push(lines[k]!);
    if (k === lines.length) throw new Error(`${GUIDE}:${i + 1}: unclosed fence`);
    out.push({ lang: open[1]!, line: i + 1, body, markers });
    i = k;
  }
  return out;
}

const commands = (b: Block) => b.body.filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));

/** What may differ between runs: fresh ids, commit hashes, checksums, the temporary folder. */
function normalise(text: string, root: string): string {
  return text
    .split(root)
    .join('<dir>')
    .replace(/\bid:[a-z0-9]{6}\b/g, 'id:<id>')
    // a commit that record names, even one whose 7 hex digits are all letters (efbeabe)
    .replace(/(?<=已提交 |committed )[0-9a-f]{7,64}\b/g, '<hash>')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{7,64}\b/g, '<hash>')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shown output as a pattern over the output and a final newline: a line `…` is any lines, `…` in a line any text. */
function pattern(shown: string[], root: string): RegExp {
  const parts = normalise(shown.join('\n'), root)
    .split('\n')
    .map((l) => (l.trim() === '…' ? '(?:[^\\n]*\\n)*?' : `${l.split('…').map(escape).join('[^\\n]*')}\\n`));
  return new RegExp(`^${parts.join('')}$`);
}

/** Splits a transcript line into the question as printed and the answer typed after it. */
/** The prompts answered (◇) on a screen. */
const answered = (screen: string) => screen.split('◇').length - 1;

const doc = readFileSync(join(ROOT, GUIDE), 'utf8');
const all = blocks(doc);

let shim: string;
let root: string;
let cwd: string;
let today = START;
let last: { line: string; output: string } | undefined;

function env(): Record<string, string> {
  const stamp = `${today}T10:00:00+08:00`;
  return gitEnv({
    PATH: `${shim}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    GUIDE_TODAY: today,
    GIT_AUTHOR_DATE: stamp,
    GIT_COMMITTER_DATE: stamp,
  });
}

function sh(script: string, input?: string): { status: number | null; output: string } {
  const r = spawnSync('sh', ['-c', `exec 2>&1\n${script}`], { cwd, env: env(), encoding: 'utf8', input: input ?? '', timeout: 60_000 });
  return { status: r.status, output: r.stdout };
}

afterAll(closeTerminals);

beforeAll(() => {
  // `qingdan` on PATH, as npm link makes it, taking the guide's day as today
  shim = tempDir('bin');
  mkdirSync(shim, { recursive: true });
  writeFileSync(join(shim, 'qingdan'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" --as-of "$GUIDE_TODAY" "$@"\n`);
  chmodSync(join(shim, 'qingdan'), 0o755);
  // the example, as a data repository of its own
  root = tempDir('玉树中支');
  mkdirSync(root, { recursive: true });
  root = realpathSync(root);
  for (const f of ['qingdan.yaml', 'templates', 'ledgers']) cpSync(join(ROOT, f), join(root, f), { recursive: true });
  g(root, ['init', '-q']);
  g(root, ['add', '-A']);
  g(root, ['commit', '-qm', 'the example'], { ...gitEnv(), GIT_AUTHOR_DATE: `${START}T09:00:00+08:00`, GIT_COMMITTER_DATE: `${START}T09:00:00+08:00` });
  cwd = root;
});

describe(`${GUIDE}: the shape of the guide`, () => {
  it('has the sections the clerk and the one who sets up need, and is linked from the top of the README', () => {
    for (const h of ['给党务干事', '每天的登记', '查看待办', '登记错了怎么办', '每月的例行工作', '一月份与新的一年', '给负责设置的同志', '新建数据仓库', '模板和各个键', 'cron', '提交前检查钩子', '审计']) {
      expect(doc, h).toMatch(new RegExp(`^#+ .*${escape(h)}`, 'm'));
    }
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    expect(readme.slice(0, 10).some((l) => l.includes('(docs/zh/使用手册.md)'))).toBe(true);
  });

  it('runs commands of every kind a clerk uses, and marks only what it can check', () => {
    const run = all.filter((b) => b.lang === 'sh').flatMap(commands).join('\n');
    for (const c of ['qingdan record ', 'qingdan due', 'qingdan void ', 'qingdan check', 'qingdan report monthly', 'qingdan new-year 2027', 'qingdan init ', 'qingdan audit', '--as-of', '--evidence', '--period', '--by', '--date', '--start', 'git config core.hooksPath .githooks']) {
      expect(run, c).toContain(c);
    }
    for (const b of all) {
      const where = `${GUIDE}:${b.line}`;
      if (b.markers.has('expect')) {
        expect(b.lang, where).toBe('sh');
        expect(commands(b), where).toHaveLength(1);
        expect(b.markers.get('expect'), where).toMatch(/^exit [12]$/);
      }
      if (b.markers.has('output') || b.markers.has('terminal')) expect(b.lang, where).toBe('text');
      if (b.markers.has('today')) expect(b.markers.get('today'), where).toMatch(/^\d{4}-\d\d-\d\d$/);
      // a block meant to run must say so: ```sh; a shell line in a ```bash or ```shell block would be skipped
      expect(['bash', 'shell', 'console', 'zsh'], where).not.toContain(b.lang);
    }
  });

  it('names every key of the settings, the organisation and the checklist', () => {
    const keys = new Set<string>();
    const add = (shape: Record<string, unknown>) => Object.keys(shape).forEach((k) => keys.add(k));
    add(Settings.shape);
    add((Settings.shape.paths.unwrap() as { shape: Record<string, unknown> }).shape);
    add((Settings.shape.accountability.unwrap() as { shape: Record<string, unknown> }).shape);
    add(Organisation.shape);
    add(Person.shape);
    add(Unit.shape);
    add(Checklist.shape);
    add(Area.shape);
    add(Item.shape);
    for (const k of ['score_below', 'overdue_at_least', 'count', 'sum', 'rate', 'measure', 'days_after_period_end', 'rule', 'late_credit', 'per_miss', 'floor', 'cap']) keys.add(k);
    const missing = [...keys].filter((k) => !new RegExp(`\`${escape(k)}[\`:]|^\\s*-?\\s*${escape(k)}:|[{,]\\s*${escape(k)}:`, 'm').test(doc));
    expect(missing).toEqual([]);
  });
});

describe(`${GUIDE}: every command, in order`, () => {
  for (const b of all) {
    const where = `${GUIDE}:${b.line}`;
    if (b.markers.has('from')) {
      it(`${where} is quoted from ${b.markers.get('from')}`, () => {
        const file = readFileSync(join(ROOT, b.markers.get('from')!), 'utf8').split('\n').map((l) => l.trimEnd());
        let at = 0;
        for (const l of commands(b)) {
          const found = file.indexOf(l.trimEnd(), at);
          expect(found, `${where}: “${l}” is not in ${b.markers.get('from')} (after line ${at})`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
      });
    }
    if (b.lang === 'sh') {
      it(`${where} ${commands(b)[0] ?? ''}`, () => {
        if (b.markers.has('today')) today = b.markers.get('today')!;
        if (b.markers.has('setup')) {
          const r = sh(b.markers.get('setup')!);
          expect(r.status, `${where}: setup\n${r.output}`).toBe(0);
        }
        const want = b.markers.has('expect') ? Number(b.markers.get('expect')!.slice('exit '.length)) : 0;
        for (const line of commands(b)) {
          const cd = /^cd\s+(\S+)\s*$/.exec(line);
          if (cd) {
            const to = resolve(cwd, cd[1]!);
            expect(existsSync(to) && statSync(to).isDirectory(), `${where}: cd ${cd[1]}`).toBe(true);
            cwd = to;
            continue;
          }
          const r = sh(line);
          last = { line, output: r.output };
          expect(r.status, `${where}: ${line}\n${r.output}`).toBe(want);
        }
      });
    }
    if (b.markers.has('output')) {
      it(`${where} is what \`${last?.line ?? 'the command before'}\` prints`, () => {
        expect(last, `${where}: no command ran before this output`).toBeDefined();
        const actual = normalise(last!.output, root);
        const re = pattern(b.body, root);
        if (!re.test(`${actual}\n`)) expect(`${last!.line}\n${actual}`, where).toBe(`${last!.line}\n${normalise(b.body.join('\n'), root)}`);
      });
    }
    if (b.markers.has('terminal')) {
      it(`${where} is a conversation with qingdan ${b.markers.get('terminal')}`, async () => {
        if (b.markers.has('today')) today = b.markers.get('today')!;
        const typed = (b.markers.get('typed') ?? '').split(' | ').filter(Boolean);
        expect(typed.length, `${where}: <!-- typed: … --> says what is typed`).toBeGreaterThan(0);
        const pane = new Pane(cwd, env(), ['sh', '-c', `exec qingdan ${b.markers.get('terminal')}`]);
        try {
          for (const [k, answer] of typed.entries()) {
            // the next question is on the screen, the ones before it answered
            await pane.until((s) => answered(s) === k && /[◆▲]/.test(s));
            pane.type(answer);
            pane.press('Enter');
          }
          expect(await pane.exit(), `${where}\n${pane.screen()}`).toBe(0);
          const screen = pane.screen().split('\n').map((l) => l.trimEnd()).join('\n').trim();
          expect(normalise(screen, root)).toBe(normalise(b.body.join('\n'), root));
        } finally {
          pane.close();
        }
      });
    }
  }
});
