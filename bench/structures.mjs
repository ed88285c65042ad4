#!/usr/bin/env node
// `node bench/structures.mjs`: qingdan's two hand-rolled structures against the built-ins that
// would replace them, each measurement in a fresh Node.js process, alternatives interleaved,
// medians printed as a table (docs/performance.md, "Built-ins against hand-rolled structures").
//
//   (a) entry ids: FirstById (open addressing, FNV-1a, typed-array index) against a Map<string,
//       line>, adding 1 000 000 or 100 000 fresh 6-character ids (sliced from one text, as the
//       ledger parser slices them) and looking each up again by another fresh copy; time, and the
//       memory the table holds (heap and external);
//   (b) id order: byItemId/byId written out in JavaScript against one Intl.Collator ('en', numeric
//       for item ids), sorting the example's 30 item ids and 11 unit ids once in a fresh process
//       (what one command does, the collator's creation included) and 10 000 times, and sorting
//       100 000 generated item ids.
//
// The hand-rolled versions are src/core/first-by-id.ts and the written-out src/core/order.ts of
// the working tree, or, should they be replaced one day, of git at HAND_ROLLED; esbuild compiles
// them into a temporary directory. The built-ins are written here as order.ts would write them.
// Before timing, the script checks that the collator's order, and that of the working tree's
// src/core/order.ts, is exactly the hand-rolled one.
//
//   RUNS=9 node bench/structures.mjs     more runs per measurement (default 7; 5 for a million)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HAND_ROLLED = 'fb6058a';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------- the workloads (used in children)

/** A deterministic generator (mulberry32), so that every process sees the same ids. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n 6-character ids in one text, one per 7 characters, as a ledger holds them. */
function idText(n, seed) {
  const rnd = random(seed);
  const abc = '0123456789abcdefghijklmnopqrstuvwxyz';
  const parts = new Array(n);
  for (let i = 0; i < n; i++) {
    let s = '';
    for (let k = 0; k < 6; k++) s += abc[Math.floor(rnd() * 36)];
    parts[i] = s;
  }
  return parts.join(' ');
}

/** The example's item ids (T1.1 … T5.7) and unit ids, from its templates, shuffled. */
function exampleIds() {
  const items = [...readFileSync(join(root, 'templates/checklist-2026.yaml'), 'utf8').matchAll(/^\s*- id: (\S+)/gm)].map((m) => m[1]);
  const units = [...readFileSync(join(root, 'templates/org.yaml'), 'utf8').matchAll(/^\s*- \{ id: ([^,]+), name: [^,]+, chief:/gm)].map((m) => m[1]);
  const rnd = random(7);
  const shuffle = (xs) => xs.map((x) => [rnd(), x]).sort((a, b) => a[0] - b[0]).map((p) => p[1]);
  return { items: shuffle(items), units: shuffle(units) };
}

/** n item-like ids: a letter or two, an area, a separator, a number; some leading zeros and case. */
function manyItemIds(n) {
  const rnd = random(11);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = `${pick(['T', 't', 'A', 'B', 'item', 'Q'])}${Math.floor(rnd() * 30)}${pick(['.', '.', '.', '-', '_'])}${rnd() < 0.05 ? '0' : ''}${Math.floor(rnd() * 200)}`;
  }
  return out;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Builds the built-in comparators exactly as src/core/order.ts does. */
function collators() {
  let items;
  let plain;
  const codeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    byItemId: (a, b) => (items ??= new Intl.Collator('en', { numeric: true })).compare(a, b) || codeUnits(a, b),
    byId: (a, b) => (plain ??= new Intl.Collator('en')).compare(a, b) || codeUnits(a, b),
  };
}

async function child(kind, n, dir) {
  // the heap and memory outside it (FirstById's Int32Array lives there)
  const heap = () => (globalThis.gc?.(), process.memoryUsage().heapUsed + process.memoryUsage().external);
  if (kind === 'FirstById' || kind === 'Map') {
    const { FirstById } = await import(pathToFileURL(join(dir, 'first-by-id.mjs')).href);
    const text = idText(n, 1);
    const again = idText(n, 1); // the same ids, other strings: what a void's target is
    const lines = new Array(n);
    for (let i = 0; i < n; i++) lines[i] = { kind: 'entry', file: 'x.ledger', line: i + 1, id: text.slice(i * 7, i * 7 + 6) };
    globalThis.kept = [lines, text, again];
    const before = heap();
    const t0 = now();
    const seen = kind === 'Map' ? new Map() : new FirstById(n);
    let dup = 0;
    if (kind === 'Map') {
      for (const l of lines) {
        const first = seen.get(l.id);
        if (first) dup++;
        else seen.set(l.id, l);
      }
    } else {
      for (const l of lines) if (seen.add(l)) dup++;
    }
    const t1 = now();
    let found = 0;
    for (let i = 0; i < n; i++) if (seen.get(again.slice(i * 7, i * 7 + 6))?.kind === 'entry') found++;
    const t2 = now();
    globalThis.kept = [seen, lines, text, again]; // alive while the heap is measured
    const mem = (heap() - before) / 2 ** 20;
    if (found !== n) throw new Error(`found ${found} of ${n}`);
    return { add: t1 - t0, get: t2 - t1, total: t2 - t0, mem, dup };
  }
  const { byItemId, byId } = kind === 'order.ts' ? await import(pathToFileURL(join(dir, 'order.mjs')).href) : collators();
  if (n === 0) {
    // once, cold: what one report does
    const { items, units } = exampleIds();
    const t0 = now();
    [...items].sort(byItemId);
    [...units].sort(byId);
    return { total: now() - t0 };
  }
  if (n === 10_000) {
    const { items, units } = exampleIds();
    const t0 = now();
    for (let r = 0; r < n; r++) {
      [...items].sort(byItemId);
      [...units].sort(byId);
    }
    return { total: now() - t0 };
  }
  const ids = manyItemIds(n);
  const t0 = now();
  ids.sort(byItemId);
  return { total: now() - t0 };
}

