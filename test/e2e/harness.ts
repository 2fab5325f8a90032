// End-to-end harness: the real VS Code workbench (code-server) in Debian's Chromium, driven with
// playwright-core the way a user would: the command palette, the file dialog, the keyboard.
//
//   const vs = await VSCodeHarness.launch('open-export');
//   await vs.runCommand('Chat Review: Open Export');
//   ...
//   await vs.close();
//
// Screenshots go to test-output/e2e/<journey>/NN-name.png; code-server's own output to
// test-output/e2e/code-server.log; the extension host logs and the browser console to
// test-output/e2e/<journey>/ when the journey ends.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { HOST, REPO_ROOT, readManifest, startCodeServer, type CodeServer } from './codeServer';

export { REPO_ROOT } from './codeServer';

export const OUTPUT_ROOT = path.join(REPO_ROOT, 'test-output', 'e2e');
export const CODE_SERVER_LOG = path.join(OUTPUT_ROOT, 'code-server.log');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags this machine needs (no sandbox as root, no GPU, no traffic to anything but 127.0.0.1). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-extensions',
  // Every host name but 127.0.0.1 fails to resolve: the workbench cannot reach out even if it tried.
  `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${HOST}`,
];

// The few browser types the page callbacks use (tsconfig has no DOM lib).
interface ViewLine {
  style: { top: string };
  textContent: string | null;
}
interface BrowserGlobals {
  navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined/false, or throws `describe()`. */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  describe: () => string | Promise<string>,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(await describe());
    await sleep(intervalMs);
  }
}

let codeServerLogReset = false;

// Temporary folders of journeys still running; removed even when the runner is interrupted.
const liveRoots = new Set<string>();
process.on('exit', () => {
  for (const root of liveRoots) fs.rmSync(root, { recursive: true, force: true });
});

export interface LaunchOptions {
  /** Files or folders copied into a fresh temporary workspace folder (default: media/samples). */
  workspaceFrom?: string[];
  /** The extension to install unpacked (default: the repository; CHATREVIEW_E2E_EXTENSION overrides). */
  extensionPath?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
}

export class VSCodeHarness {
  private shots = 0;
  private readonly consoleLines: string[] = [];
  private closed = false;

