/**
 * Evaluation by raters (述职评议, 民主测评; issue 14 rule 10) on the county fixture with one more
 * item, as sheets of 基层党建述职评议考核 weigh 上级评价 and 党员评议: Z1.5 述职评议, 2 points,
 * leaders (the secretary and the committee, named, at least 2) 50 %, members (anonymous ballots,
 * at least 3) 50 %. The area's points stay 34: 2 more scored here, 2 fewer elsewhere (29).
 * `report annual --year 2026` is evaluated on 2027-01-01.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../../support/example.js';

type Json = Record<string, any>;
const dir = mkdtempSync(join(tmpdir(), 'qingdan-ratings-'));
cpSync(join(ROOT, 'test', 'fixtures', 'sheets', 'county'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const checklist = join(dir, 'templates', 'checklist-2026.yaml');
writeFileSync(
  checklist,
  readFileSync(checklist, 'utf8').replace('elsewhere: 31', 'elsewhere: 29') +
    `      - id: Z1.5
        title: 述职评议
        level: first
        cadence: yearly
        weight: 2
        rating:
          groups:
            - { id: leaders, name: 上级评价, weight: 0.5, roles: [secretary, committee], min: 2 }
            - { id: members, name: 党员评议, weight: 0.5, anonymous: true, min: 3 }
`,
);
appendFileSync(
  join(dir, 'ledgers', '2026', 'townships.ledger'),
  [
    '; 甲乡：两位领导 90、80；三张党员票 好、较好、好（第2号票重复投了一次，只算第一次）',
    '2026-12-20 jia Z1.5 90 group:leaders rater:buzhang id:pj0001',
    '2026-12-20 jia Z1.5 80 group:leaders rater:fubuzhang id:pj0002',
    '2026-12-20 jia Z1.5 好 group:members ballot:1 id:pj0003',
    '2026-12-20 jia Z1.5 较好 group:members ballot:2 id:pj0004',
    '2026-12-20 jia Z1.5 差 group:members ballot:2 id:pj0005',
    '2026-12-20 jia Z1.5 好 group:members ballot:3 id:pj0006',
    '; 乙镇：领导一位打了两次分（只算第一次），只有这一位：上级评价不足2人，不计分',
    '2026-12-21 yi Z1.5 70 group:leaders rater:buzhang id:py0001',
    '2026-12-22 yi Z1.5 95 group:leaders rater:buzhang id:py0002',
    '2026-12-21 yi Z1.5 一般 group:members ballot:1 id:py0003',
    '2026-12-21 yi Z1.5 一般 group:members ballot:2 id:py0004',
    '2026-12-21 yi Z1.5 好 group:members ballot:3 id:py0005',
    '',
  ].join('\n'),
);

async function json(argv: string[]): Promise<Json> {
  const r = await run(dir, [...argv, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const unit = (r: Json, id: string) => r.units.find((u: Json) => u.id === id);

describe('ratings', () => {
  it('check is clean', async () => {
    expect((await run(dir, ['check', '--as-of', '2027-01-20'])).code).toBe(0);
  });

  it('annual 2026 by hand', async () => {
    const a = await json(['report', 'annual', '--year', '2026', '--as-of', '2027-01-20']);
    // 甲乡: leaders (90 + 80) ÷ 2 = 85; members (100 + 80 + 100) ÷ 3 = 93.33 (ballot 2 once);
    // 0.5 × 85 + 0.5 × 93.33 = 89.17 → 2 × 0.8917 = 1.78; with Z1.1 2 and Z1.4 1: 4.78 of 5 → 95.6 %
    expect(unit(a, 'jia')).toMatchObject({ score: 4.78, ytdMax: 5, percent: 95.6 });
    // 乙镇: one leader (buzhang's second line does not count), the group needs 2: Z1.5 is missed,
    // partial, 0 of 2; 1 − 1 + 0 + 0.5 + 0 = 0.5 of 5 → 10 %
    expect(unit(a, 'yi')).toMatchObject({ score: 0.5, ytdMax: 5, percent: 10 });
    expect(unit(a, 'yi').missed.map((m: Json) => `${m.item} ${m.status}`)).toContain('Z1.5 partial');
    // 丙乡: nobody rated it: overdue, 0 of 2
    expect(unit(a, 'bing').missed.map((m: Json) => `${m.item} ${m.status}`)).toContain('Z1.5 overdue');
  });

  it('before the ratings are in (as of 2026-12-01), the item is open and in no maximum', async () => {
    const a = await json(['report', 'annual', '--year', '2026', '--as-of', '2026-12-01']);
    expect(unit(a, 'jia').max).toBe(5);
    expect(unit(a, 'jia').missed).toEqual([]);
  });

  it('misuse is rating-invalid: a rater named in the anonymous group, a chief among the leaders, a grade on an item not rated', async () => {
    appendFileSync(
      join(dir, 'ledgers', '2026', 'townships.ledger'),
      ['2026-12-23 bing Z1.5 好 group:members rater:bingshuji id:pb0001', '2026-12-23 bing Z1.5 90 group:leaders rater:jiashuji id:pb0002', '2026-12-23 bing Z1.4 好 group:leaders rater:buzhang id:pb0003', ''].join('\n'),
    );
    const r = await run(dir, ['check', '--as-of', '2027-01-20', '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout).diagnostics as Json[]).map((d) => `${d.line} ${d.code}`)).toEqual(['29 rating-invalid', '30 rating-invalid', '31 rating-invalid']);
  });
});
