import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every `vscode.l10n.t('…')` message in the sources, as its English key. */
function runtimeStrings(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
  }
  return keys;
}

describe('Dutch translation', () => {
  it('translates every runtime string, and keeps no stale ones', () => {
    const nl = readJson('l10n/bundle.l10n.nl.json');
    const keys = runtimeStrings();
    assert.ok(keys.size > 50, `found only ${keys.size} strings; the scan is broken`);
    assert.deepEqual([...keys].filter((k) => !(k in nl)), [], 'missing in l10n/bundle.l10n.nl.json');
    assert.deepEqual(Object.keys(nl).filter((k) => !keys.has(k)), [], 'stale in l10n/bundle.l10n.nl.json');
  });

  it('translates every manifest string, keeping its {placeholders}', () => {
    const en = readJson('package.nls.json');
    const nl = readJson('package.nls.nl.json');
    assert.deepEqual(Object.keys(en).sort(), Object.keys(nl).sort());
    const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    for (const key of Object.keys(en)) assert.equal(holes(nl[key]), holes(en[key]), key);
    for (const [key, text] of Object.entries(readJson('l10n/bundle.l10n.nl.json'))) assert.equal(holes(text), holes(key), key);
  });
});
