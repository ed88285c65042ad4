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
const CODE_CACHE = `${BUNDLE}.cache`;

/** Compiles and runs the bundle, from `cachedData` when it is given and accepted. */
function load(cachedData?: Buffer): { bundle: Bundle; script: vm.Script } {
  v8.setFlagsFromString('--no-opt');
  const script = new vm.Script(nodeModule.wrap(fs.readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as Bundle };
  script.runInThisContext()(mod.exports, nodeModule.createRequire(BUNDLE), mod, BUNDLE, path.dirname(BUNDLE));
  return { bundle: mod.exports, script };
}

function readCache(): Buffer | undefined {
  try {
    return fs.readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}

if (require.main === module) void load(readCache()).bundle.run();

export = { load, BUNDLE, CODE_CACHE };
