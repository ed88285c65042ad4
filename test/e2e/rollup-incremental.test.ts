/**
 * A member's history is audited once: after it records one more day, the roll-up audits only
 * the new commit (from the last commit that audited clean), and still finds a line copied from
 * long before, with the same verdict a full audit of the same history gives. A member that
 * rewrites its history after it was audited is caught, though the new history is clean in itself.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, g, qd, tempDir } from '../support/cli.js';
import { makeMember, makeUmbrella } from '../support/rollup.js';

interface RollupJson {
  ranking: Array<{ id: string }>;
  unverified: Array<{ id: string; reason: string; detail: string }>;
  provenance: Array<{ id: string; commit?: string; audit: string; auditCommits?: number; violations?: number }>;
}

let member: string;
let umbrella: string;
const office = () => join(member, 'ledgers/2026/office.ledger');
const append = (line: string, message: string) => {
  writeFileSync(office(), `${readFileSync(office(), 'utf8')}${line}\n`);
  g(member, ['commit', '-qam', message]);
};

/** `rollup fetch`, then the annual roll-up as JSON. */
async function fetchAndReport(umbrella: string): Promise<RollupJson> {
  const f = await qd(['rollup', 'fetch', '--no-commit'], { cwd: umbrella, timeout: 60_000 });
  expect(f.code, f.stderr).toBe(0);
  const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--json'], { cwd: umbrella, timeout: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RollupJson;
}

const provenance = (v: RollupJson) => v.provenance.find((p) => p.id === 'east')!;

beforeAll(async () => {
  member = join(tempDir('served'), 'east');
  await makeMember({ dir: member, org: '东区支行' });
}, 60_000);

describe('rollup: a member audited commit by commit', () => {
  it('a new clean day adds one audited commit; a later copy of an old line is still found, as a full audit finds it', async () => {
    umbrella = makeUmbrella([{ id: 'east', name: '东区支行', url: member }]);
    const first = await fetchAndReport(umbrella);
    expect(first.ranking.map((m) => m.id)).toEqual(['east']);
    const before = provenance(first).auditCommits!;
    expect(before).toBeGreaterThan(0);

    append('2026-11-25 office T1.1 1h id:inc001', 'one more day');
    const second = await fetchAndReport(umbrella);
    expect(second.ranking.map((m) => m.id)).toEqual(['east']);
    expect(provenance(second)).toMatchObject({ audit: 'clean', auditCommits: before + 1 });

    // a line recorded in the first commit, copied again now
    const old = readFileSync(office(), 'utf8')
      .split('\n')
      .find((l) => /^2026-0[1-3]-\d\d office .* id:/.test(l))!;
    append(old, 'copy an old line');
    const third = await fetchAndReport(umbrella);
    expect(third.ranking).toEqual([]);
    const why = third.unverified.find((u) => u.id === 'east')!;
    expect(why.reason).toBe('audit');
    expect(why.detail).toMatch(/^1: duplicated ledgers\/2026\/office\.ledger:\d+ \([0-9a-f]{12}\)$/);
    expect(provenance(third)).toMatchObject({ audit: 'violations', auditCommits: before + 2, violations: 1 });

    // a fresh umbrella, nothing cached, audits the whole history: the same verdict
    const fresh = await fetchAndReport(makeUmbrella([{ id: 'east', name: '东区支行', url: member }]));
    expect(fresh.unverified).toEqual(third.unverified);
    expect(provenance(fresh)).toMatchObject({ audit: 'violations', auditCommits: before + 2, violations: 1 });
  }, 180_000);

  it('a history rewritten after it was audited clean is unverified, until the umbrella drops what it cached', async () => {
    // back to before the last clean day, and another day recorded instead: clean in itself
    g(member, ['reset', '-q', '--hard', 'HEAD~2']);
    append('2026-11-25 office T1.1 2h id:inc002', 'another day instead');
    const v = await fetchAndReport(umbrella);
    expect(v.ranking).toEqual([]);
    const why = v.unverified.find((u) => u.id === 'east')!;
    expect(why.reason).toBe('audit');
    expect(why.detail).toMatch(/^1: rewritten: [0-9a-f]{12} → [0-9a-f]{12}$/);
    // what docs/rollup.md says to do once the member office has explained itself
    rmSync(join(umbrella, '.git/qingdan/cache'), { recursive: true, force: true });
    const after = await fetchAndReport(umbrella);
    expect(after.ranking.map((m) => m.id)).toEqual(['east']);
  }, 180_000);
});
