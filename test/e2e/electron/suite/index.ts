// Entry point @vscode/test-electron loads in the extension host (bundled by ../runTest.ts).
import Mocha from 'mocha';
import { defineOpenExportJourney } from './openExport.electron';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: true, reporter: 'spec' });
  // What mocha does before it loads a spec file: put describe/it/before… on the global object.
  mocha.suite.emit('pre-require', globalThis, 'openExport.electron.ts', mocha);
  defineOpenExportJourney();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
  });
}
