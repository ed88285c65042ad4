/**
 * Dates are calendar dates, never instants (docs/scoring.md): the built CLI must print the same
 * bytes whatever the machine's time zone — UTC+14 (Pacific/Kiritimati), UTC−12 (Etc/GMT+12), and
 * America/Santiago, whose DST changes happen at midnight (the day of the change has no 00:00).
 * Runs `node dist/qingdan.js` on the example data repository at the project root; `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/core/dates.js';
import { run } from './helpers.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/qingdan.js', import.meta.url));
const ARGS = [CLI, 'report', 'annual', '--format', 'json', '--as-of', '2026-11-27'];
const ZONES = ['Pacific/Kiritimati', 'Etc/GMT+12', 'America/Santiago'];

async function annual(tz?: string): Promise<string> {
  const env = { ...process.env };
  if (tz === undefined) delete env.TZ;
  else env.TZ = tz;
  const { stdout } = await exec(process.execPath, ARGS, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

describe('the built CLI, report annual --as-of 2026-11-27 on the example repository', () => {
  let outputs: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/qingdan.js is missing: run `npm run build` first');
    const [first, second, ...zoned] = await Promise.all([annual(), annual(), ...ZONES.map((z) => annual(z))]);
    outputs = { first: first!, second: second! };
    ZONES.forEach((z, i) => (outputs[z] = zoned[i]!));
  }, 120_000);

  it('prints a non-empty JSON document', () => {
    expect(outputs.first!.length).toBeGreaterThan(1000);
    expect(() => JSON.parse(outputs.first!)).not.toThrow();
  });

  it('the same --as-of twice gives identical bytes', () => {
    expect(outputs.second).toBe(outputs.first);
  });

  it.each(ZONES)('TZ=%s gives byte-identical output', (zone) => {
    expect(outputs[zone]).toBe(outputs.first);
  });

  it('has units[].{id,name,score,max,rank,areas[].{id,name,score,max},overdue,accountability}', () => {
    const rep = JSON.parse(outputs.first!) as { kind: string; asOf: string; units: Record<string, unknown>[] };
    expect(rep.kind).toBe('annual');
    expect(rep.asOf).toBe('2026-11-27');
    expect(rep.units.length).toBeGreaterThan(0);
    for (const u of rep.units) {
      expect(typeof u.id).toBe('string');
      expect(typeof u.name).toBe('string');
      expect(typeof u.score).toBe('number');
      expect(typeof u.max).toBe('number');
      expect(Number.isInteger(u.rank)).toBe(true);
      expect(Number.isInteger(u.overdue)).toBe(true);
      expect(u.accountability === null || ['reminder', 'admonish', 'disqualify'].includes(u.accountability as string)).toBe(true);
      const areas = u.areas as Record<string, unknown>[];
      expect(areas.length).toBeGreaterThan(0);
      for (const a of areas) {
        expect(typeof a.id).toBe('string');
        expect(typeof a.name).toBe('string');
        expect(typeof a.score).toBe('number');
        expect(typeof a.max).toBe('number');
      }
    }
  });

  it("each unit's areas add up to its score and maximum, and its percent is score ÷ year-to-date maximum", () => {
    type U = { id: string; score: number; max: number; ytdMax: number; percent: number; areas: { score: number; max: number; ytdMax: number }[] };
    const rep = JSON.parse(outputs.first!) as { units: U[] };
    for (const u of rep.units) {
      expect(Math.abs(u.areas.reduce((s, a) => s + a.score, 0) - u.score), u.id).toBeLessThanOrEqual(0.01);
      expect(Math.abs(u.areas.reduce((s, a) => s + a.max, 0) - u.max), u.id).toBeLessThanOrEqual(0.01);
      expect(Math.abs(u.areas.reduce((s, a) => s + a.ytdMax, 0) - u.ytdMax), u.id).toBeLessThanOrEqual(0.01);
      // the unit's score is the areas' sum by construction; the percent is computed separately
      expect(Math.abs(u.percent - (u.score / u.ytdMax) * 100), u.id).toBeLessThanOrEqual(0.06);
    }
  });

  it('ranks: 1 for the best percent, equal percents share a rank', () => {
    const rep = JSON.parse(outputs.first!) as { units: { percent: number; rank: number }[] };
    for (const u of rep.units) expect(u.rank).toBe(1 + rep.units.filter((o) => o.percent > u.percent).length);
  });
});

describe('calendar arithmetic in-process under other zones', () => {
  const saved = process.env.TZ;
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each([...ZONES, 'Europe/London', 'Australia/Lord_Howe', 'UTC'])('TZ=%s: days around DST changes and year ends', (zone) => {
    process.env.TZ = zone;
    // Chile: DST starts 2026-09-06 at 00:00 and ends 2026-04-05; Europe: 2026-03-29 and 2026-10-25
    expect(addDays('2026-09-05', 1)).toBe('2026-09-06');
    expect(addDays('2026-09-06', 1)).toBe('2026-09-07');
    expect(addDays('2026-04-04', 1)).toBe('2026-04-05');
    expect(addDays('2026-04-05', -1)).toBe('2026-04-04');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 5)).toBe('2027-01-05');
    expect(daysBetween('2026-09-01', '2026-09-30')).toBe(29);
    expect(daysBetween('2026-04-01', '2026-04-30')).toBe(29);
    expect(daysBetween('2026-03-01', '2026-10-31')).toBe(244); // 30+30+31+30+31+31+30+31 = 244
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it.each(ZONES)('TZ=%s: statuses and pacing do not move', (zone) => {
    process.env.TZ = zone;
    const r = run(
      {
        items: [
          { id: 'M', title: 'm', level: 'direct', cadence: 'monthly', deadline: { days_after_period_end: 5 }, weight: 12 },
          { id: 'H', title: 'h', level: 'direct', cadence: 'yearly', target: { sum: 150, measure: '学时' }, weight: 1 },
        ],
        lines: ['2026-09-05 u1 M "Aug, last grace day"', '2026-09-06 u1 M "Sep"', '2026-03-01 u1 H 70h "h"'],
      },
      '2026-09-06',
    );
    expect(r.at('M', 'unit:u1', '2026-08').p.status).toBe('met');
    expect(r.at('M', 'unit:u1', '2026-09').p.status).toBe('met');
    // 6 September is day 249 of 365: 150 × 249 ÷ 365 = 102.33, written 102
    expect(r.at('H', 'unit:u1', '2026').p.pace).toEqual({ expected: 102, done: 70, behind: true });
  });
});
