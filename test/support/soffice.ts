/**
 * LibreOffice Calc, headless, as the spreadsheet tests open files with it: Debian's
 * libreoffice-calc-nogui (.ci/run installs it), or SOFFICE=/path/to/soffice. Required: without it
 * these tests fail with a message saying so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const SOFFICE = process.env.SOFFICE || '/usr/bin/soffice';

function requireSoffice(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(`LibreOffice is not installed at ${SOFFICE}: these tests open the CSV and the workbook in LibreOffice Calc. Install it (Debian: apt-get install libreoffice-calc-nogui; .ci/run does) or set SOFFICE=/path/to/soffice.`);
  }
}

/** LibreOffice converts FILE to FORMAT in OUT (a throw-away profile); CSV filter options as given. */
export function convert(file: string, format: string, out: string, infilter?: string): string {
  requireSoffice();
  mkdirSync(out, { recursive: true });
  const profile = join(out, 'profile');
  const r = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', format, '--outdir', out, file],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const made = join(out, file.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${format.split(':')[0]}`));
  if (r.status !== 0 || !existsSync(made)) throw new Error(`soffice --convert-to ${format} failed (${r.status}): ${r.stderr}`);
  return made;
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
