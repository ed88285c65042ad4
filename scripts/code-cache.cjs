// Writes V8's code cache of the bundle (dist/lib/qingdan.cjs.<build>.cache), taken after running
// the usual commands on the example at the project's root, so that it holds the functions they
// compile; then checks, in a process of its own, that V8 accepts it. Without the example (or git),
// or when V8 would not take it, the cache is left out and qingdan compiles as it goes.
const { execFileSync } = require('node:child_process');
const { renameSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const launcher = join(__dirname, '..', 'dist', 'qingdan.js');
const { load, setFlags } = require(launcher);

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
  const { bundle, script, cacheFile } = load(false);
  if (!cacheFile) throw new Error('the bundle does not start with its build id');
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
  // the flags the launcher sets: anything the commands turned on since would make V8 refuse the cache
  setFlags();
  writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
  renameSync(`${cacheFile}.tmp`, cacheFile);
  const probe = `const { script } = require(${JSON.stringify(launcher)}).load(); process.stdout.write(String(script.cachedDataRejected));`;
  if (execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }) !== 'false') {
    rmSync(cacheFile, { force: true });
    throw new Error('V8 rejects the cache it just wrote');
  }
}

train().catch((e) => {
  process.stderr.write(`code cache left out: ${e.message}\n`);
});
