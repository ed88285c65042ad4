// Writes dist/lib/qingdan.cjs.cache: V8's code cache of the bundle, taken after running the usual
// commands on the example at the project's root, so that it holds the functions they compile.
// Without the example (or git) the cache is left out, and qingdan compiles as it goes.
const { writeFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { load, CODE_CACHE } = require('../dist/qingdan.js');

const root = join(__dirname, '..');
const COMMANDS = [
  ['check'],
  ['due'],
  ['report', 'monthly'],
  ['report', 'quarterly'],
  ['report', 'annual'],
  ['list', 'items'],
];

async function train() {
  const { bundle, script } = load();
  const sink = () => {};
  for (const argv of COMMANDS) {
    const code = await bundle.main(['-C', root, '--as-of', '2026-11-27', ...argv], {
      cwd: root,
      stdout: sink,
      stderr: sink,
      isTTY: false,
      env: { NO_COLOR: '1' },
    });
    if (code === 2) throw new Error(`qingdan ${argv.join(' ')} exited 2 on the example`);
  }
  writeFileSync(CODE_CACHE, script.createCachedData());
}

train().catch((e) => {
  rmSync(CODE_CACHE, { force: true });
  process.stderr.write(`code cache left out: ${e.message}\n`);
});
