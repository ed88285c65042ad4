/**
 * `qingdan init [DIR] [--year YYYY]`: a new data repository from the built-in template — the
 * example's commented qingdan.yaml, organisation and checklist (rewritten to the year), the JSON
 * Schemas, an empty ledgers/YYYY/, a `.gitattributes` with the union merge for ledgers, a sample
 * pre-commit hook running `qingdan check` — then `git init` and, when git knows who is
 * committing, a first commit. Never overwrites a file.
 */
import { join, resolve } from 'node:path';
import { isCalendarDate } from '../core/dates.js';
import { moveToYear } from '../core/years.js';
import { QingdanError } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import * as git from '../read/git.js';
import { today } from '../read/clock.js';
import { exists, isDirectory } from '../read/files.js';
import { ensureLine, writeNew } from '../write/files.js';
import { resolveLang } from '../i18n/index.js';
import type { GlobalOptions, Io } from '../io.js';

declare const QINGDAN_TEMPLATE_FILES: Record<string, string> | undefined;

export interface InitOptions extends GlobalOptions {
  year?: string;
  start?: string;
}

export const GITATTRIBUTES = ['# qingdan: ledgers are only appended to; a merge keeps the lines of both sides', 'ledgers/** merge=union'];

export const PRE_COMMIT = `#!/bin/sh
# qingdan sample pre-commit hook: check templates and ledgers before every commit.
# Enable it for this clone with:   git config core.hooksPath .githooks
# A commit is refused while \`qingdan check\` finds errors; \`git commit --no-verify\` skips it.
if command -v qingdan >/dev/null 2>&1; then
  exec qingdan check
fi
echo "qingdan is not on PATH; skipping the check (npm link in the qingdan folder installs it)" >&2
exit 0
`;

/**
 * The template's files for `year`: the checklist and the settings moved to that year
 * (core/years.ts). Pure.
 */
export function templateFiles(embedded: Record<string, string>, year: number): Map<string, string> {
  const out = new Map<string, string>();
  const checklistName = Object.keys(embedded).find((f) => /^templates\/checklist-\d{4}\.ya?ml$/.test(f));
  const from = checklistName ? /(\d{4})/.exec(checklistName.slice('templates/'.length))![1]! : String(year);
  const y = String(year);
  for (const [file, text] of Object.entries(embedded)) {
    if (file === checklistName || file === 'qingdan.yaml') {
      out.set(file === checklistName ? file.replace(from, y) : file, moveToYear(text, +from, year));
    } else out.set(file, text);
  }
  out.set(`ledgers/${y}/.gitkeep`, '');
  out.set('reports/.gitkeep', '');
  out.set('.githooks/pre-commit', PRE_COMMIT);
  return out;
}

export function runInit(dir: string | undefined, opts: InitOptions, io: Io): number {
  return init(dir, opts, io, recordCatalogue(resolveLang(opts.lang) ?? 'zh'));
}

function init(dir: string | undefined, opts: InitOptions, io: Io, rm: ReturnType<typeof recordCatalogue>): number {
  if (opts.asOf !== undefined && !isCalendarDate(opts.asOf)) {
    throw new QingdanError('bad-date-option', { option: '--as-of', value: opts.asOf });
  }
  const asOf = opts.asOf ?? io.today ?? today();
  let year = +asOf.slice(0, 4);
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year) || +opts.year < 2000 || +opts.year > 2100) throw new QingdanError('bad-year', { value: opts.year });
    year = +opts.year;
  }
  const embedded = typeof QINGDAN_TEMPLATE_FILES === 'undefined' ? undefined : QINGDAN_TEMPLATE_FILES;
  if (!embedded) throw new QingdanError('no-embedded');
  const target = resolve(io.cwd, opts.C ?? '.', dir ?? '.');
  if (exists(target) && !isDirectory(target)) throw new QingdanError('init-not-dir', { dir: target });
  if (exists(join(target, 'qingdan.yaml')) || exists(join(target, 'templates', 'org.yaml'))) {
    throw new QingdanError('init-exists', { dir: target, repo: 1 });
  }
  // an office that starts after January tracks the year from that day (the settings' `start:`)
  if (opts.start !== undefined && !isCalendarDate(opts.start)) throw new QingdanError('bad-date-option', { option: '--start', value: opts.start });
  const start = opts.start ?? (year === +asOf.slice(0, 4) && asOf.slice(5, 7) !== '01' ? asOf : undefined);
  const files = templateFiles(embedded, year);
  if (start !== undefined) files.set('qingdan.yaml', `${files.get('qingdan.yaml') ?? ''}\n# 从这一天起纳入考核：此前已结束的期间不计逾期、不计满分（年中开始使用时）\nstart: ${start}\n`);
  const clash = [...files.keys()].filter((f) => exists(join(target, f)));
  if (clash.length > 0) throw new QingdanError('init-exists', { dir: target }, clash.map((f) => `  ${f}`).join('\n'));

  for (const [file, text] of files) writeNew(join(target, file), text, file === '.githooks/pre-commit' ? 0o755 : 0o644);
  const attributes = GITATTRIBUTES.map((l) => ensureLine(join(target, '.gitattributes'), l)).some(Boolean);
  const written = [...files.keys(), ...(attributes ? ['.gitattributes'] : [])];

  // git
  let gitState: 'none' | 'initialised' | 'committed' = 'none';
  let sha: string | undefined;
  let gitMessage = '';
  const at = { cwd: target, env: io.env };
  if (!git.gitAvailable(at)) gitMessage = rm.init.noGit({});
  else {
    if (!git.isWorkTreeTop(at)) {
      const r = git.init(at);
      if (!r.ok) throw new QingdanError('git-failed', { file: target }, r.stderr.trim());
    }
    gitState = 'initialised';
    const who = git.identity(at, 'AUTHOR') && git.identity(at, 'COMMITTER');
    if (!who) gitMessage = rm.init.noIdentity({});
    else {
      git.add(at, written);
      const c = git.commit(at, { message: `init: qingdan data repository for ${year}`, paths: written });
      if (!c.ok) gitMessage = rm.init.commitFailed({ reason: (c.stderr || c.stdout).trim() });
      else {
        gitState = 'committed';
        sha = c.sha;
      }
    }
  }

  if (opts.json) {
    io.stdout(JSON.stringify({ dir: target, year, files: written, git: gitState, commit: sha ?? null }, null, 2) + '\n');
  } else {
    const out = [rm.init.created({ dir: target, year })];
    for (const f of written) out.push(`  ${f}`);
    if (gitState === 'committed') out.push(rm.init.committed({ sha: sha!.slice(0, 7) }));
    else if (gitState === 'initialised') out.push(rm.init.initialised({}));
    if (gitMessage) out.push(gitMessage);
    out.push('', rm.init.next({ year, dir: dir ?? '.' }));
    io.stdout(out.join('\n') + '\n');
  }
  return 0;
}
