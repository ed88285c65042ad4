// Builds dist/ (a launcher and the bundled tool) and,
// with --schemas, writes the JSON Schema files under schemas/ from the zod model.
import { build } from 'esbuild';
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

// dist/qingdan.js is a small launcher (src/launch.cts) that turns on Node's compile cache and
// loads dist/lib/qingdan.cjs, the whole tool in one CommonJS bundle: one file, loaded
// synchronously; each command's code runs only when it is called (esbuild wraps what `import()`
// reaches so that it is initialised on first use). YAML, zod and @clack stay in files of their
// own, required only on the path that needs them (VENDORED below).
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
// Libraries only some runs need, each in a file of its own that the bundle requires on that path:
// YAML and zod for a changed template, @clack for record's questions on a terminal (core and
// prompts in one file, so that they share one copy of core and its cancel symbol), exceljs for xlsx.
const VENDORED = {
  yaml: { modules: ['yaml'], contents: `module.exports = require('yaml');` },
  zod: { modules: ['zod'], contents: `module.exports = require('zod');` },
  clack: {
    modules: ['@clack/core', '@clack/prompts'],
    contents: `module.exports = { ...require('@clack/prompts'), AutocompletePrompt: require('@clack/core').AutocompletePrompt };`,
  },
  // the workbook library, only for `report --format xlsx` (a megabyte and a half no other run parses)
  exceljs: { modules: ['exceljs'], contents: `module.exports = require('exceljs');` },
};
const fileOf = new Map(Object.entries(VENDORED).flatMap(([file, v]) => v.modules.map((m) => [m, file])));
const vendored = {
  name: 'vendored',
  setup(b) {
    b.onResolve({ filter: /^(yaml|zod|@clack\/core|@clack\/prompts|exceljs)$/ }, (a) => ({ path: `./${fileOf.get(a.path)}.cjs`, external: true }));
  },
};
// cli-table3 measures cells with string-width 4; it gets the width the report columns are laid out
// with (src/render/width.ts), so that a cell and its column agree. cli-table3 is pinned exactly in
// package.json, and test/render/cell-width.test.ts checks that it still imports string-width.
const cellWidth = {
  name: 'cell-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (a) => (a.importer.includes(join('node_modules', 'cli-table3')) ? { path: 'cell-width', namespace: 'cell-width' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'cell-width' }, () => ({
      contents: `module.exports = require(${JSON.stringify(join(root, 'src/render/width.ts'))}).coloredWidth;`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};
await build({ ...common, entryPoints: [join(root, 'src/launch.cts')], outfile: join(root, 'dist/qingdan.js'), external: ['./lib/qingdan.cjs'] });
await build({
  ...common,
  entryPoints: [join(root, 'src/bin.ts')],
  outfile: join(root, 'dist/lib/qingdan.cjs'),
  plugins: [vendored, cellWidth],
  define: {
    QINGDAN_VERSION: JSON.stringify(pkg.version),
    QINGDAN_BUILD: JSON.stringify(buildID),
    QINGDAN_TEMPLATE_FILES: JSON.stringify(embedded),
  },
});
for (const [file, { contents }] of Object.entries(VENDORED)) {
  await build({ ...common, stdin: { contents, resolveDir: root }, outfile: join(root, `dist/lib/${file}.cjs`) });
}

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
