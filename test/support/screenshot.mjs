#!/usr/bin/env node
/**
 * Headless Chromium for the HTML reports, through Chromium's own command line (no Playwright):
 * dump the DOM, list the requests a page makes, take a screenshot, read a PNG back. Used by
 * test/e2e/reports/html.test.ts, and run on its own it makes the README's pictures from the example
 * (a copy outside git, as of 2026-11-27): the annual report on screen, and the first printed A4
 * page of the annual and quarterly reports (Chromium's PDF, turned into PNG by poppler's pdftoppm):
 *
 *   npm run build && node test/support/screenshot.mjs [OUT.png]     (default docs/images/annual-report.png)
 *   npm run build && node test/support/screenshot.mjs --pages [DIR]  (default docs/images)
 *
 * CHROMIUM=/path/to/chromium overrides /usr/bin/chromium.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SIZE = { width: 900, height: 3050 };
export const MAX_PNG_BYTES = 600 * 1024;

/** Throws a clear error when Chromium is missing: the HTML tests must fail, not skip. */
export function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the HTML report tests render the pages in headless Chromium. ` +
        'Install it (Debian: apt-get install chromium; .ci/run does) or set CHROMIUM=/path/to/chromium.',
    );
  }
}

/** Runs headless Chromium with a throw-away profile; returns its exit status and output. */
export function chromium(args, { timeout = 60_000 } = {}) {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'qingdan-chromium-'));
  try {
    const r = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page's DOM after loading, serialised. */
export function dumpDom(htmlFile) {
  const r = chromium(['--dump-dom', pathToFileURL(htmlFile).href]);
  if (r.status !== 0 || !r.stdout.includes('</html>')) throw new Error(`chromium --dump-dom failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

// requests Chromium makes on its own (clock, updates, accounts), whatever the page
const BROWSER_OWN = /^https?:\/\/([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)\//;

/**
 * What loading the page asks for, from Chromium's verbose log: every network request
 * ("NotifyBeforeURLRequest") and every file read ("FileURLLoader::Start"), less the page itself
 * and the browser's own requests; and the net::ERR lines not about the browser's own requests.
 * (At --v=0 Chromium logs nothing about a page's failed loads, so the log is read at --v=1.)
 */
export function pageRequests(htmlFile) {
  const page = pathToFileURL(htmlFile).href;
  const r = chromium(['--enable-logging=stderr', '--v=1', '--dump-dom', page]);
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const requests = [];
  const errors = [];
  for (const line of r.stderr.split('\n')) {
    const m = /(?:NotifyBeforeURLRequest|FileURLLoader::Start): (\S+)/.exec(line);
    if (m && m[1] !== page && !BROWSER_OWN.test(m[1])) requests.push(m[1]);
    if (/net::ERR_/.test(line) && !/gaia|google_apis/.test(line)) errors.push(line);
  }
  return { requests, errors, loaded: r.stderr.includes(`FileURLLoader::Start: ${page}`) };
}

/** A screenshot of the top of the page, `width` × `height` CSS pixels. */
export function screenshot(htmlFile, pngFile, { width = SIZE.width, height = SIZE.height } = {}) {
  const r = chromium(['--hide-scrollbars', '--force-device-scale-factor=1', `--window-size=${width},${height}`, `--screenshot=${pngFile}`, pathToFileURL(htmlFile).href]);
  if (r.status !== 0 || !existsSync(pngFile)) throw new Error(`chromium --screenshot failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return pngFile;
}

/** Prints the page to PDF as Chromium's print dialog would on A4 (the page's own @page rules). */
export function printToPdf(htmlFile, pdfFile) {
  const r = chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href]);
  if (r.status !== 0 || !existsSync(pdfFile)) throw new Error(`chromium --print-to-pdf failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return pdfFile;
}

/** Throws a clear error when poppler's pdftotext and pdftoppm are missing (tests fail, not skip). */
export function requirePoppler() {
  for (const tool of ['pdftotext', 'pdftoppm']) {
    if (spawnSync(tool, ['-v']).error) throw new Error(`${tool} is not installed: the PDF tests read printed pages with poppler (Debian: apt-get install poppler-utils; .ci/run does)`);
  }
}

/** The text on the PDF's pages (only what is on paper: text off a page's edge is not there), laid out. */
export function pdfText(pdfFile) {
  requirePoppler();
  return execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** How many pages the PDF has. */
export function pdfPages(pdfFile) {
  return pdfText(pdfFile).split('\f').filter((p) => p.trim() !== '').length;
}

/** The first page of a PDF as a PNG, `dpi` dots per inch. */
export function firstPagePng(pdfFile, pngFile, dpi = 80) {
  requirePoppler();
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), '-png', '-singlefile', pdfFile, pngFile.replace(/\.png$/, '')]);
  return pngFile;
}

