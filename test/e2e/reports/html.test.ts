/**
 * The HTML reports in a real browser: the annual and monthly pages of the example opened in
 * headless Chromium (/usr/bin/chromium, through its command line: see test/support/screenshot.mjs).
 * The DOM has the inline SVG charts — one bar per unit, one point per month — the page asks for
 * nothing (no request, failed or not), and a screenshot shows the bars in their colours.
 *
 * Chromium is required: without it these tests fail with a message saying so (CI installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AS_OF, ROOT, appendLedger, copyExample, run } from '../../support/example.js';
import {
  MAX_PNG_BYTES,
  PAGE_IMAGES,
  SIZE,
  countColor,
  decodePng,
  dumpDom,
  firstPagePng,
  pageRequests,
  pdfText,
  printToPdf,
  requireChromium,
  screenshot,
} from '../../support/screenshot.mjs';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DOC_IMAGE = join(ROOT, 'docs', 'images', 'annual-report.png');
const COLOR = { good: '#1a7f37', warn: '#9a6700', bad: '#cf222e', line: '#b4232a' };

let dir: string;
let cleanup: () => void;
type Kind = 'annual' | 'monthly' | 'quarterly';
interface Json {
  units?: { name: string; percent: number; rank: number; id: string }[];
  trend: unknown[];
  areas?: { id: string; name: string }[];
  accountability?: { missed: { item: string; period: string }[] }[];
}
const html: Record<Kind, { file: string; text: string; json: Json }> = {} as never;

beforeAll(async () => {
  ({ dir, cleanup } = copyExample('qingdan-html-'));
  for (const [kind, period] of [['annual', ['--year', '2026']], ['monthly', ['--month', '2026-10']], ['quarterly', ['--quarter', '2026-Q3']]] as const) {
    const file = join(dir, `${kind}.html`);
    const common = ['report', kind, ...period, '--as-of', AS_OF];
    const r = await run(dir, [...common, '--out', `${kind}.html`]);
    expect(r.code).toBe(0);
    const j = await run(dir, [...common, '--format', 'json']);
    html[kind] = { file, text: readFileSync(file, 'utf8'), json: JSON.parse(j.stdout) };
  }
});
afterAll(() => cleanup?.());

const probed = new Map<string, Record<string, unknown>>();
/** Runs a copy of the page with a probe script that reads the DOM and writes it into the DOM. */
function probe(file: string): Record<string, unknown> {
  let p = probed.get(file);
  if (!p) probed.set(file, (p = runProbe(file)));
  return p;
}