  private constructor(
    readonly journey: string,
    readonly outDir: string,
    readonly workspace: string,
    readonly extensionPath: string,
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (m) => this.consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => this.consoleLines.push(`[pageerror] ${e.message}`));
  }

  /** Starts code-server with the extension installed, opens the workbench in Chromium and waits for it. */
  static async launch(journey: string, options: LaunchOptions = {}): Promise<VSCodeHarness> {
    const outDir = path.join(OUTPUT_ROOT, journey);
    await fsp.rm(outDir, { recursive: true, force: true });
    await fsp.mkdir(outDir, { recursive: true });
    if (!codeServerLogReset) {
      codeServerLogReset = true;
      await fsp.rm(CODE_SERVER_LOG, { force: true });
    }

    const root = await fsp.mkdtemp(path.join(os.tmpdir(), `chatreview-e2e-${journey}-`));
    liveRoots.add(root);
    const workspace = path.join(root, 'workspace');
    await fsp.mkdir(workspace, { recursive: true });
    for (const src of options.workspaceFrom ?? [path.join(REPO_ROOT, 'media', 'samples')]) {
      const stat = await fsp.stat(src);
      if (stat.isDirectory()) await fsp.cp(src, workspace, { recursive: true });
      else await fsp.copyFile(src, path.join(workspace, path.basename(src)));
    }

    const extensionPath = options.extensionPath ?? process.env.CHATREVIEW_E2E_EXTENSION ?? REPO_ROOT;
    const server = await startCodeServer({
      workspace,
      stateDir: path.join(root, 'state'),
      extensionPath,
      logFile: CODE_SERVER_LOG,
      settings: options.settings ?? {},
    });

    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1400, height: 900 },
        locale: 'en-US',
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const vs = new VSCodeHarness(journey, outDir, workspace, extensionPath, server, browser, context, page);
      await page.goto(server.url);
      await vs.waitForWorkbench();
      return vs;
    } catch (err) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      await fsp.rm(root, { recursive: true, force: true }).catch(() => undefined);
      liveRoots.delete(root);
      throw err;
    }
  }

  /**
   * The workbench is up: the explorer lists the workspace, the status bar has its items, and the
   * extension host has started (so the extensions' contributions are arriving).
   */
  async waitForWorkbench(timeoutMs = 90_000): Promise<void> {
    const page = this.page;
    await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
    await page.locator('#status\\.problems').first().waitFor({ timeout: timeoutMs });
    await waitUntil(
      async () => /Extension host with pid \d+ started/.test(await this.extensionHostLog()),
      timeoutMs,
      () => `the extension host did not start; see ${CODE_SERVER_LOG}`,
      250,
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Keyboard driving

  /**
   * Opens the command palette (F1), types `title` and runs the entry with exactly that label.
   * `screenshot`: name of a screenshot taken with the entry selected, just before Enter.
   */
  async runCommand(title: string, options: { screenshot?: string; timeoutMs?: number } = {}): Promise<void> {
    const page = this.page;
    const input = this.quickInputBox();
    // Commands contributed by extensions join the palette once the extension host has registered
    // them (a few seconds after the workbench shows on a busy machine), and an open palette does not
    // refresh its list: so ask again, with a fresh palette, until the entry is there.
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    let seen: { label: string }[] = [];
    for (;;) {
      await this.dismissQuickInput();
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await page.keyboard.type(title, { delay: 5 });
      const row = await waitUntil(
        async () => {
          seen = await this.quickPickRows();
          const index = seen.findIndex((r) => r.label === title);
          return index >= 0 ? index : undefined;
        },
        2_500,
        () => 'not listed',
      ).catch(() => -1);
      if (row >= 0) {
        // Move the selection to the exact entry (usually the first) and run it.
        for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
        if (options.screenshot) await this.screenshot(options.screenshot);
        await page.keyboard.press('Enter');
        return;
      }
      if (Date.now() > deadline) break;
      await sleep(1_000);
    }
    const listed = seen.length ? seen.map((r) => `"${r.label}"`).join(', ') : 'nothing';
    throw new Error(
      `Command "${title}" is not in the command palette (it lists ${listed}). ` +
        `Is the extension installed, and does its package.json contribute the command with that title? ` +
        `Installed from ${this.extensionPath}; see ${CODE_SERVER_LOG} and ${this.outDir}/logs.`,
    );
  }

  /** Replaces the text in the open quick input (command palette, quick pick, file dialog). */
  async typeInQuickInput(text: string): Promise<void> {
    const input = this.quickInputBox();
    await input.waitFor({ state: 'visible' });
    await input.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text, { delay: 5 });
    await waitUntil(
      async () => (await input.inputValue()) === text,
      10_000,
      async () => `the quick input shows "${await input.inputValue()}" instead of "${text}"`,
    );
  }

  /**
   * Waits for VS Code's own file dialog (the "simple" dialog code-server uses: a quick input with a
   * path) and returns the path it proposes. Fails with any error notification shown instead.
   */
  async waitForFileDialog(timeoutMs = 30_000): Promise<string> {
    const input = this.quickInputBox();
    return waitUntil(
      async () => {
        await this.assertNoErrors('waiting for the file dialog');
        if (!(await input.isVisible())) return undefined;
        const value = await input.inputValue();
        return value.startsWith('/') ? value : undefined;
      },
      timeoutMs,
      async () => `no file dialog appeared; notifications: ${(await this.notifications()).join(' | ') || 'none'}`,
    );
  }

  /** Types an absolute path into the open file dialog and accepts it with Enter. */
  async chooseInFileDialog(absolutePath: string): Promise<void> {
    await this.typeInQuickInput(absolutePath);
    // The dialog resolves what was typed (and may complete it) before Enter accepts it.
    await waitUntil(
      async () => {
        const rows = await this.quickPickRows();
        return rows.some((r) => r.label === path.basename(absolutePath)) || undefined;
      },
      10_000,
      () => `the file dialog does not list ${path.basename(absolutePath)}`,
    ).catch(() => undefined); // not every dialog state lists the typed file; Enter still accepts the path
    await this.page.keyboard.press('Enter');
    await this.quickInputBox().waitFor({ state: 'hidden', timeout: 30_000 });
  }

  async dismissQuickInput(): Promise<void> {
    if (await this.quickInputBox().isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInputBox().waitFor({ state: 'hidden' });
    }
  }

  private quickInputBox() {
    return this.page.locator('.quick-input-widget .quick-input-box input').first();
  }

  /** The visible rows of the open quick pick: their labels (without descriptions or keybindings). */
  async quickPickRows(): Promise<{ label: string; ariaLabel: string }[]> {
    return this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .evaluateAll((rows) =>
        rows.map((r) => ({
          label: (r.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
          ariaLabel: r.getAttribute('aria-label') ?? '',
        })),
      )
      .catch(() => []);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the workbench

  /** Label of the active editor tab. */
  async activeTabLabel(): Promise<string> {
    const tab = this.page.locator('.editor-group-container.active .tab.active').first();
    if (!(await tab.count())) return '';
    return ((await tab.getAttribute('aria-label')) ?? (await tab.textContent()) ?? '').trim();
  }

  async waitForActiveTab(contains: string, timeoutMs = 30_000): Promise<string> {
    return waitUntil(
      async () => {
        await this.assertNoErrors(`waiting for the editor "${contains}"`);
        const label = await this.activeTabLabel();
        return label.includes(contains) ? label : undefined;
      },
      timeoutMs,
      async () => `no editor tab "${contains}" became active (active tab: "${await this.activeTabLabel()}")`,
    );
  }

  /** URI of the document in the active editor (Monaco puts it on the editor element as data-uri). */
  async activeEditorUri(): Promise<string> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor[data-uri]').first();
    if (!(await editor.count())) return '';
    return (await editor.getAttribute('data-uri')) ?? '';
  }

  /** Waits until no notification shows a running progress bar (e.g. "Reading …"). */
  async waitForProgressToFinish(timeoutMs = 30_000): Promise<void> {
    await waitUntil(
      async () =>
        (await this.page.locator('.notifications-toasts .notification-toast .monaco-progress-container.active').count()) === 0,
      timeoutMs,
      async () => `a notification is still busy: ${(await this.notifications()).join(' | ')}`,
    );
  }

  /** The window (document) title: by default `<active editor> - <folder> - code-server`. */
  async windowTitle(): Promise<string> {
    return this.page.title();
  }

  /** The language mode shown in the status bar for the active editor. */
  async statusBarLanguage(): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.mode').first();
    if (!(await item.count())) return '';
    return ((await item.textContent()) ?? '').trim();
  }

  /** The lines of the active editor that are rendered on screen, top to bottom. */
  async visibleEditorText(): Promise<string> {
    return this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines')
      .first()
      .evaluate((el) =>
        Array.from(el.querySelectorAll(':scope > .view-line') as ArrayLike<ViewLine>)
          .map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map((l) => l.text)
          .join('\n'),
      )
      .catch(() => '');
  }

  /** Waits until the rendered part of the active editor contains `text`. */
  async waitForText(text: string, timeoutMs = 30_000): Promise<string> {
    return waitUntil(
      async () => {
        const visible = await this.visibleEditorText();
        return visible.includes(text) ? visible : undefined;
      },
      timeoutMs,
      async () => `the active editor does not show "${text}"; it shows:\n${(await this.visibleEditorText()).slice(0, 2000)}`,
    );
  }

  /**
   * The whole text of the active editor's model, as a user would get it: focus the editor
   * (Ctrl+1), select all, copy, read the clipboard; then put the cursor back at the top.
   */
  async readEditorText(): Promise<string> {
    const page = this.page;
    await this.dismissQuickInput();
    await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.writeText(''));
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const text = await waitUntil(
      async () => (await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText())) || undefined,
      5_000,
      () => 'copying the active editor text gave nothing (is an editor focused?)',
      100,
    );
    await page.keyboard.press('Control+Home');
    return text.replace(/\r\n/g, '\n');
  }

  /** Texts of the notification toasts on screen. */
  async notifications(): Promise<string[]> {
    return this.page
      .locator('.notifications-toasts .notification-toast')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()))
      .catch(() => []);
  }

  /** Texts of the error notifications on screen. */
  async errorNotifications(): Promise<string[]> {
    return this.page
      .locator('.notifications-toasts .notification-toast')
      .evaluateAll((els) =>
        els
          .filter((e) => e.querySelector('.codicon-error, .codicon-notifications-error'))
          .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()),
      )
      .catch(() => []);
  }

  /** Display name of a contributed language (its first alias), as the status bar shows it. */
  languageName(languageId: string): string {
    const manifest = readManifest(this.extensionPath);
    const lang = manifest.contributes?.languages?.find((l) => l.id === languageId);
    return lang?.aliases?.[0] ?? languageId;
  }

  /** The installed extension's id: `<publisher>.<name>`. */
  extensionId(): string {
    const m = readManifest(this.extensionPath);
    return `${m.publisher}.${m.name}`;
  }

  /** Everything the (remote) extension hosts logged so far. */
  async extensionHostLog(): Promise<string> {
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await fsp.readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (/exthost.*\.log$/i.test(e.name)) files.push(p);
      }
    };
    await walk(path.join(this.server.userDataDir, 'logs'));
    const parts = await Promise.all(files.sort().map((f) => fsp.readFile(f, 'utf8').catch(() => '')));
    return parts.join('\n');
  }

  /** Activation errors of the extension under test, from the browser console and the extension host log. */
  async activationErrors(extensionId = this.extensionId()): Promise<string[]> {
    const escaped = extensionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const failed = new RegExp(`Activating extension '?${escaped}'? failed(?: due to an error:\\n.*|.*)`, 'gi');
    const found = new Set<string>();
    for (const text of [this.consoleLines.join('\n'), await this.extensionHostLog()]) {
      for (const m of text.matchAll(failed)) found.add(m[0].replace(/\s+/g, ' ').trim());
    }
    return [...found];
  }

  /** Throws when the extension failed to activate or an error notification is on screen. */
  async assertNoErrors(while_: string): Promise<void> {
    const activation = await this.activationErrors();
    if (activation.length) throw new Error(`the extension failed to activate (${while_}): ${activation.join(' | ')}`);
    const errors = await this.errorNotifications();
    if (errors.length) throw new Error(`an error was shown (${while_}): ${errors.join(' | ')}`);
  }

  /** Waits until the extension host logged the activation of `extensionId`; fails on an activation error. */
  async waitForActivation(extensionId = this.extensionId(), timeoutMs = 30_000): Promise<string> {
    const escaped = extensionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const activated = new RegExp(`_doActivateExtension ${escaped}\\b.*`, 'i');
    return waitUntil(
      async () => {
        const errors = await this.activationErrors(extensionId);
        if (errors.length) throw new Error(`the extension failed to activate: ${errors.join(' | ')}`);
        return activated.exec(await this.extensionHostLog())?.[0];
      },
      timeoutMs,
      () => `the extension host never activated ${extensionId} (see ${this.outDir}/logs)`,
      500,
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /** Saves a screenshot of the whole window as test-output/e2e/<journey>/NN-name.png; returns the path. */
  async screenshot(name: string): Promise<string> {
    this.shots += 1;
    const safe = name.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '');
    const file = path.join(this.outDir, `${String(this.shots).padStart(2, '0')}-${safe}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Saves text (e.g. a document's content) next to the screenshots; returns the path. */
  async saveText(name: string, text: string): Promise<string> {
    const file = path.join(this.outDir, name);
    await fsp.writeFile(file, text);
    return file;
  }

  /** Saves logs, stops Chromium and code-server (and everything they started). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await fsp.writeFile(path.join(this.outDir, 'browser-console.log'), this.consoleLines.join('\n') + '\n');
      const logs = path.join(this.server.userDataDir, 'logs');
      if (fs.existsSync(logs)) await fsp.cp(logs, path.join(this.outDir, 'logs'), { recursive: true });
    } catch {
      /* logs are a courtesy */
    }
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    const root = path.dirname(this.workspace);
    await fsp.rm(root, { recursive: true, force: true }).catch(() => undefined);
    liveRoots.delete(root);
  }
}