// ---------------------------------------------------------------- the parent

/** The source of a hand-rolled file: the working tree's while it holds it, else git's at HAND_ROLLED. */
function handRolled(path, marker) {
  const file = join(root, path);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    if (text.includes(marker)) return text;
  }
  return execFileSync('git', ['show', `${HAND_ROLLED}:${path}`], { cwd: root, encoding: 'utf8' });
}

async function parent() {
  const { transform } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-structures-'));
  try {
    const compile = async (source, out) =>
      writeFileSync(join(dir, out), (await transform(source, { loader: 'ts', format: 'esm', target: 'node20' })).code);
    await compile(handRolled('src/core/first-by-id.ts', 'class FirstById'), 'first-by-id.mjs');
    await compile(handRolled('src/core/order.ts', 'function primary'), 'order.mjs');
    await compile(readFileSync(join(root, 'src/core/order.ts'), 'utf8'), 'order-now.mjs');

    // the order must not change: golden reports depend on it
    const hand = await import(pathToFileURL(join(dir, 'order.mjs')).href);
    const nowOrder = await import(pathToFileURL(join(dir, 'order-now.mjs')).href);
    const intl = collators();
    const { items, units } = exampleIds();
    const same = (xs, a, b) => JSON.stringify([...xs].sort(a)) === JSON.stringify([...xs].sort(b));
    for (const [xs, key] of [[items, 'byItemId'], [units, 'byId'], [manyItemIds(100_000), 'byItemId'], [manyItemIds(20_000), 'byId']]) {
      if (!same(xs, hand[key], intl[key]) || !same(xs, hand[key], nowOrder[key])) throw new Error(`${key}: the orders differ`);
    }
    process.stderr.write(`orders agree (example ids, 100 000 item ids, 20 000 ids by byId)\n`);

    const runs = Number(process.env.RUNS ?? 7);
    const cases = [
      { what: 'entry ids, add + get', n: 1_000_000, kinds: ['FirstById', 'Map'], runs: Math.min(runs, 5) },
      { what: 'entry ids, add + get', n: 100_000, kinds: ['FirstById', 'Map'], runs },
      { what: '30 item + 11 unit ids, once, cold', n: 0, kinds: ['order.ts', 'Intl.Collator'], runs: runs * 3 },
      { what: '30 item + 11 unit ids, 10 000×', n: 10_000, kinds: ['order.ts', 'Intl.Collator'], runs },
      { what: '100 000 item ids, one sort', n: 100_000, kinds: ['order.ts', 'Intl.Collator'], runs },
    ];
    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const rows = [];
    for (const c of cases) {
      const results = Object.fromEntries(c.kinds.map((k) => [k, []]));
      for (let r = 0; r < c.runs; r++) {
        for (const k of r % 2 ? [...c.kinds].reverse() : c.kinds) {
          const p = spawnSync(process.execPath, ['--expose-gc', self, '--child', k, String(c.n), dir], { encoding: 'utf8' });
          if (p.status !== 0) throw new Error(p.stderr);
          results[k].push(JSON.parse(p.stdout));
        }
      }
      for (const k of c.kinds) {
        const m = (f) => median(results[k].map((x) => x[f]));
        rows.push({ what: c.what, n: c.n, kind: k, total: m('total'), add: results[k][0].add === undefined ? null : m('add'), get: results[k][0].get === undefined ? null : m('get'), mem: results[k][0].mem === undefined ? null : m('mem'), runs: c.runs });
      }
      process.stderr.write(`${c.what}${c.n >= 100_000 ? ` (${c.n.toLocaleString('en').replaceAll(',', ' ')})` : ''}: done\n`);
    }

    const ms = (x) => (x === null ? '' : x < 10 ? x.toFixed(2) : x.toFixed(0));
    console.log(`\nNode.js ${process.version}, ICU ${process.versions.icu}; medians of the runs, each in a fresh process\n`);
    console.log('| work | structure | total ms | add ms | get ms | memory MiB | runs |');
    console.log('|---|---|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      const what = r.n >= 100_000 && r.what.startsWith('entry') ? `${r.what}, ${r.n.toLocaleString('en').replaceAll(',', ' ')}` : r.what;
      console.log(`| ${what} | ${r.kind} | ${ms(r.total)} | ${ms(r.add)} | ${ms(r.get)} | ${r.mem === null ? '' : r.mem.toFixed(0)} | ${r.runs} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , kind, n, dir] = process.argv;
  process.stdout.write(JSON.stringify(await child(kind, Number(n), dir)));
} else {
  await parent();
}
