#!/usr/bin/env node
/**
 * `dist/qingdan.js`: starts the bundle (`dist/lib/qingdan.cjs`) from V8's code cache.
 *
 * A clerk's command is over in a few dozen milliseconds, so what it costs is start-up: compiling
 * the bundle's functions, and optimising compiles that finish after the work is done and that the
 * process must wait for before it exits. So the bundle is compiled from the code cache that the
 * build wrote after running the usual commands on the example (`scripts/code-cache.cjs`), and
 * optimisation starts off; `src/read/workload.ts` turns it back on when the ledgers are large
 * enough to pay for it. A cache that this Node.js rejects (another version, other flags) costs
 * only the compile it would have saved.
 */
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import v8 = require('node:v8');
import vm = require('node:vm');

interface Bundle {
  run: () => Promise<void>;
  main: (argv: string[], io: unknown) => Promise<number>;
}

const BUNDLE = path.join(__dirname, 'lib', 'qingdan.cjs');

/**
 * The V8 flags the bundle runs, and its code cache is made, with: a cache made under other flags
 * is rejected. The checksum makes V8 reject a damaged cache rather than crash on it.
 */
function setFlags(): void {
  v8.setFlagsFromString('--no-opt');
  v8.setFlagsFromString('--verify-snapshot-checksum');
}

/**
 * Where the code cache of `source` lives: named by the build id the bundle starts with, so that a
 * bundle of another build never meets this one's cache.
 */
function cacheFileOf(source: string): string | undefined {
  const id = /^\/\*qingdan-build:([0-9a-f]+)\*\//.exec(source)?.[1];
  return id ? `${BUNDLE}.${id}.cache` : undefined;
}

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Compiles and runs the bundle, from its code cache when there is one that V8 accepts. */
function load(useCache = true): { bundle: Bundle; script: vm.Script; cacheFile: string | undefined } {
  setFlags();
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const cacheFile = cacheFileOf(source);
  const cachedData = useCache ? readCache(cacheFile) : undefined;
  const script = new vm.Script(nodeModule.wrap(source), { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as Bundle };
  script.runInThisContext()(mod.exports, nodeModule.createRequire(BUNDLE), mod, BUNDLE, path.dirname(BUNDLE));
  return { bundle: mod.exports, script, cacheFile };
}

if (require.main === module) void load().bundle.run();

export = { load, setFlags };
