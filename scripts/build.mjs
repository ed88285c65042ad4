// Builds dist/qingdan.js (bundled ESM, with each command's code in a chunk loaded on demand) and,
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
  return hash.digest('hex').slice(0, 16);
}

// dist/qingdan.js holds the command-line wiring only; each command's code is a chunk that it
// imports when it runs, so `--version` or `check` never load the report renderers or git code.
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: { qingdan: join(root, 'src/bin.ts') },
  outdir: join(root, 'dist'),
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  define: {
    QINGDAN_VERSION: JSON.stringify(pkg.version),
    QINGDAN_BUILD: JSON.stringify(buildId()),
    QINGDAN_TEMPLATE_FILES: JSON.stringify(embedded),
  },
  // Some bundled CommonJS packages call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __qdRequire } from 'node:module'; const require = __qdRequire(import.meta.url);" },
  logLevel: 'warning',
});

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
