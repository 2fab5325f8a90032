// Copies what OCR needs at run time into dist/node_modules for the .vsix: tesseract.js stays
// outside the bundles (it starts its worker from its own files), so it, its dependencies, the
// LSTM builds of its WebAssembly core and the Dutch and English language data travel beside them.
// Nothing is downloaded: every file comes from this checkout's node_modules. An argument names
// another folder to fill (the tests check such a copy works on its own).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'node_modules'));
const ROOTS = ['tesseract.js', '@tesseract.js-data/nld', '@tesseract.js-data/eng'];

/**
 * Which files of a package are needed: the core as JavaScript beside its .wasm (the .wasm.js
 * copies with the binary inlined are for browsers) and the `best_int` models.
 */
const keep = {
  'tesseract.js-core': (rel) => /^(package\.json|index\.js|LICENSE|tesseract-core[\w-]*\.(js|wasm))$/.test(rel) && !rel.endsWith('.wasm.js'),
  '@tesseract.js-data/nld': (rel) => rel === 'package.json' || rel === 'LICENSE' || rel.startsWith('4.0.0_best_int/'),
  '@tesseract.js-data/eng': (rel) => rel === 'package.json' || rel === 'LICENSE' || rel.startsWith('4.0.0_best_int/'),
  // The browser builds and type declarations are not run by Node.
  'tesseract.js': (rel) => !rel.startsWith('dist/') && !rel.startsWith('docs/') && !rel.endsWith('.d.ts'),
};

function packageDir(name, from) {
  const require = createRequire(path.join(from, 'package.json'));
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }));
}

function copyPackage(name, dir) {
  const filter = keep[name] ?? (() => true);
  const into = path.join(target, name);
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (rel.startsWith('node_modules/') || !filter(rel)) continue;
    fs.mkdirSync(path.dirname(path.join(into, rel)), { recursive: true });
    fs.copyFileSync(file, path.join(into, rel));
  }
}

fs.rmSync(target, { recursive: true, force: true });
const seen = new Map();
const queue = ROOTS.map((name) => [name, root]);
while (queue.length) {
  const [name, from] = queue.shift();
  const dir = packageDir(name, from);
  if (seen.has(name)) {
    if (seen.get(name) !== dir) throw new Error(`two versions of ${name} are needed; vendor-ocr.mjs copies one`);
    continue;
  }
  seen.set(name, dir);
  copyPackage(name, dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push([dep, dir]);
}
let bytes = 0;
for (const entry of fs.readdirSync(target, { recursive: true, withFileTypes: true })) {
  if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
}
console.log(`${path.relative(root, target) || target}: ${seen.size} packages for OCR, ${(bytes / 1024 ** 2).toFixed(1)} MB`);