/** Decodes an 8-bit, non-interlaced PNG (what Chromium writes) into RGBA pixels. */
export function decodePng(buf) {
  if (!buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let bitDepth = 0;
  let interlace = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colorType = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (bitDepth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const [r, g, b, alpha] =
      channels === 4 ? [out[s], out[s + 1], out[s + 2], out[s + 3]] : channels === 3 ? [out[s], out[s + 1], out[s + 2], 255] : channels === 2 ? [out[s], out[s], out[s], out[s + 1]] : [out[s], out[s], out[s], 255];
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = g;
    rgba[i * 4 + 2] = b;
    rgba[i * 4 + 3] = alpha;
  }
  return { width, height, rgba };
}

/** How many pixels have exactly the colour `#rrggbb`. */
export function countColor(img, hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < img.rgba.length; i += 4) if (img.rgba[i] === r && img.rgba[i + 1] === g && img.rgba[i + 2] === b) n++;
  return n;
}

const PERIOD = { annual: ['--year', '2026'], quarterly: ['--quarter', '2026-Q3'], monthly: ['--month', '2026-10'] };

/** A report of the example as HTML, made with the built CLI in a copy outside git. */
export function reportHtml(kind, outFile, { asOf = '2026-11-27' } = {}) {
  const cli = join(ROOT, 'dist', 'qingdan.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const repo = mkdtempSync(join(tmpdir(), 'qingdan-example-'));
  try {
    for (const f of ['qingdan.yaml', 'templates', 'ledgers']) cpSync(join(ROOT, f), join(repo, f), { recursive: true });
    execFileSync(process.execPath, [cli, '-C', repo, 'report', kind, ...PERIOD[kind], '--as-of', asOf, '--format', 'html', '--out', outFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  return outFile;
}

/** The annual report of the example as HTML. */
export function annualHtml(outFile, options) {
  return reportHtml('annual', outFile, options);
}

/** The first printed A4 page of the annual and quarterly reports, for the README. */
export const PAGE_IMAGES = { annual: 'annual-page-1.png', quarterly: 'quarterly-page-1.png' };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(join(tmpdir(), 'qingdan-shot-'));
  try {
    if (process.argv[2] === '--pages') {
      // node test/support/screenshot.mjs --pages [DIR]   (default docs/images)
      const dir = resolve(process.argv[3] ?? join(ROOT, 'docs', 'images'));
      for (const [kind, name] of Object.entries(PAGE_IMAGES)) {
        const pdf = printToPdf(reportHtml(kind, join(work, `${kind}.html`)), join(work, `${kind}.pdf`));
        const png = firstPagePng(pdf, join(dir, name));
        console.log(`${png}: ${Math.round(statSync(png).size / 1024)} KB`);
      }
    } else {
      const png = resolve(process.argv[2] ?? join(ROOT, 'docs', 'images', 'annual-report.png'));
      const html = annualHtml(join(work, 'annual.html'));
      const tmpPng = join(work, 'annual.png');
      screenshot(html, tmpPng);
      const bytes = statSync(tmpPng).size;
      if (bytes > MAX_PNG_BYTES) throw new Error(`the screenshot is ${bytes} bytes, more than ${MAX_PNG_BYTES}`);
      cpSync(tmpPng, png);
      const { width, height } = decodePng(readFileSync(png));
      console.log(`${png}: ${width}×${height}, ${Math.round(bytes / 1024)} KB`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
