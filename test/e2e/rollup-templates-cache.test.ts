/**
 * Members' templates are kept once they passed their checks, by the blobs they came from: a
 * member whose templates are the same as one judged before skips YAML and the template checks.
 * What is kept never stands for other templates, never hides a template's fault, and a damaged
 * entry is parsed again.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, g, qd, tempDir } from '../support/cli.js';
import { makeMember, makeUmbrella } from '../support/rollup.js';

let umbrella: string;
const cacheDir = () => join(umbrella, '.git/qingdan/cache');
/** Kept templates start so; the umbrella's own settings, kept beside them, start with "org" too. */
const TEMPLATES = '{"org":{"file"';
const entries = (start: string) => readdirSync(cacheDir()).filter((f) => readFileSync(join(cacheDir(), f), 'utf8').startsWith(start));

/** The annual roll-up as JSON, after the members' results (not their audits or templates) are dropped. */
async function report(): Promise<string> {
  for (const f of entries('{"ok"')) rmSync(join(cacheDir(), f));
  const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--json'], { cwd: umbrella, timeout: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** A member whose checklist is edited by `edit` and committed. */
async function member(name: string, edit?: (yaml: string) => string): Promise<string> {
  const dir = join(tempDir('served'), name);
  await makeMember({ dir, org: name, units: ['office'] });
  if (edit) {
    const file = join(dir, 'templates/checklist-2026.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    g(dir, ['commit', '-qam', 'checklist edited']);
  }
  return dir;
}

beforeAll(async () => {
  const [east, north, west, bad] = await Promise.all([
    member('east'),
    member('north'),
    // another target: another checklist to compare with
    member('west', (y) => y.replace('target: { sum: 150, measure: 学时 }', 'target: { sum: 120, measure: 学时 }')),
    // YAML and the model accept it; the template checks do not (the areas' points do not add up to it)
    member('bad', (y) => y.replace(/^total: 100$/m, 'total: 90')),
  ]);
  umbrella = makeUmbrella([
    { id: 'east', name: 'east', url: east },
    { id: 'north', name: 'north', url: north },
    { id: 'west', name: 'west', url: west },
    { id: 'bad', name: 'bad', url: bad },
  ]);
  const f = await qd(['rollup', 'fetch', '--no-commit'], { cwd: umbrella, timeout: 60_000 });
  expect(f.code, f.stderr).toBe(0);
}, 120_000);

describe('rollup: members\' templates kept by their blobs', () => {
  it('keeps each set of clean templates once, never a faulty one, and reports the same from what it kept', async () => {
    const first = await report();
    const v = JSON.parse(first) as { ranking: Array<{ id: string }>; unverified: Array<{ id: string; reason: string; detail: string }>; checklists: Array<{ title: string; members: string[] }> };
    expect(v.ranking.map((m) => m.id).sort()).toEqual(['east', 'north', 'west']);
    expect(v.unverified).toMatchObject([{ id: 'bad', reason: 'check', detail: expect.stringContaining('templates/checklist-2026.yaml') }]);
    expect(v.checklists.map((c) => c.members.sort())).toEqual([['east', 'north'], ['west']]);
    // east and north share one entry (their settings name other offices, their templates are the same), west has its own, bad none
    expect(entries(TEMPLATES)).toHaveLength(2);

    // judged again from what was kept: the same report, bad's fault still found
    expect(await report()).toBe(first);
    expect(entries(TEMPLATES)).toHaveLength(2);
  }, 120_000);

  it('a damaged entry of a member\'s settings is parsed again and written anew', async () => {
    const before = await report();
    // the members' settings (each names its office), not the umbrella's own (settings-….json)
    const kept = entries('{"org":"').filter((f) => !f.startsWith('settings-'));
    expect(kept.length).toBeGreaterThanOrEqual(4);
    for (const f of kept) writeFileSync(join(cacheDir(), f), '{"paths":{"templates":1}}');
    expect(await report()).toBe(before);
    expect(entries('{"paths"')).toHaveLength(0);
  }, 120_000);

  it('a damaged entry is parsed again and written anew', async () => {
    const kept = entries(TEMPLATES);
    expect(kept).toHaveLength(2);
    for (const f of kept) writeFileSync(join(cacheDir(), f), '{"org":{"file":"templates/org.yaml","value":1},"checklists":[]}');
    const again = await report();
    expect(JSON.parse(again).ranking).toHaveLength(3);
    expect(entries('{"org":{"file":"templates/org.yaml","value":{')).toHaveLength(2);
  }, 120_000);
});
