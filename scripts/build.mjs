// Builds dist/ (a launcher, the bundled tool and its code cache) and,
// with --schemas, writes the JSON Schema files under schemas/ from the zod model.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The built-in template of `qingdan init`: the example's settings, organisation and latest checklist,
// with the JSON Schemas their `$schema` comments point at, embedded as one object of texts.
const checklists = readdirSync(join(root, 'templates')).filter((f) => /^checklist-\d{4}\.ya?ml$/.test(f)).sort();
const embedded = {};
for (const file of ['qingdan.yaml', 'templates/org.yaml', `templates/${checklists[checklists.length - 1]}`,
  ...readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort().map((f) => `schemas/${f}`)]) {
  embedded[file] = readFileSync(join(root, file), 'utf8');
}

/**
 * What identifies this build's behaviour: a hash of the sources and the locked dependencies. The
 * template cache is only trusted by the build that wrote it.
 */
function buildId() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  hash.update(readFileSync(join(root, 'scripts', 'build.mjs')));
  return hash.digest('hex').slice(0, 16);
}

// dist/qingdan.js is a small launcher (src/launch.cts) that compiles dist/lib/qingdan.cjs, the
// whole tool in one CommonJS bundle, from V8's code cache. CommonJS loads synchronously, one file,
// with none of the ES module loader's round trips; each command's code runs only when it is
// called (esbuild wraps what `import()` reaches so that it is initialised on first use). YAML and
// zod, which only a changed template needs, stay in files of their own, required on that path.
const buildID = buildId();
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist/lib'), { recursive: true });
// package.json says "type": "module"; the files under dist/ are CommonJS
writeFileSync(join(root, 'dist/package.json'), '{ "type": "commonjs" }\n');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
};
const VENDORED = ['yaml', 'zod'];
const vendored = {
  name: 'vendored',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${VENDORED.join('|')})$`) }, (a) => ({ path: `./${a.path}.cjs`, external: true }));
  },
};
/**
 * A plugin that gives the modules under node_modules/`within` (every module, without it) `contents`
 * in place of what they import as `filter`.
 */
const standIn = (name, filter, within, contents) => ({
  name,
  setup(b) {
    b.onResolve({ filter }, (a) => (!within || a.importer.includes(join('node_modules', within)) ? { path: name, namespace: name } : undefined));
    b.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, resolveDir: root, loader: 'js' }));
  },
});
const standIns = [
  // cli-table3 measures cells with string-width 4; it gets the width that fits the columns instead
  standIn('cell-width', /^string-width$/, 'cli-table3', `module.exports = require(${JSON.stringify(join(root, 'src/render/width.ts'))}).coloredWidth;`),
  // commander requires child_process at load for executable subcommands, which qingdan has none
  // of; loading it (and net, dgram, streams with it) cost every command some 10 ms
  standIn('lazy-child-process', /^node:child_process$/, 'commander', "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };"),
  // qingdan decides colour itself (a TTY, NO_COLOR, --no-color: commands/context.ts) and makes
  // every Chalk with an explicit level; chalk's own detection would load tty and os for nothing
  standIn('no-color-detection', /^#supports-color$/, undefined, 'export default { stdout: false, stderr: false };'),
];
await build({ ...common, entryPoints: [join(root, 'src/launch.cts')], outfile: join(root, 'dist/qingdan.js') });
await build({
  ...common,
  entryPoints: [join(root, 'src/bin.ts')],
  outfile: join(root, 'dist/lib/qingdan.cjs'),
  plugins: [vendored, ...standIns],
  // the launcher names the code cache by it (src/launch.cts)
  banner: { js: `/*qingdan-build:${buildID}*/` },
  define: {
    QINGDAN_VERSION: JSON.stringify(pkg.version),
    QINGDAN_BUILD: JSON.stringify(buildID),
    QINGDAN_TEMPLATE_FILES: JSON.stringify(embedded),
  },
});
for (const name of VENDORED) {
  await build({ ...common, stdin: { contents: `module.exports = require('${name}');`, resolveDir: root }, outfile: join(root, `dist/lib/${name}.cjs`) });
}
// the code cache: the bundle's functions as compiled while running the usual commands
execFileSync(process.execPath, [join(root, 'scripts/code-cache.cjs')], { cwd: root, stdio: 'inherit' });

if (process.argv.includes('--schemas')) {
  await build({
    entryPoints: [join(root, 'scripts/schemas.ts')],
    outfile: join(root, 'dist/schemas.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
  const { schemas } = await import(join(root, 'dist/schemas.mjs'));
  mkdirSync(join(root, 'schemas'), { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) {
    writeFileSync(join(root, 'schemas', `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  }
  console.log(`wrote ${Object.keys(schemas).length} schemas to schemas/`);
}