function runProbe(file: string): Record<string, unknown> {
  const script = `<script>(() => {
    const q = (s) => [...document.querySelectorAll(s)];
    const svg = (s) => document.querySelector(s);
    const data = {
      bars: q('svg.chart-bars rect.bar').map((r) => ({ width: r.getBBox().width, fill: r.getAttribute('fill') })),
      labels: q('svg.chart-bars text[text-anchor="end"]').map((t) => t.textContent),
      barsNs: svg('svg.chart-bars')?.namespaceURI ?? null,
      points: q('svg.chart-trend circle').length,
      trendNs: svg('svg.chart-trend')?.namespaceURI ?? null,
      trendBox: svg('svg.chart-trend')?.getBoundingClientRect().width ?? 0,
      polyline: svg('svg.chart-trend polyline')?.points.numberOfItems ?? 0,
      charset: document.characterSet,
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelector('h1')?.textContent,
      tables: q('table').length,
      images: document.images.length,
      scripts: document.scripts.length - 1,
      sheets: document.styleSheets.length,
      links: q('link').length,
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      innerWidth,
      dates: q('td').filter((td) => /^\\d{4}-\\d{2}-\\d{2}$/.test(td.textContent)).length,
      brokenDates: q('td')
        .filter((td) => /^\\d{4}-\\d{2}-\\d{2}$/.test(td.textContent))
        .filter((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return range.getClientRects().length > 1;
        })
        .map((td) => td.textContent),
    };
    const pre = document.createElement('pre');
    pre.id = 'probe';
    pre.textContent = JSON.stringify(data);
    document.body.append(pre);
  })();</script>`;
  const copy = file.replace(/\.html$/, '.probe.html');
  writeFileSync(copy, readFileSync(file, 'utf8').replace('</body>', `${script}\n</body>`));
  const dom = dumpDom(copy);
  const m = /<pre id="probe">([^<]*)<\/pre>/.exec(dom);
  expect(m, 'the probe ran').not.toBeNull();
  return JSON.parse(m![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&'));
}

describe('static: a self-contained page', () => {
  for (const kind of ['annual', 'monthly', 'quarterly'] as const) {
    it(`${kind}: no script, stylesheet link, image or frame; no http(s) URL but the SVG namespace`, () => {
      const text = html[kind].text;
      expect(text.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
      expect(text).toContain('<meta charset="utf-8">');
      expect(text).not.toMatch(/<(script|link|img|iframe|frame|object|embed|video|audio|source|base)\b/i);
      expect(text).not.toMatch(/\s(src|href|xlink:href|srcset|action|poster|data)\s*=/i);
      expect(text).not.toMatch(/url\(|@import|@font-face/i);
      const urls = text.match(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]*/gi) ?? [];
      expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    });
  }
});

describe('in headless Chromium', () => {
  it('Chromium is installed (the HTML tests need it; CI installs it)', () => {
    requireChromium();
  });

  it('annual: the DOM has svg.chart-bars with one rect.bar per unit, in rank order, sized by percent', () => {
    const dom = dumpDom(html.annual.file);
    const units = html.annual.json.units!;
    expect(units).toHaveLength(11);
    expect(dom.match(/<svg class="chart chart-bars"/g)).toHaveLength(1);
    expect(dom.match(/<rect class="bar"/g)).toHaveLength(units.length);
    expect(dom.match(/<svg class="chart chart-trend"/g)).toHaveLength(1);
    expect(dom.match(/<circle class="point"/g)).toHaveLength(html.annual.json.trend.length);

    const p = probe(html.annual.file);
    expect(p.barsNs).toBe('http://www.w3.org/2000/svg');
    expect(p.trendNs).toBe('http://www.w3.org/2000/svg');
    // equal ranks in the organisation's order (units as in the JSON)
    const ranked = [...units].sort((a, b) => a.rank - b.rank);
    expect(p.labels).toEqual(ranked.map((u) => u.name));
    const bars = p.bars as { width: number; fill: string }[];
    bars.forEach((b, i) => {
      const u = ranked[i]!;
      expect(b.width, u.name).toBeCloseTo((470 * u.percent) / 100, 0);
      expect(b.fill, u.name).toBe(u.percent >= 90 ? COLOR.good : u.percent >= 70 ? COLOR.warn : COLOR.bad);
    });
  });

  it('annual: one trend point per month from January to November; the page fits the window', () => {
    const p = probe(html.annual.file);
    expect(html.annual.json.trend).toHaveLength(11);
    expect(p.points).toBe(11);
    expect(p.polyline).toBe(11);
    expect(p.trendBox).toBeGreaterThan(500);
    expect(p.charset).toBe('UTF-8');
    expect(p.lang).toBe('zh-CN');
    expect(p.title).toBe('一年一总结 · 2026年度党建责任清单考核');
    expect(p.h1).toBe(p.title);
    expect(p.tables).toBe(7);
    expect([p.images, p.scripts, p.links]).toEqual([0, 0, 0]);
    expect(p.sheets).toBe(1);
    // nothing sticks out sideways at the screenshot's width
    expect(p.scrollWidth).toBeLessThanOrEqual(p.innerWidth as number);
  });

  it('monthly: the trend (January to October), no bar chart', () => {
    const dom = dumpDom(html.monthly.file);
    expect(dom).toContain('<svg class="chart chart-trend"');
    expect(dom).not.toContain('chart-bars');
    const p = probe(html.monthly.file);
    expect(html.monthly.json.trend).toHaveLength(10);
    expect(p.points).toBe(10);
    expect(p.bars).toEqual([]);
    expect(p.title).toBe('一月一汇报 · 2026年10月党建责任清单完成情况');
    expect(p.scrollWidth).toBeLessThanOrEqual(p.innerWidth as number);
  });

  // regression test of a bug found and fixed in review
  it('monthly: no date is broken across two lines', () => {
    const p = probe(html.monthly.file);
    // the digest's deadlines: 28 overdue and 12 due next month
    expect(p.dates as number).toBeGreaterThanOrEqual(40);
    expect(p.brokenDates).toEqual([]);
  });

  it('quarterly: the DOM has svg.chart-bars with one bar per unit, in rank order, like the annual summary', () => {
    const p = probe(html.quarterly.file);
    const units = html.quarterly.json.units!;
    expect(units).toHaveLength(11);
    expect(p.barsNs).toBe('http://www.w3.org/2000/svg');
    expect(p.labels).toEqual([...units].sort((a, b) => a.rank - b.rank).map((u) => u.name));
    expect((p.bars as unknown[]).length).toBe(11);
    expect(p.scrollWidth).toBeLessThanOrEqual(p.innerWidth as number);
  });

  for (const kind of ['annual', 'monthly', 'quarterly'] as const) {
    it(`${kind}: loading the page makes no request at all, so none fails`, () => {
      const r = pageRequests(html[kind].file);
      expect(r.loaded, 'the log shows the page itself being read').toBe(true);
      expect(r.requests).toEqual([]);
      expect(r.errors).toEqual([]);
    });
  }

  it('the request check does see what a bad page asks for (it is not vacuous)', () => {
    const bad = join(dir, 'bad.html');
    writeFileSync(bad, '<!doctype html><html><body><img src="http://127.0.0.1:9/x.png"><img src="missing.png"><p>x</p></body></html>');
    const r = pageRequests(bad);
    expect(r.requests).toContain('http://127.0.0.1:9/x.png');
    expect(r.requests.some((u) => u.endsWith('/missing.png'))).toBe(true);
  });

  it(`annual: a ${SIZE.width}×${SIZE.height} screenshot shows the bars in their colours, under ${MAX_PNG_BYTES / 1024} KB`, () => {
    const png = join(dir, 'annual.png');
    screenshot(html.annual.file, png);
    const bytes = statSync(png).size;
    expect(bytes).toBeLessThanOrEqual(MAX_PNG_BYTES);
    const img = decodePng(readFileSync(png));
    expect([img.width, img.height]).toEqual([SIZE.width, SIZE.height]);
    const units = html.annual.json.units!;
    const tones = { good: units.filter((u) => u.percent >= 90).length, warn: units.filter((u) => u.percent >= 70 && u.percent < 90).length, bad: units.filter((u) => u.percent < 70).length };
    // each bar is ~14 px high and at least ~300 px long; its colour fills it
    for (const tone of ['good', 'warn', 'bad'] as const) {
      if (tones[tone] > 0) expect(countColor(img, COLOR[tone]), tone).toBeGreaterThan(tones[tone] * 2500);
    }
    // the red rules under the headings and the trend line
    expect(countColor(img, COLOR.line)).toBeGreaterThan(3000);
    if (UPDATE) writeFileSync(DOC_IMAGE, readFileSync(png));
  });

  it('screenshot.mjs, run as a script, makes the README picture (into a temporary file here)', () => {
    const out = join(dir, 'readme.png');
    const stdout = execFileSync(process.execPath, [join(ROOT, 'test', 'support', 'screenshot.mjs'), out], { encoding: 'utf8' });
    expect(stdout).toContain(`${SIZE.width}×${SIZE.height}`);
    const img = decodePng(readFileSync(out));
    expect([img.width, img.height]).toEqual([SIZE.width, SIZE.height]);
    expect(countColor(img, COLOR.good)).toBeGreaterThan(2500);
  });

  it(`docs/images/annual-report.png is there, ${SIZE.width}×${SIZE.height}, at most ${MAX_PNG_BYTES / 1024} KB`, () => {
    expect(existsSync(DOC_IMAGE), 'make it with: npm run build && node test/support/screenshot.mjs').toBe(true);
    expect(statSync(DOC_IMAGE).size).toBeLessThanOrEqual(MAX_PNG_BYTES);
    const img = decodePng(readFileSync(DOC_IMAGE));
    expect([img.width, img.height]).toEqual([SIZE.width, SIZE.height]);
  });
});

describe('printed on A4 (Chromium prints to PDF, poppler reads the text on the paper back)', () => {
  const printed = new Map<Kind, string>();
  const textOf = (kind: Kind) => {
    let t = printed.get(kind);
    if (t === undefined) printed.set(kind, (t = pdfText(printToPdf(html[kind].file, join(dir, `${kind}.pdf`)))));
    return t;
  };

  it('quarterly: every section is on paper in every table of the register', () => {
    const text = textOf('quarterly');
    const areas = html.quarterly.json.areas!;
    const units = html.quarterly.json.units!;
    expect(areas.length).toBeGreaterThanOrEqual(5);
    // the text of each area's register: from its heading to the next heading
    const starts = areas.map((a) => text.indexOf(`${a.id} ${a.name}`));
    expect(starts.every((s) => s > 0), 'every area heading is printed').toBe(true);
    const end = text.indexOf('党委及个人清单项', starts[starts.length - 1]);
    expect(end).toBeGreaterThan(0);
    areas.forEach((a, i) => {
      const register = text.slice(starts[i], starts[i + 1] ?? end);
      for (const u of units) expect(register, `${u.name} in the register of ${a.id}`).toContain(u.name);
    });
  });

  it('annual: every column of the ranking is on paper, and every missed obligation in the reasons', () => {
    const text = textOf('annual');
    for (const label of ['名次', '科室', '得分', '应得分', '得分率', '预计全年', '满分', '等次', '计入年度考核', '逾期', '责任追究']) expect(text).toContain(label);
    expect(text).toContain('满分为科室清单项的分值合计（71 分）');
    // the accountability reasons name every missed period of every unit (nothing cut off with …)
    const section = text.slice(text.lastIndexOf('责任追究（'));
    const flat = section.replace(/\s+/g, '');
    for (const a of html.annual.json.accountability!) for (const m of a.missed) expect(flat).toContain(m.period);
    expect(html.annual.text).not.toContain(' …');
  });

  it(`the README's first pages (docs/images/${PAGE_IMAGES.annual}, ${PAGE_IMAGES.quarterly}) are A4 pages of these reports`, () => {
    for (const kind of ['annual', 'quarterly'] as const) {
      textOf(kind);
      const png = firstPagePng(join(dir, `${kind}.pdf`), join(dir, `${kind}-1.png`));
      const made = decodePng(readFileSync(png));
      // A4 (210 × 297 mm) at 80 dpi
      expect([made.width, made.height]).toEqual([662, 936]);
      const doc = join(ROOT, 'docs', 'images', PAGE_IMAGES[kind]);
      if (UPDATE) writeFileSync(doc, readFileSync(png));
      expect(existsSync(doc), 'make them with: npm run build && node test/support/screenshot.mjs --pages').toBe(true);
      const kept = decodePng(readFileSync(doc));
      expect([kept.width, kept.height]).toEqual([made.width, made.height]);
      expect(countColor(kept, COLOR.good)).toBeGreaterThan(5000);
    }
  });
});

describe('ledger text is escaped', () => {
  let hostile: string;
  let done: () => void;
  beforeAll(() => {
    ({ dir: hostile, cleanup: done } = copyExample('qingdan-escape-'));
    appendLedger(hostile, 'office.ledger', [
      '2026-10-27 office T1.5 "<script>alert(\\"x\\")</script> & <b>bold</b>" by:maxiulan id:esc001',
      '2026-10-28 office T1.5 "a | b \\\\ c" by:maxiulan id:esc002',
    ]);
  });
  afterAll(() => done?.());

  const report = async (format: string) => {
    // the notes are in the full report, not in the digest
    const r = await run(hostile, ['report', 'monthly', '--month', '2026-10', '--unit', 'office', '--detail', '--as-of', AS_OF, '--format', format]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it('HTML: markup in a note is text, not markup', async () => {
    const text = await report('html');
    expect(text).toContain('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</td>');
    expect(text).not.toMatch(/<script|<b>/i);
  });

  it('Markdown: a pipe in a note does not break the table', async () => {
    const row = (await report('md')).split('\n').find((l) => l.includes('a \\| b'));
    expect(row, 'the row of the note').toBeDefined();
    // six cells: seven unescaped pipes
    expect(row!.match(/(?<!\\)\|/g)).toHaveLength(7);
    expect(row).toContain('a \\| b \\\\ c');
  });
});
