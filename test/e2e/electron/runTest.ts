// Runs the e2e journeys inside VS Code desktop with @vscode/test-electron, on a machine that has it:
//   VSCODE_EXECUTABLE_PATH=/path/to/code npx tsx test/e2e/electron/runTest.ts
// (Here there is no VS Code desktop; the same journeys run in code-server: test/e2e/journeys.)
// The suite is bundled with esbuild (mocha included, `vscode` external) into out/e2e-electron/suite.js.
import { spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    console.error(
      'VSCODE_EXECUTABLE_PATH is not set: point it at a VS Code desktop executable ' +
        '(this runner never downloads VS Code). Without VS Code desktop, run the code-server journeys: npm run test:e2e',
    );
    return 2;
  }

  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;

  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'e2e-electron', 'suite.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: extensionTestsPath,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
  });

  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'chatreview-e2e-electron-'));
  const workspace = path.join(tmp, 'workspace');
  await fsp.cp(path.join(REPO_ROOT, 'media', 'samples'), workspace, { recursive: true });
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv: { CHATREVIEW_E2E_WORKSPACE: workspace },
      launchArgs: [
        workspace,
        '--disable-extensions', // every other extension; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--user-data-dir', path.join(tmp, 'user-data'),
        '--extensions-dir', path.join(tmp, 'extensions'),
      ],
    });
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('e2e (VS Code desktop) failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
