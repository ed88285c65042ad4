/**
 * The only code that touches the file system for reading a data repository: it finds the
 * repository (walking up as git does), then reads the settings, templates and ledgers as bytes.
 * Everything after this is a pure function of what it returns.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { QingdanError } from '../errors.js';

export interface RawFile {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  bytes: Uint8Array;
}

export const SETTINGS_FILE = 'qingdan.yaml';

export function findRoot(start: string): string {
  let dir = resolve(start);
  if (!existsSync(dir)) throw new QingdanError('unreadable', { file: start, reason: 'ENOENT' });
  for (;;) {
    if (existsSync(join(dir, SETTINGS_FILE)) || existsSync(join(dir, 'templates', 'org.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new QingdanError('not-a-repository', { dir: resolve(start) });
    dir = parent;
  }
}

export function readRaw(root: string, file: string): RawFile {
  try {
    return { file: toPosix(relative(root, join(root, file))), bytes: readFileSync(join(root, file)) };
  } catch (e) {
    throw new QingdanError('unreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

export function readSettingsFile(root: string): RawFile | undefined {
  return existsSync(join(root, SETTINGS_FILE)) ? readRaw(root, SETTINGS_FILE) : undefined;
}

/**
 * Refuses a folder of the settings (`paths.ledgers`, `paths.templates`) that is not inside the
 * repository: an absolute path, a `..` leading out, or a symbolic link (the folder, or a folder
 * above it) whose target is outside. A ledger must be a file of this repository, whose history
 * its git keeps; a folder that does not exist yet is judged by the part of it that does.
 */
export function refuseOutside(root: string, dir: string, setting: string): void {
  const refuse = (reason: string) => {
    throw new QingdanError('path-outside', { setting, value: dir, reason });
  };
  if (isAbsolute(dir) || /^[\\/]/.test(dir) || /^[A-Za-z]:/.test(dir)) refuse('absolute');
  const abs = resolve(root, dir);
  if (outside(relative(root, abs))) refuse('parent');
  // the nearest part of the path that is there (a link counts, even one that leads nowhere), resolved through any links
  let existing = abs;
  while (!lexists(existing) && existing !== root) existing = dirname(existing);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    return refuse('link'); // a link that leads nowhere: where it would lead cannot be known to be inside
  }
  if (outside(relative(realpathSync(root), real))) refuse('link');
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const outside = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);

/** The template files of a repository, relative to its root: the organisation and the checklists, by name. */
export interface TemplateFiles {
  org: string;
  checklists: string[];
}

export function findTemplateFiles(root: string, templatesDir: string): TemplateFiles {
  const org = toPosix(join(templatesDir, 'org.yaml'));
  if (!existsSync(join(root, org))) throw new QingdanError('missing-org', { file: org });
  const checklists = readdirSync(join(root, templatesDir))
    .filter((f) => /^checklist-.*\.ya?ml$/.test(f))
    .sort()
    .map((f) => toPosix(join(templatesDir, f)));
  if (checklists.length === 0) throw new QingdanError('missing-checklist', { dir: toPosix(templatesDir) });
  return { org, checklists };
}

/** Whether the templates folder holds an organisation file or a checklist at all (an umbrella may hold neither). */
export function hasTemplateFiles(root: string, templatesDir: string): boolean {
  if (lexists(join(root, templatesDir, 'org.yaml'))) return true;
  try {
    return readdirSync(join(root, templatesDir)).some((f) => /^checklist-.*\.ya?ml$/.test(f));
  } catch {
    return false;
  }
}

export function readTemplateFiles(root: string, files: TemplateFiles): { org: RawFile; checklists: RawFile[] } {
  return { org: readRaw(root, files.org), checklists: files.checklists.map((f) => readRaw(root, f)) };
}

/** The ledger files under `ledgersDir`, relative to the root, sorted. */
export function findLedgers(root: string, ledgersDir: string): string[] {
  return existsSync(join(root, ledgersDir)) ? walk(join(root, ledgersDir), '.ledger').map((abs) => toPosix(relative(root, abs))) : [];
}

/**
 * The ledgers' bytes, read one file at a time as the iteration asks for them, so that a large
 * repository never holds every ledger's bytes at once.
 */
export function readLedgers(root: string, files: readonly string[]): Iterable<RawFile> {
  return {
    *[Symbol.iterator]() {
      for (const f of files) yield readRaw(root, f);
    },
  };
}

/** Files ending in `suffix` under `dir`, sorted by path so that every run reads them in one order. */
function walk(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    // links are not followed: a ledger is a file of this repository, whose history git keeps
    const st = lstatSync(path);
    if (st.isDirectory()) for (const p of walk(path, suffix)) out.push(p);
    else if (st.isFile() && name.endsWith(suffix)) out.push(path);
  }
  return out.sort();
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
