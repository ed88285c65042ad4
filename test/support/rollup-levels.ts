/**
 * The three-level example of test/fixtures/rollup-levels/ (a province over two prefectures, each
 * over three counties) turned into git repositories under a folder, with fixed commit dates:
 *
 * - each county gets the repository's own templates/ (one checklist for all six, not six copies
 *   in the fixture) and its ledgers committed in two appends — the lines dated before July on
 *   2026-06-30, then the rest on 2026-11-24 — so that its history has something to audit;
 * - each prefecture lists its counties by relative URLs (`../../counties/c1`), made absolute here
 *   (git would read a relative path from inside the umbrella's .git), is committed, and fetches
 *   its counties with `qingdan rollup fetch`, which commits its members.lock;
 * - the province is committed likewise, and not fetched: that is the test's business.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { g, gitEnv, qd } from './cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const LEVELS_FIXTURE = join(ROOT, 'test/fixtures/rollup-levels');

export interface Levels {
  province: string;
  prefectures: Record<string, string>;
  counties: Record<string, string>;
}

/** git at a fixed date (author and committer): the same fixture makes the same commits. */
function commitAt(dir: string, date: string, message: string): void {
  const env = gitEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  g(dir, ['add', '-A'], env);
  g(dir, ['commit', '-qm', message], env);
}

/** The settings' relative member URLs made absolute, against the office's own folder. */
function absoluteUrls(dir: string): void {
  const file = join(dir, 'qingdan.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+url: )(\.\.?\/\S+)$/gm, (_, key: string, url: string) => `${key}${JSON.stringify(resolve(dir, url))}`));
}

const offices = (dir: string) => readdirSync(dir).sort();

export async function makeLevels(base: string): Promise<Levels> {
  cpSync(LEVELS_FIXTURE, base, { recursive: true });
  const counties: Record<string, string> = {};
  for (const id of offices(join(base, 'counties'))) {
    const dir = join(base, 'counties', id);
    counties[id] = dir;
    const ledgers = join(dir, 'ledgers/2026');
    const full = new Map(offices(ledgers).map((f) => [f, readFileSync(join(ledgers, f), 'utf8')]));
    cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
    // the lines recorded by the end of June first, then the rest
    for (const [f, text] of full) writeFileSync(join(ledgers, f), text.split(/(?<=\n)/).filter((l) => !/^\d{4}-\d\d-\d\d /.test(l) || l < '2026-07').join(''));
    g(dir, ['init', '-q']);
    commitAt(dir, '2026-06-30T18:00:00+08:00', 'records to June');
    for (const [f, text] of full) writeFileSync(join(ledgers, f), text);
    commitAt(dir, '2026-11-24T18:00:00+08:00', 'records to November');
  }
  const prefectures: Record<string, string> = {};
  for (const id of offices(join(base, 'prefectures'))) {
    const dir = join(base, 'prefectures', id);
    prefectures[id] = dir;
    absoluteUrls(dir);
    g(dir, ['init', '-q']);
    commitAt(dir, '2026-11-25T09:00:00+08:00', 'umbrella');
    const f = await qd(['rollup', 'fetch'], { cwd: dir, timeout: 60_000 });
    if (f.code !== 0) throw new Error(`rollup fetch in ${id}: ${f.stderr}`);
  }
  const province = join(base, 'province');
  absoluteUrls(province);
  g(province, ['init', '-q']);
  commitAt(province, '2026-11-25T09:00:00+08:00', 'umbrella');
  return { province, prefectures, counties };
}
