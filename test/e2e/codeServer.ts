// Starting code-server (VS Code in the browser) with the unpacked extension installed.
// Shared by the e2e harness (test/e2e/harness.ts) and `npm start` (scripts/start.mjs, through tsx).
// Everything listens on 127.0.0.1 only; nothing here talks to any other host.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const HOST = '127.0.0.1';

/** `${CHATREVIEW_CACHE:-~/.cache/chatreview}/e2e`, filled by scripts/e2e-setup.sh. */
export function e2eCacheDir(): string {
  const cache = process.env.CHATREVIEW_CACHE || path.join(os.homedir(), '.cache', 'chatreview');
  return path.join(cache, 'e2e');
}

function nodeArch(): string {
  return process.arch === 'arm64' ? 'arm64' : 'x64';
}

export function node24Binary(): string {
  return path.join(e2eCacheDir(), 'node_modules', `node-linux-${nodeArch()}`, 'bin', 'node');
}

export function codeServerEntry(): string {
  return path.join(e2eCacheDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Throws a helpful error when scripts/e2e-setup.sh has not been run. */
export function assertSetUp(): void {
  for (const f of [node24Binary(), codeServerEntry()]) {
    if (!fs.existsSync(f)) {
      throw new Error(`${f} is missing: run \`bash scripts/e2e-setup.sh\` first (installs Node 24 and code-server).`);
    }
  }
}

/** User settings that keep the workbench quiet, local and predictable. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'files.simpleDialog.enable': true,
  'editor.minimap.enabled': false,
};

/** What a .vsix of this extension holds (see .vscodeignore), copied as an unpacked extension. */
const EXTENSION_FILES = [
  'package.json',
  'package.nls.json',
  'package.nls.nl.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'language-configuration.json',
  'dist',
  'syntaxes',
  'schemas',
  'media',
  'l10n',
];

export interface ExtensionManifest {
  publisher: string;
  name: string;
  version: string;
  main?: string;
  contributes?: {
    languages?: { id: string; aliases?: string[] }[];
    commands?: { command: string; title: string; category?: string }[];
  };
}

export function readManifest(extensionPath: string): ExtensionManifest {
  return JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as ExtensionManifest;
}

/** Copies the built extension into `<extensionsDir>/<publisher>.<name>-<version>`; returns that folder. */
export async function installExtension(extensionPath: string, extensionsDir: string): Promise<string> {
  const manifest = readManifest(extensionPath);
  if (manifest.main) {
    const main = path.resolve(extensionPath, manifest.main);
    const candidates = [main, `${main}.js`];
    if (!candidates.some((c) => fs.existsSync(c))) {
      throw new Error(`${manifest.main} is not built (in ${extensionPath}): run \`node scripts/build.mjs\` first.`);
    }
  }
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  await fsp.rm(target, { recursive: true, force: true });
  await fsp.mkdir(target, { recursive: true });
  for (const entry of EXTENSION_FILES) {
    const src = path.join(extensionPath, entry);
    if (fs.existsSync(src)) {
      await fsp.cp(src, path.join(target, entry), { recursive: true, dereference: true });
    }
  }
  // code-server scans the folder at startup; a stale extensions.json could point elsewhere.
  await fsp.rm(path.join(extensionsDir, 'extensions.json'), { force: true });
  return target;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

export interface CodeServerOptions {
  /** Folder opened in the workbench. */
  workspace: string;
  /** Fixed port; default: a free one. */
  port?: number;
  /** Folder for user data, extensions and config; default: a new temporary folder (removed on stop). */
  stateDir?: string;
  /** Extension to install unpacked; default: the repository. `null`: none. */
  extensionPath?: string | null;
  /** Where code-server's own output goes; default `<stateDir>/code-server.log`. Appended to. */
  logFile?: string;
  /** Merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** How long to wait for /healthz. */
  startTimeoutMs?: number;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly workspace: string;
  readonly stateDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (or signal name) once code-server has exited. */
  readonly exited: Promise<number | string | null>;
  /**
   * Workbench URL that also opens `resource` in an editor: an absolute file path, or a URI such as
   * `chatreview:/abs/path/export.txt` (a virtual document the extension provides).
   */
  urlOpening(resource: string): string;
  /** Kills code-server and everything it started (its process group). Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the test runner exits without calling stop(): no code-server is left behind.
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  assertSetUp();
  const ownsStateDir = !options.stateDir;
  const stateDir = options.stateDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'chatreview-cs-')));
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  const configFile = path.join(stateDir, 'config.yaml');
  const logFile = options.logFile ?? path.join(stateDir, 'code-server.log');
  await fsp.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  await fsp.mkdir(path.dirname(logFile), { recursive: true });
  await fsp.writeFile(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2),
  );
  // Its own config file, so code-server never writes ~/.config/code-server/config.yaml.
  await fsp.writeFile(configFile, 'auth: none\ncert: false\n');

  const extensionPath = options.extensionPath === undefined ? REPO_ROOT : options.extensionPath;
  if (extensionPath) await installExtension(extensionPath, extensionsDir);

  const port = options.port ?? (await freePort());
  const url = `http://${HOST}:${port}/`;
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `\n=== code-server on ${url} for ${options.workspace} (${new Date().toISOString()}) ===\n`);

  // Any extension gallery request would go to 127.0.0.1:9 (nothing listens) instead of open-vsx.org.
  const deadGallery = `http://${HOST}:9`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: `${deadGallery}/gallery`,
      itemUrl: `${deadGallery}/item`,
      resourceUrlTemplate: `${deadGallery}/asset/{publisher}/{name}/{version}/Microsoft.VisualStudio.Code.WebResources/{path}`,
      extensionUrlTemplate: `${deadGallery}/gallery/{publisher}/{name}/latest`,
    }),
  };
  delete env.PORT; // code-server reads $PORT; the port is chosen here.
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.VSCODE_IPC_HOOK_CLI; // when run from a VS Code terminal: not that VS Code's CLI.

  const child = spawn(
    node24Binary(),
    [
      codeServerEntry(),
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `${HOST}:${port}`,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      options.workspace,
    ],
    { detached: true, stdio: ['ignore', log, log], env, cwd: options.workspace },
  );
  fs.closeSync(log);
  installExitHook();
  running.add(child);
  const exited = new Promise<number | string | null>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    });
    child.on('error', () => resolve('spawn-error'));
  });

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return exited.then(() => undefined);
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    // Children (extension host, language server) may outlive the parent for a moment.
    killGroup(child, 'SIGKILL');
    if (ownsStateDir) await fsp.rm(stateDir, { recursive: true, force: true }).catch(() => undefined);
  };

  // Wait until the HTTP server answers, or fail with the end of its log.
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let earlyExit: number | string | null | undefined;
  void exited.then((c) => (earlyExit = c));
  for (;;) {
    if (earlyExit !== undefined) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`code-server exited (${earlyExit}) before it was ready. Log ${logFile}:\n${tail}`);
    }
    if ((await httpStatus(`${url}healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within the time limit; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    port,
    workspace: options.workspace,
    stateDir,
    userDataDir,
    extensionsDir,
    logFile,
    process: child,
    exited,
    urlOpening: (resource: string) => {
      const uri = resource.startsWith('/') ? `vscode-remote://${HOST}:${port}${encodeURI(resource)}` : resource;
      const payload = JSON.stringify([['openFile', uri]]);
      return `${url}?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(payload)}`;
    },
    stop,
  };
}
