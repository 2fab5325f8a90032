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
interface DomElement {
  textContent: string | null;
  className: string;
  children: ArrayLike<unknown>;
  getBoundingClientRect(): { top: number };
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** A document line as the editor renders it (see renderedLines). */
export interface RenderedLine {
  /** 1-based line number. */
  line: number;
  text: string;
  /** Gutter icons beside the line: file names such as `flag-avg.svg`. */
  gutter: string[];
  /** Whole-line background colours (computed CSS colours). */
  backgrounds: string[];
  /** Inline texts drawn struck through. */
  struck: string[];
  /** Severities of the diagnostic squiggles drawn on the line ('error', 'warning', 'info', 'hint'). */
  squiggles: string[];
}

/** A row of the Problems panel. */
export interface Problem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
  /** The file it is listed under, as the panel names it (e.g. `policy.json`); '' when that row is out of view. */
  resource: string;
}

/** A modal dialog (see VSCodeHarness.dialog). */
export interface DialogInfo {
  message: string;
  detail: string;
  buttons: string[];
  /** Label of the button with the keyboard focus ('' when none). */
  focused: string;
  severity: 'error' | 'warning' | 'info';
}

/** One side of a diff editor: the document URI and the lines rendered on screen. */
export interface DiffSide {
  uri: string;
  lines: { line: number; text: string }[];
}

/** An action of the code-action menu. */
export interface CodeActionRow {
  label: string;
  focused: boolean;
  disabled: boolean;
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

/**
 * For a journey's `describe`: once one of its steps fails, its later steps are skipped (each builds
 * on the one before) and reported as pending. Use this instead of mocha's `this.bail(true)`: mocha
 * skips a bailing suite whole, without a word, once anything failed anywhere in the run, so one
 * failing journey would hide every journey after it.
 */
export function stepByStep(suite: Mocha.Suite): void {
  let failed: string | undefined;
  suite.beforeEach(function () {
    if (failed !== undefined) this.skip();
  });
  suite.afterEach(function () {
    if (failed === undefined && this.currentTest?.state === 'failed') failed = this.currentTest.title;
  });
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
      // tsx compiles with esbuild's keepNames: functions passed to page.evaluate that declare inner
      // functions call a `__name` helper that only exists in Node; give the page a no-op one.
      await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const vs = new VSCodeHarness(journey, outDir, workspace, extensionPath, server, browser, context, page);
      // CHATREVIEW_E2E_CPU_THROTTLE=4: the workbench runs as on a machine that many times slower (the
      // way to shake out a journey's races: a loaded CI machine in a few runs).
      const throttle = Number(process.env.CHATREVIEW_E2E_CPU_THROTTLE ?? 1);
      if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
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
  async waitForWorkbench(timeoutMs = 90_000, extensionHosts = 1): Promise<void> {
    const page = this.page;
    await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
    await page.locator('#status\\.problems').first().waitFor({ timeout: timeoutMs });
    await waitUntil(
      async () => (await this.extensionHostsStarted()) >= extensionHosts,
      timeoutMs,
      () => `the extension host did not start; see ${CODE_SERVER_LOG}`,
      250,
    );
  }

  /** How many extension hosts code-server started so far (one per window load). */
  async extensionHostsStarted(): Promise<number> {
    return (await this.extensionHostLog()).match(/Extension host with pid \d+ started/g)?.length ?? 0;
  }

  /**
   * Reloads the window (as "Developer: Reload Window" does): the page loads again and code-server
   * starts a fresh extension host, so nothing the extension kept in memory survives.
   */
  async reloadWindow(timeoutMs = 90_000): Promise<void> {
    const before = await this.extensionHostsStarted();
    await this.page.reload();
    await this.waitForWorkbench(timeoutMs, before + 1);
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
        const typed = await input.inputValue();
        await page.keyboard.press('Enter');
        // The palette closes (or becomes what the command opens: a file dialog, an input box): wait
        // for that, so that the next keys go to what the command shows, not to the closing palette.
        await waitUntil(
          async () => !(await input.isVisible().catch(() => false)) || (await input.inputValue().catch(() => '')) !== typed || undefined,
          10_000,
          () => 'still open',
          50,
        ).catch(() => console.warn(`      ! the command palette still shows "${typed}" 10 s after Enter`));
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
    // The file dialog fills in its folder asynchronously: when that lands after Ctrl+A, what was
    // typed ends up after it. Type again (a few times at most) until the input holds exactly `text`.
    for (let attempt = 1; ; attempt++) {
      await input.focus();
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.type(text, { delay: 5 });
      try {
        await waitUntil(
          async () => (await input.inputValue()) === text,
          attempt < 3 ? 3_000 : 10_000,
          async () => `the quick input shows "${await input.inputValue()}" instead of "${text}"`,
        );
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
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

  /**
   * The open file dialog as Enter would take it: the path in its input, the row with the keyboard
   * focus (the dialog's active item) and whether it lists `name` (a file of the folder shown).
   */
  async fileDialogState(name: string): Promise<{ value: string; focused: string | undefined; listed: boolean } | undefined> {
    const input = this.quickInputBox();
    if (!(await input.isVisible().catch(() => false))) return undefined;
    const value = await input.inputValue().catch(() => '');
    const rows = await this.quickPickRows();
    return { value, focused: rows.find((r) => r.focused)?.label, listed: rows.some((r) => r.label === name) };
  }

  /**
   * What the last chooseInFileDialog saw when it pressed Enter (the dialog's value and focused row),
   * for the message of a step that then waits in vain for the file to open.
   */
  lastFileDialogEnter: string | undefined;

  /**
   * Types an absolute path into the open file dialog and accepts it with Enter.
   *
   * The dialog reads the folder of what is typed asynchronously (a round trip to the server for
   * each folder the path passes through) and, for each keystroke, focuses the first row that starts
   * with the name typed so far; Enter then accepts the focused row, not the typed path. On a busy
   * machine an older keystroke's answer can come last: the row of a shorter prefix of the name
   * stays focused (chat-2024.md for ".../chat-" while chat-group.json was typed: Enter opened
   * chat-2024.md), or the list still shows another folder. So: the folder is typed first, until the
   * dialog lists it; then the name, read by the dialog at once now; and Enter only once the input
   * holds the path and the file's row is the focused one, for a few looks in a row. Otherwise the
   * name is erased and typed again. An Enter after which the dialog shows another path (it went
   * into a folder) starts over too.
   */
  async chooseInFileDialog(absolutePath: string): Promise<void> {
    const input = this.quickInputBox();
    const name = path.basename(absolutePath);
    const folder = absolutePath.slice(0, absolutePath.length - name.length);
    const state = () => this.fileDialogState(name);
    const settled = (s: Awaited<ReturnType<typeof state>>, strict: boolean) =>
      !!s && s.value === absolutePath && (s.focused === name || (!strict && s.focused === undefined));
    /** The state held for three looks in a row (strict: the file listed and its row focused). */
    const ready = async (strict: boolean, timeoutMs: number) => {
      let held = 0;
      return waitUntil(
        async () => {
          held = settled(await state(), strict) ? held + 1 : 0;
          return held >= 3 || undefined;
        },
        timeoutMs,
        () => 'not settled',
        150,
      ).catch(() => false);
    };
    // The folder: kept when the dialog proposes it (it opens in the last folder used), else typed.
    const typeFolder = async () => {
      if ((await input.inputValue().catch(() => '')) !== folder) await this.typeInQuickInput(folder);
      return waitUntil(async () => ((await state())?.listed && (await input.inputValue()) === folder) || undefined, 5_000, () => 'not listed', 100).catch(() => false);
    };
    const proposed = (await state())?.value;
    // The path may have been typed already (a journey that shows it typed): kept when the dialog settled on it.
    let typed = (await state())?.value === absolutePath && (await ready(true, 2_000));
    for (let round = 1; !typed; round++) {
      if (round > 1) {
        const s = await state();
        console.warn(`      ! the file dialog shows ${JSON.stringify(s)} after ${name} was typed (it proposed ${JSON.stringify(proposed)}): typing it again`);
        // Erase the name (Backspace) when the input still holds the folder.
        if (s?.value.startsWith(folder) && s.value.length - folder.length <= 2 * name.length) {
          await input.focus();
          await this.page.keyboard.press('End');
          for (let i = s.value.length - folder.length; i > 0; i--) await this.page.keyboard.press('Backspace');
        }
      }
      await typeFolder();
      await input.focus();
      await this.page.keyboard.press('End');
      await this.page.keyboard.type(name, { delay: 5 });
      typed = await ready(true, 3_000);
      if (!typed && round >= 4) {
        // A dialog that never lists the file (another kind of dialog): Enter takes the typed path
        // as long as no other row is focused.
        typed = await ready(false, 3_000);
        if (!typed) throw new Error(`the file dialog did not settle on ${absolutePath} (${round} tries): ${await this.workbenchState()}`);
        console.warn(`      ! the file dialog does not list ${name}: Enter with no row focused`);
      }
    }
    // An Enter that lands while the dialog is still resolving the typed path is ignored (busy
    // machines): press it again while the dialog still shows exactly that path. The dialog is done
    // when the quick input closes, or when it shows something else than the path: a quick pick
    // that the command opens next (e.g. which conversation of the file to review) reuses it.
    const stillThere = async () =>
      (await input.isVisible().catch(() => false)) && (await input.inputValue().catch(() => '')) === absolutePath;
    for (let attempt = 1; ; attempt++) {
      const before = await state();
      this.lastFileDialogEnter = `Enter #${attempt} for ${absolutePath} with the file dialog showing ${JSON.stringify(before)}`;
      await this.page.keyboard.press('Enter');
      try {
        await waitUntil(
          async () => !(await stillThere()) || undefined,
          attempt < 3 ? 5_000 : 30_000,
          () => `the file dialog still shows ${absolutePath} after Enter`,
          100,
        );
        break;
      } catch (err) {
        if (attempt >= 3 || !(await stillThere())) throw err;
      }
    }
    // Still a file dialog, with another path in it: Enter did not take the file (it went into a
    // folder the dialog had focused). Accepting takes a round trip: wait a moment before saying so.
    const other = await waitUntil(
      async () => {
        const s = await state();
        return !s || !s.value.startsWith('/') || undefined;
      },
      3_000,
      () => 'still a file dialog',
      100,
    ).then(() => undefined, () => state());
    if (other) {
      if (this.fileDialogRetries >= 2) {
        throw new Error(`Enter did not open ${absolutePath}: the file dialog now shows ${JSON.stringify(other)} (${this.lastFileDialogEnter})`);
      }
      console.warn(`      ! after Enter the file dialog shows ${JSON.stringify(other)}, not ${absolutePath} opened: once more`);
      this.fileDialogRetries++;
      try {
        await this.chooseInFileDialog(absolutePath);
      } finally {
        this.fileDialogRetries--;
      }
    }
  }

  private fileDialogRetries = 0;

  /**
   * Chooses a folder in the open file dialog of a folder picker (`showOpenDialog` with
   * `canSelectFolders`), as a user does: the parent folder (kept when the dialog proposes it, else
   * typed, until the dialog lists the folder), then the folder's name and a `/`, which takes the
   * dialog into it (a folder picker lists no files: its rows are `..` and any subfolders); Enter,
   * once the dialog shows that listing for a few looks in a row, accepts the folder shown. An Enter
   * that lands while the dialog still reads the folder is pressed again.
   */
  async chooseFolderInFileDialog(absolutePath: string): Promise<void> {
    const input = this.quickInputBox();
    const name = path.basename(absolutePath);
    const parent = path.dirname(absolutePath) + '/';
    const inside = absolutePath.replace(/\/*$/, '/');
    const value = () => input.inputValue().catch(() => '');
    const rows = async () => (await this.quickPickRows()).map((r) => r.label);
    // The dialog may propose the parent while it still lists another folder (its own parent):
    // typing the parent again makes it read the folder.
    for (let round = 1; ; round++) {
      if (round > 1 || (await value()) !== parent) await this.typeInQuickInput(parent);
      const listed = await waitUntil(
        async () => ((await value()) === parent && (await rows()).includes(name)) || undefined,
        round === 1 ? 3_000 : 10_000,
        () => 'not listed',
        100,
      ).catch(() => false);
      if (listed) break;
      if (round >= 3) throw new Error(`the file dialog does not list ${name} in ${parent}: ${await this.workbenchState()}`);
    }
    // Into the folder: its listing shows `..` and no row named like it (unless it has a subfolder of that name).
    for (let round = 1; ; round++) {
      await input.focus();
      await this.page.keyboard.press('End');
      await this.page.keyboard.type(`${name}/`, { delay: 5 });
      let held = 0;
      const settled = await waitUntil(
        async () => {
          const r = await rows();
          held = (await value()) === inside && r.includes('..') && !r.includes(name) ? held + 1 : 0;
          return held >= 3 || undefined;
        },
        5_000,
        () => 'not settled',
        150,
      ).catch(() => false);
      if (settled) break;
      if (round >= 3) throw new Error(`the file dialog did not go into ${inside}: ${await this.workbenchState()}`);
      console.warn(`      ! the file dialog shows ${JSON.stringify(await this.fileDialogState(name))} after ${name}/ was typed: typing it again`);
      await this.typeInQuickInput(parent);
    }
    for (let attempt = 1; ; attempt++) {
      this.lastFileDialogEnter = `Enter #${attempt} for the folder ${inside} with the file dialog showing ${JSON.stringify(await this.fileDialogState(name))}`;
      await this.page.keyboard.press('Enter');
      try {
        await waitUntil(
          async () => !(await input.isVisible().catch(() => false)) || (await value()) !== inside || undefined,
          attempt < 3 ? 5_000 : 30_000,
          () => `the file dialog still shows ${inside} after Enter`,
          100,
        );
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
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

  /**
   * The visible rows of the open quick pick: their labels (without descriptions, keybindings or
   * icons) and which one has the keyboard focus (Enter picks it).
   */
  async quickPickRows(): Promise<{ label: string; ariaLabel: string; focused: boolean }[]> {
    return this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .evaluateAll((rows) =>
        rows.map((r) => ({
          label: (r.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
          ariaLabel: r.getAttribute('aria-label') ?? '',
          focused: r.classList.contains('focused'),
        })),
      )
      .catch(() => []);
  }

  /**
   * Waits for a quick pick (not the command palette's text: a list of items) whose title matches
   * `title`, with its items listed; returns its title and rows.
   */
  async waitForQuickPick(
    title: RegExp,
    timeoutMs = 15_000,
  ): Promise<{ title: string; rows: { label: string; ariaLabel: string; focused: boolean }[] }> {
    let last: unknown;
    return waitUntil(
      async () => {
        const input = await this.quickInput();
        const rows = input ? await this.quickPickRows() : [];
        last = input && { ...input, rows };
        return input && title.test(input.title) && rows.length && rows.some((r) => r.focused) ? { title: input.title, rows } : undefined;
      },
      timeoutMs,
      async () => `no quick pick titled ${title}; on screen: ${JSON.stringify(last)}; notifications: ${JSON.stringify(await this.notificationMessages())}`,
      100,
    );
  }

  /**
   * Moves the focus in the open quick pick with the arrow keys to the item `label`, and picks it
   * with `key` (Enter; e.g. Ctrl+Enter in Quick Open opens a file in the editor group beside).
   */
  async chooseQuickPickItem(label: string, key = 'Enter'): Promise<void> {
    const rows = await this.quickPickRows();
    if (!rows.some((r) => r.label === label)) {
      throw new Error(`the quick pick has no item "${label}"; it lists ${rows.map((r) => `"${r.label}"`).join(', ')}`);
    }
    const focusedLabel = async () => (await this.quickPickRows()).find((r) => r.focused)?.label;
    let focused = await focusedLabel();
    for (let i = 0; i <= rows.length; i++) {
      if (focused === label) {
        await this.page.keyboard.press(key);
        return;
      }
      const from = focused;
      await this.page.keyboard.press('ArrowDown');
      // One step at a time: the next key only once the focus has visibly moved.
      focused = await waitUntil(
        async () => {
          const now = await focusedLabel();
          return now !== undefined && now !== from ? now : undefined;
        },
        5_000,
        () => `ArrowDown did not move the focus in the quick pick from "${from}"`,
        50,
      );
    }
    throw new Error(`the arrow keys never focused "${label}" in the quick pick`);
  }

  /**
   * Opens a workspace file with Quick Open (Ctrl+P), as a user does: types `typed` (default: the
   * file name), waits for the file `name` to be listed (the search runs in the background: Quick
   * Open is opened again while it is not), picks it (Enter, or Ctrl+Enter with `toSide`: in the
   * editor group beside) and waits for its editor tab to be the active one.
   */
  async quickOpen(name: string, options: { typed?: string; toSide?: boolean; timeoutMs?: number } = {}): Promise<string> {
    const typed = options.typed ?? name;
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    let rows: { label: string }[] = [];
    for (;;) {
      await this.dismissQuickInput();
      await this.page.keyboard.press('Control+P');
      await this.typeInQuickInput(typed);
      const listed = await waitUntil(
        async () => {
          rows = await this.quickPickRows();
          return rows.some((r) => r.label === name) || undefined;
        },
        5_000,
        () => 'not listed',
      ).catch(() => false);
      if (listed) break;
      if (Date.now() > deadline) {
        throw new Error(`Quick Open (Ctrl+P) "${typed}" does not list ${name}; it lists ${rows.map((r) => `"${r.label}"`).join(', ') || 'nothing'}`);
      }
    }
    await this.chooseQuickPickItem(name, options.toSide ? 'Control+Enter' : 'Enter');
    return this.waitForActiveTab(name);
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
      async () => `no editor tab "${contains}" became active (active tab: "${await this.activeTabLabel()}")\n${await this.workbenchState()}`,
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

  /** Waits until a line rendered in the active editor matches `pattern`; returns that line. */
  async waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    return waitUntil(
      async () => (await this.visibleEditorText()).split('\n').find((l) => pattern.test(l)),
      timeoutMs,
      async () => `the active editor shows no line ${pattern}; it shows:\n${(await this.visibleEditorText()).slice(0, 2000)}`,
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

  /**
   * The errors the extension hosts logged so far: each `[error]` line of their logs (an uncaught
   * exception of an extension, a provider that failed), without what follows it (a stack).
   */
  async extensionHostErrors(): Promise<string[]> {
    return (await this.extensionHostLog())
      .split('\n')
      .filter((l) => /^\S+ \S+ \[error\]/.test(l))
      .map((l) => l.trim());
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

  /** As assertNoErrors, and nothing in the extension host's error log beyond its first `since` errors. */
  async assertNoErrorsSince(while_: string, since: number): Promise<void> {
    await this.assertNoErrors(while_);
    const errors = (await this.extensionHostErrors()).slice(since);
    if (errors.length) throw new Error(`the extension host logged errors (${while_}): ${errors.join(' | ')}; see ${this.outDir}/logs`);
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
  // Editor: cursor, lines, decorations, code actions

  /** Focuses the editor of the first group (Ctrl+1), where editor keybindings apply. */
  async focusEditor(): Promise<void> {
    await this.dismissQuickInput();
    await this.page.keyboard.press('Control+1');
    await this.page
      .locator('.editor-group-container.active .monaco-editor.focused')
      .first()
      .waitFor({ timeout: 10_000 });
  }

  /** Makes the editor of `uri` (as decoded) the active, focused one, going through the tabs with Ctrl+PageUp. */
  async focusEditorOf(uri: string): Promise<void> {
    const isIt = async () => decodeURIComponent(await this.activeEditorUri()) === uri;
    await this.focusEditor();
    for (let i = 0; i < 5 && !(await isIt()); i++) {
      const before = await this.activeTabLabel();
      await this.page.keyboard.press('Control+PageUp');
      await waitUntil(async () => (await this.activeTabLabel()) !== before || undefined, 5_000, () => `Ctrl+PageUp left "${before}" active`);
    }
    if (!(await isIt())) throw new Error(`the active editor is ${decodeURIComponent(await this.activeEditorUri())}, not ${uri}`);
    await this.focusEditor();
  }

  /** The cursor position the status bar shows ("Ln 12, Col 60"), 1-based; undefined without an editor. */
  async cursorPosition(): Promise<{ line: number; column: number } | undefined> {
    const item = this.page.locator('#status\\.editor\\.selection').first();
    if (!(await item.count())) return undefined;
    const m = /Ln (\d+), Col (\d+)/.exec((await item.textContent()) ?? '');
    return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
  }

  /** How many characters the editor selection spans, as the status bar shows it ("(12 selected)"); 0 when none. */
  async selectedLength(): Promise<number> {
    const item = this.page.locator('#status\\.editor\\.selection').first();
    if (!(await item.count())) return 0;
    return Number(/\((\d+) selected\)/.exec((await item.textContent()) ?? '')?.[1] ?? 0);
  }

  /**
   * Selects the first match of `text` from the cursor on with the editor's Find widget, as a user
   * does: Ctrl+F, type, then Escape (the widget closes, the match stays selected and the editor
   * keeps the focus). Waits for the status bar to show a selection of `text.length` characters.
   */
  async selectWithFind(text: string, timeoutMs = 10_000): Promise<{ line: number; column: number }> {
    await this.focusEditor();
    const widget = this.page.locator('.editor-group-container.active .find-widget').first();
    const input = widget.locator('.find-part .monaco-findInput textarea, .find-part .monaco-findInput input').first();
    await this.page.keyboard.press('Control+F');
    await input.waitFor({ state: 'visible' });
    await waitUntil(
      async () => (await this.focusedElement()).className.includes('input') || undefined,
      5_000,
      async () => `Ctrl+F left the focus elsewhere: ${JSON.stringify(await this.focusedElement())}`,
      50,
    );
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text, { delay: 5 });
    await waitUntil(
      async () => (await input.inputValue()) === text && (await this.selectedLength()) === text.length || undefined,
      timeoutMs,
      async () => `Find "${text}" selected nothing (find input "${await input.inputValue()}", matches "${(await widget.locator('.matchesCount').first().textContent().catch(() => '')) ?? ''}", status bar ${JSON.stringify(await this.cursorPosition())}, ${await this.selectedLength()} selected)`,
      100,
    );
    // Escape closes the widget; one that lands while the widget is still busy may be lost: again.
    const open = this.page.locator('.editor-group-container.active .find-widget.visible').first();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Escape');
      try {
        await open.waitFor({ state: 'hidden', timeout: 3_000 });
        break;
      } catch (err) {
        if (attempt >= 3) {
          throw new Error(`Escape did not close the Find widget (focus: ${JSON.stringify(await this.focusedElement())}): ${(err as Error).message}`);
        }
      }
    }
    await this.animationsDone(widget); // it slides out of view
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: 5_000 });
    const at = await this.cursorPosition();
    if (!at || (await this.selectedLength()) !== text.length) {
      throw new Error(`after closing the Find widget the selection of "${text}" is gone (status bar ${JSON.stringify(at)})`);
    }
    return at;
  }

  /**
   * Shows the editor hover at the cursor with the keyboard (Ctrl+K Ctrl+I, "Show or Focus Hover")
   * and waits until its text matches `pattern` (the language server answers asynchronously);
   * returns the hover's text, white space collapsed.
   */
  async showHoverAtCursor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const hover = this.page.locator('.editor-group-container.active .monaco-editor .monaco-hover:not(.hidden)').first();
    const text = async () =>
      ((await hover.textContent({ timeout: 1_000 }).catch(() => '')) ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const shown = await waitUntil(
      async () => {
        const t = await text();
        return t && pattern.test(t) ? t : undefined;
      },
      timeoutMs,
      async () => `Ctrl+K Ctrl+I showed no hover matching ${pattern}; it shows: ${JSON.stringify(await text())}`,
    );
    await this.animationsDone(hover); // it fades in
    return shown;
  }

  /**
   * The rows of the editor's suggestion list (IntelliSense: Ctrl+Space), top to bottom: each one's
   * label and whether it is focused (Enter inserts it); [] when the list is closed.
   */
  async suggestions(): Promise<{ label: string; focused: boolean }[]> {
    return this.page
      .locator('.editor-group-container.active .editor-widget.suggest-widget.visible .monaco-list-row')
      .evaluateAll((rows) =>
        rows
          .map((r) => ({
            top: r.getBoundingClientRect().top,
            label: ((r.querySelector('.label-name') ?? r).textContent ?? '').replace(/\u00a0/g, ' ').trim(),
            focused: r.classList.contains('focused'),
          }))
          .sort((a, b) => a.top - b.top)
          .map(({ label, focused }) => ({ label, focused })),
      )
      .catch(() => []);
  }

  /**
   * Shows the suggestions at the cursor (Ctrl+Space) and waits until their labels satisfy `check`;
   * returns the rows. A list shown before a language server answered (only words of the document)
   * is closed (Escape) and asked for again, as a user would.
   */
  async triggerSuggest(
    check: (labels: string[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<{ label: string; focused: boolean }[]> {
    const deadline = Date.now() + timeoutMs;
    let rows: { label: string; focused: boolean }[] = [];
    for (let presses = 1; ; presses++) {
      await this.page.keyboard.press('Control+Space');
      const shown = await waitUntil(
        async () => {
          rows = await this.suggestions();
          return rows.length && check(rows.map((r) => r.label)) ? rows : undefined;
        },
        Math.max(1_000, Math.min(5_000, deadline - Date.now())),
        () => 'not yet',
      ).catch(() => undefined);
      if (shown) {
        if (presses > 1) console.warn(`      ! Ctrl+Space showed the expected suggestions only after ${presses} presses`);
        await this.animationsDone(this.page.locator('.editor-group-container.active .editor-widget.suggest-widget').first());
        return shown;
      }
      if (Date.now() >= deadline) throw new Error(`Ctrl+Space showed no such suggestions; it shows ${JSON.stringify(rows.map((r) => r.label))}`);
      if (rows.length) await this.page.keyboard.press('Escape');
    }
  }

  /** Waits until no CSS animation or transition runs on the element of `locator` or inside it (fades, slides). */
  async animationsDone(locator: ReturnType<Page['locator']>, timeoutMs = 5_000): Promise<void> {
    await waitUntil(
      async () =>
        locator
          .evaluate((el) => {
            type Animated = { getAnimations(o?: { subtree: boolean }): { playState: string }[]; parentElement: Animated | null };
            const e = el as unknown as Animated;
            const running = e.getAnimations({ subtree: true }).filter((a) => a.playState === 'running');
            // A fade may also be set on the widget that holds the element.
            for (let p = e.parentElement; p; p = p.parentElement) running.push(...p.getAnimations().filter((a) => a.playState === 'running'));
            return running.length === 0;
          })
          .catch(() => true),
      timeoutMs,
      () => 'an animation is still running',
      50,
    );
  }

  /** Closes the editor hover (Escape) and waits for it to go. */
  async hideHover(): Promise<void> {
    const hover = this.page.locator('.editor-group-container.active .monaco-editor .monaco-hover:not(.hidden)').first();
    if (!(await hover.isVisible().catch(() => false))) return;
    await this.page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden', timeout: 5_000 });
  }

  /** Waits until the status bar shows the cursor on `line` (1-based); returns the position. */
  async waitForCursorLine(line: number, timeoutMs = 10_000): Promise<{ line: number; column: number }> {
    return waitUntil(
      async () => {
        const pos = await this.cursorPosition();
        return pos?.line === line ? pos : undefined;
      },
      timeoutMs,
      async () => `the cursor is not on line ${line} (status bar: ${JSON.stringify(await this.cursorPosition())})`,
      100,
    );
  }

  /** Waits until the cursor moved away from `from` (a position the status bar showed); returns the new one. */
  async waitForCursorMove(from: { line: number; column: number } | undefined, timeoutMs = 10_000): Promise<{ line: number; column: number }> {
    return waitUntil(
      async () => {
        const pos = await this.cursorPosition();
        return pos && (pos.line !== from?.line || pos.column !== from?.column) ? pos : undefined;
      },
      timeoutMs,
      async () => `the cursor did not move from ${JSON.stringify(from)}`,
      100,
    );
  }

  /** Go to Line (Ctrl+G), types the 1-based line number, Enter; waits for the cursor there. */
  async goToLine(line: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.quickInputBox().waitFor({ state: 'visible' });
    await this.page.keyboard.type(String(line), { delay: 5 });
    await this.page.keyboard.press('Enter');
    await this.quickInputBox().waitFor({ state: 'hidden' });
    await this.waitForCursorLine(line);
  }

  /**
   * The document lines rendered on screen in the active editor, with their 1-based line number,
   * their full text (word-wrapped parts joined), the gutter icons beside them (file names of the
   * decorations' gutterIconPath), their whole-line background colours, and the text of inline
   * decorations drawn struck through (redactions), and the diagnostic squiggles on them.
   */
  async renderedLines(): Promise<RenderedLine[]> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor[data-uri]').first();
    if (!(await editor.count())) return [];
    return editor.evaluate((el) => {
      const root = el as unknown as DomElement;
      const w = globalThis as unknown as { getComputedStyle(e: DomElement): Record<string, string> };
      const top = (e: DomElement) => Math.round(e.getBoundingClientRect().top);
      const numbers = Array.from(root.querySelectorAll('.margin .line-numbers'))
        .map((e) => ({ line: Number((e.textContent ?? '').trim()), top: top(e) }))
        .filter((n) => n.line > 0)
        .sort((a, b) => a.top - b.top);
      const lineAt = (y: number): number | undefined => {
        let found: number | undefined;
        for (const n of numbers) if (n.top <= y + 2) found = n.line;
        return found;
      };
      const out = new Map<number, { line: number; text: string; gutter: string[]; backgrounds: string[]; struck: string[]; squiggles: string[] }>();
      const entry = (line: number) => {
        let e = out.get(line);
        if (!e) out.set(line, (e = { line, text: '', gutter: [], backgrounds: [], struck: [], squiggles: [] }));
        return e;
      };
      const viewLines = Array.from(root.querySelectorAll('.view-lines > .view-line')).sort((a, b) => top(a) - top(b));
      for (const vl of viewLines) {
        const line = lineAt(top(vl));
        if (line === undefined) continue;
        const e = entry(line);
        e.text += (vl.textContent ?? '').replace(/\u00a0/g, ' ');
        for (const span of Array.from(vl.querySelectorAll('span span, span'))) {
          if (span.children.length) continue;
          if ((w.getComputedStyle(span).textDecorationLine ?? '').includes('line-through')) e.struck.push((span.textContent ?? '').replace(/\u00a0/g, ' '));
        }
      }
      for (const g of Array.from(root.querySelectorAll('.margin .cgmr'))) {
        const bg = w.getComputedStyle(g).backgroundImage ?? '';
        const m = /url\("?([^")]*)"?\)/.exec(bg);
        if (!m) continue;
        const url = decodeURIComponent(m[1]);
        const name = /([^/\\?&=]+\.svg)/.exec(url)?.[1] ?? url;
        const line = lineAt(top(g));
        if (line !== undefined) entry(line).gutter.push(name);
      }
      for (const c of Array.from(root.querySelectorAll('.view-overlays .cdr'))) {
        const squiggle = /\bsquiggly-(error|warning|info|hint)\b/.exec(c.className)?.[1];
        if (squiggle) {
          const line = lineAt(top(c));
          if (line !== undefined && !entry(line).squiggles.includes(squiggle)) entry(line).squiggles.push(squiggle);
          continue;
        }
        const color = w.getComputedStyle(c).backgroundColor ?? '';
        if (!color || color === 'transparent' || color === 'rgba(0, 0, 0, 0)') continue;
        const line = lineAt(top(c));
        if (line !== undefined) entry(line).backgrounds.push(color);
      }
      return [...out.values()].sort((a, b) => a.line - b.line);
    });
  }

  /** The rendered line holding `needle` (e.g. a message id); undefined when none is on screen. */
  async renderedLine(needle: string): Promise<RenderedLine | undefined> {
    return (await this.renderedLines()).find((l) => l.text.includes(needle));
  }

  /** Waits until the rendered line holding `needle` satisfies `check`; returns it. */
  async waitForRenderedLine(
    needle: string,
    check: (line: RenderedLine) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<RenderedLine> {
    let last: RenderedLine | undefined;
    return waitUntil(
      async () => {
        last = await this.renderedLine(needle);
        return last && check(last) ? last : undefined;
      },
      timeoutMs,
      () => `the line of ${needle} ${what}; it is ${JSON.stringify(last)}`,
    );
  }

  /** Opens the quick-fix menu (Ctrl+.) and waits for its actions; returns them. */
  async openQuickFixMenu(timeoutMs = 15_000): Promise<CodeActionRow[]> {
    // A Ctrl+. whose request the editor drops (it answers "No code actions available" while the
    // language server is still busy with the line) is pressed again, as a user would.
    const deadline = Date.now() + timeoutMs;
    const said: string[] = [];
    for (let presses = 1; ; presses++) {
      await this.page.keyboard.press('Control+.');
      const rows = await waitUntil(
        async () => {
          const message = await this.editorMessage();
          if (message && !said.includes(message)) said.push(message);
          const r = await this.codeActionMenu();
          return r.length ? r : undefined;
        },
        Math.max(1_000, Math.min(5_000, deadline - Date.now())),
        () => 'no menu yet',
      ).catch(() => undefined);
      if (rows) {
        if (presses > 1) console.warn(`      ! Ctrl+. showed the code actions only after ${presses} presses${said.length ? ` (the editor said: ${said.join(' | ')})` : ''}`);
        return rows;
      }
      if (Date.now() >= deadline) throw new Error(`Ctrl+. showed no code actions${said.length ? ` (the editor said: ${said.join(' | ')})` : ''}`);
    }
  }

  /** The message the editor shows over the text (e.g. "No code actions available"); '' when none. */
  async editorMessage(): Promise<string> {
    const box = this.page.locator('.editor-group-container.active .monaco-editor-overlaymessage').first();
    if (!(await box.isVisible().catch(() => false))) return '';
    return ((await box.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The actions of the open code-action menu (lightbulb / Ctrl+.), and which one is focused. */
  async codeActionMenu(): Promise<CodeActionRow[]> {
    return this.page
      .locator('.action-widget .monaco-list-row.action')
      .evaluateAll((rows) =>
        rows.map((r) => ({
          label: (r.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
          focused: r.classList.contains('focused'),
          disabled: r.classList.contains('option-disabled') || r.getAttribute('aria-disabled') === 'true',
        })),
      )
      .catch(() => []);
  }

  /** Moves the focus in the open code-action menu with the arrow keys to the action matching `label`, and runs it (Enter). */
  async chooseCodeAction(label: RegExp): Promise<string> {
    const rows = await this.codeActionMenu();
    const target = rows.findIndex((r) => label.test(r.label));
    if (target < 0) throw new Error(`the code-action menu has no action ${label}; it lists ${rows.map((r) => `"${r.label}"`).join(', ')}`);
    for (let i = 0; i < rows.length + 2; i++) {
      const focused = (await this.codeActionMenu()).find((r) => r.focused);
      if (focused && label.test(focused.label)) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden' });
        return focused.label;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`the arrow keys never focused ${label} in the code-action menu`);
  }

  // ---------------------------------------------------------------------------------------------
  // Problems panel, status bar, notifications, side bar

  /**
   * The problems listed in the Problems panel (open it first, e.g. Ctrl+Shift+M). Rows the panel
   * has scrolled out of view are collected by scrolling it.
   */
  async problems(): Promise<Problem[]> {
    // Each row of the panel's tree is a file (aria-level 1) or one of its problems, in the order of
    // their index in the list (data-index): a problem belongs to the last file row before it. When
    // that row is scrolled out of view, the tree keeps a copy of it at the top (a sticky row).
    // Problems are collected by what they say, so that a row the panel shows for a moment longer
    // than the status bar (it updates a little later) makes the counts disagree, not another go.
    const read = () =>
      this.page
        .locator('.markers-panel .monaco-list-row')
        .evaluateAll((rows) => {
          const text = (r: (typeof rows)[number], sel: string) => (r.querySelector(sel)?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
          const sorted = rows
            .map((r) => ({ r, index: Number(r.getAttribute('data-index') ?? -1), sticky: r.classList.contains('monaco-tree-sticky-row') }))
            .sort((a, b) => a.index - b.index || Number(b.sticky) - Number(a.sticky));
          let file = '';
          const out: Problem[] = [];
          for (const { r, sticky } of sorted) {
            const marker = !!r.querySelector('.marker-message');
            if (!marker && (r.getAttribute('aria-level') === '1' || sticky)) file = text(r, '.label-name');
            if (!marker || sticky) continue;
            const icon = r.querySelector('.marker-icon')?.className ?? '';
            const at = /Ln (\d+), Col (\d+)/.exec(text(r, '.marker-line'));
            out.push({
              severity: /error/.test(icon) ? 'error' : /warning/.test(icon) ? 'warning' : 'info',
              message: text(r, '.marker-message'),
              source: text(r, '.marker-source'),
              code: text(r, '.marker-code'),
              line: at ? Number(at[1]) : 0,
              column: at ? Number(at[2]) : 0,
              resource: file,
            });
          }
          return out;
        })
        .catch(() => [] as Problem[]);
    const seen = new Map<string, Problem>();
    const add = (list: Problem[]) => list.forEach((p) => seen.set(`${p.resource}\n${p.line}:${p.column}:${p.code}:${p.message}`, p));
    // A row read before its file was known, and again with it: once.
    const listed = () => {
      const all = [...seen.values()];
      const same = (a: Problem, b: Problem) => a.line === b.line && a.column === b.column && a.code === b.code && a.message === b.message;
      return all.filter((p) => p.resource || !all.some((q) => q.resource && same(p, q)));
    };
    // Scrolled with the mouse wheel over the list's scroll bar (at its right edge), not over a row:
    // a row's tooltip would cover the list (and take the next wheel turn) and show in screenshots.
    const list = this.page.locator('.markers-panel .monaco-list').first();
    const box = (await list.count()) ? await list.boundingBox().catch(() => null) : null;
    const scroll = async (deltaY: number) => {
      if (!box) return;
      await this.page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
      await this.page.mouse.wheel(0, deltaY);
    };
    const height = box?.height ?? 0;
    /** Turns the wheel by `deltaY` and waits for the list to show other rows; false when it did not move. */
    const step = async (deltaY: number) => {
      const before = JSON.stringify(await read());
      await scroll(deltaY);
      return waitUntil(async () => JSON.stringify(await read()) !== before || undefined, 1_000, () => 'not scrolled', 50).catch(() => false);
    };
    // The first row (the list's top) is on screen: not the sticky copy of a file row.
    const first = this.page.locator('.markers-panel .monaco-list-row[data-index="0"]:not(.monaco-tree-sticky-row)');
    const toTop = async () => {
      for (let i = 0; i < 50 && height && !(await first.count()); i++) if (!(await step(-height / 2))) break;
    };
    // From the top of the list (an earlier look, or the panel itself, may have left it scrolled).
    await toTop();
    add(await read());
    const total = await this.problemCounts();
    const expected = total.errors + total.warnings + total.infos;
    if (listed().length < expected && height) {
      for (let i = 0; i < 50 && listed().length < expected; i++) {
        await step(height / 2);
        add(await read());
      }
      await toTop();
    }
    // The mouse leaves the panel.
    if (box) await this.page.mouse.move(1, box.y);
    return listed().sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /**
   * The Problems panel's rows (Ctrl+Shift+M opens it), once it lists every problem the status bar
   * counts and `check` holds; with `source`, only that source's rows, which must then be all.
   */
  async problemsWhen(options: { source?: string; check?: (all: Problem[]) => boolean; what?: string; timeoutMs?: number } = {}): Promise<Problem[]> {
    const { source, check = () => true, what = 'every problem the status bar counts', timeoutMs = 30_000 } = options;
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.page.keyboard.press('Control+Shift+KeyM');
      await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
    }
    let last: Problem[] = [];
    return waitUntil(
      async () => {
        const counts = await this.problemCounts();
        last = (await this.problems()).filter((p) => source === undefined || p.source === source);
        return last.length === counts.errors + counts.warnings + counts.infos && check(last) ? last : undefined;
      },
      timeoutMs,
      () => `the Problems panel never showed ${what}; it lists ${JSON.stringify(last.map((p) => `${p.resource} ${p.line}: [${p.severity} ${p.source} ${p.code}] ${p.message}`), null, 1)}`,
    );
  }

  /** The error, warning and info counts of the status bar's problems item. */
  async problemCounts(): Promise<{ errors: number; warnings: number; infos: number }> {
    const item = this.page.locator('#status\\.problems').first();
    const label = ((await item.getAttribute('aria-label').catch(() => null)) ?? '').trim();
    const count = (what: string) => Number(new RegExp(`${what}: (\\d+)`).exec(label)?.[1] ?? 0);
    return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
  }

  /** Text of the status bar item whose text matches `pattern` (codicons left out); '' when none. */
  async statusBarItem(pattern: RegExp): Promise<string> {
    const texts = await this.page
      .locator('.statusbar-item')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()))
      .catch(() => [] as string[]);
    return texts.find((t) => pattern.test(t)) ?? '';
  }

  /** The messages of the notification toasts on screen, with their severity. */
  async notificationMessages(): Promise<{ severity: 'error' | 'warning' | 'info'; message: string }[]> {
    return this.page
      .locator('.notifications-toasts .notification-list-item')
      .evaluateAll((items) =>
        items.map((i) => {
          const icon = i.querySelector('.notification-list-item-icon')?.className ?? '';
          return {
            severity: /error/.test(icon) ? 'error' : /warning/.test(icon) ? 'warning' : 'info',
            message: (i.querySelector('.notification-list-item-message')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          } as const;
        }),
      )
      .catch(() => []);
  }

  /** Waits for a notification whose message matches `pattern`; returns it. */
  async waitForNotification(pattern: RegExp, timeoutMs = 15_000): Promise<{ severity: string; message: string }> {
    return waitUntil(
      async () => (await this.notificationMessages()).find((n) => pattern.test(n.message)),
      timeoutMs,
      async () => `no notification ${pattern}; shown: ${JSON.stringify(await this.notificationMessages())}`,
    );
  }

  /** Clears every notification (the command "Notifications: Clear All Notifications"). */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await waitUntil(
      async () => (await this.page.locator('.notifications-toasts .notification-list-item').count()) === 0,
      10_000,
      () => 'notifications are still shown',
    );
  }

  /** What has the keyboard focus: the element's tag and class, and the class of the workbench part it is in. */
  async focusedElement(): Promise<{ tag: string; className: string; part: string }> {
    return this.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { activeElement: (DomElement & { tagName: string; closest(s: string): DomElement | null }) | null } }).document;
      const el = doc.activeElement;
      return { tag: el?.tagName ?? '', className: String(el?.className ?? ''), part: String(el?.closest('.part')?.className ?? '') };
    });
  }

  /** Whether the active editor tab shows unsaved changes. */
  async activeTabIsDirty(): Promise<boolean> {
    return (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0;
  }

  /** Number of editor tabs open in all groups. */
  async tabCount(): Promise<number> {
    return this.page.locator('.tabs-container .tab').count();
  }

  /** The rows of the tree/list views in the side bar: label, description, depth and expansion. */
  async sideBarRows(): Promise<{ label: string; description: string; level: number; expanded: boolean | undefined }[]> {
    return this.page
      .locator('.part.sidebar .pane-body .monaco-list-row')
      .evaluateAll((rows) =>
        rows.map((r) => {
          const expanded = r.getAttribute('aria-expanded');
          return {
            label: (r.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
            description: (r.querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
            level: Number(r.getAttribute('aria-level') ?? 0),
            expanded: expanded === null ? undefined : expanded === 'true',
          };
        }),
      )
      .catch(() => []);
  }

  // ---------------------------------------------------------------------------------------------
  // Modal dialogs, quick input messages, diff editors, the command palette

  /**
   * The modal dialog on screen (e.g. a `showErrorMessage(…, { modal: true })`): its message, its
   * detail, its buttons (in screen order), the focused button, and its severity; undefined when none.
   */
  async dialog(): Promise<DialogInfo | undefined> {
    const box = this.page.locator('.monaco-dialog-box').first();
    if (!(await box.isVisible().catch(() => false))) return undefined;
    return box
      .evaluate((el) => {
        const clean = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
        const doc = (globalThis as unknown as { document: { activeElement: unknown } }).document;
        const buttons = Array.from((el as unknown as DomElement).querySelectorAll('.dialog-buttons .monaco-button'));
        const icon = el.querySelector('.dialog-icon')?.className ?? '';
        return {
          message: clean(el.querySelector('.dialog-message-text')?.textContent),
          detail: clean(el.querySelector('.dialog-message-detail')?.textContent),
          buttons: buttons.map((b) => clean(b.textContent)),
          focused: clean(buttons.find((b) => b === doc.activeElement)?.textContent),
          severity: /error/.test(icon) ? 'error' : /warning/.test(icon) ? 'warning' : 'info',
        } as DialogInfo;
      })
      .catch(() => undefined);
  }

  /** Waits for a modal dialog (whose message or detail matches `pattern`, when given); returns it. */
  async waitForDialog(pattern?: RegExp, timeoutMs = 15_000): Promise<DialogInfo> {
    return waitUntil(
      async () => {
        const d = await this.dialog();
        return d && (!pattern || pattern.test(`${d.message} ${d.detail}`)) ? d : undefined;
      },
      timeoutMs,
      async () => `no modal dialog ${pattern ?? ''}; shown: ${JSON.stringify(await this.dialog())}; notifications: ${JSON.stringify(await this.notificationMessages())}`,
    );
  }

  async waitForDialogClosed(timeoutMs = 10_000): Promise<void> {
    await waitUntil(async () => !(await this.dialog()), timeoutMs, async () => `the dialog is still open: ${JSON.stringify(await this.dialog())}`);
  }

  /** Moves the keyboard focus in the open dialog to the button `label` (Tab), and presses Enter. */
  async chooseDialogButton(label: string): Promise<void> {
    const d = await this.waitForDialog();
    if (!d.buttons.includes(label)) throw new Error(`the dialog has no button "${label}"; it has ${d.buttons.map((b) => `"${b}"`).join(', ')}`);
    for (let i = 0; i <= d.buttons.length * 2; i++) {
      if ((await this.dialog())?.focused === label) {
        await this.page.keyboard.press('Enter');
        await this.waitForDialogClosed();
        return;
      }
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never focused the dialog button "${label}" (focused: "${(await this.dialog())?.focused}")`);
  }

  /** Waits until no notification toast matches `pattern` (e.g. a finished progress going away); returns the wait in ms. */
  async waitForNotificationGone(pattern: RegExp, timeoutMs = 15_000): Promise<number> {
    const start = Date.now();
    await waitUntil(
      async () => !(await this.notificationMessages()).some((n) => pattern.test(n.message)) || undefined,
      timeoutMs,
      async () => `the notification ${pattern} is still shown after ${timeoutMs} ms: ${JSON.stringify(await this.notificationMessages())}`,
    );
    return Date.now() - start;
  }

  /**
   * The actions in the title bar of the active editor group: each one's text, its accessible label
   * (with the keybinding), and how far it reaches above and below the title bar (px; 0 when inside).
   */
  async editorTitleActions(): Promise<{ text: string; ariaLabel: string; overflowTop: number; overflowBottom: number }[]> {
    const title = await this.page.locator('.editor-group-container.active .title').first().boundingBox();
    if (!title) return [];
    const items = await this.page
      .locator('.editor-group-container.active .editor-actions .action-item')
      .evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return {
            text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
            ariaLabel: e.querySelector('.action-label')?.getAttribute('aria-label') ?? '',
            top: r.top,
            bottom: r.bottom,
          };
        }),
      )
      .catch(() => []);
    return items.map((i) => ({
      text: i.text,
      ariaLabel: i.ariaLabel,
      overflowTop: Math.max(0, Math.round(title.y - i.top)),
      overflowBottom: Math.max(0, Math.round(i.bottom - (title.y + title.height))),
    }));
  }

  /** The message under the open quick input (an input box's prompt or its validation message). */
  async quickInputMessage(): Promise<string> {
    return ((await this.page.locator('.quick-input-widget .quick-input-message').first().textContent().catch(() => '')) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** The title and value of the open quick input; undefined when none is open. */
  async quickInput(): Promise<{ title: string; value: string; message: string; placeholder: string } | undefined> {
    const input = this.quickInputBox();
    if (!(await input.isVisible().catch(() => false))) return undefined;
    const title = ((await this.page.locator('.quick-input-widget .quick-input-title').first().textContent().catch(() => '')) ?? '').trim();
    const placeholder = ((await input.getAttribute('placeholder').catch(() => null)) ?? '').trim();
    return { title, value: await input.inputValue(), message: await this.quickInputMessage(), placeholder };
  }

  /**
   * Waits for a quick pick whose placeholder (the prompt of a `showQuickPick` without a title)
   * matches `placeholder`, with its items listed and one focused; returns the placeholder and rows.
   */
  async waitForQuickPickPlaceholder(
    placeholder: RegExp,
    timeoutMs = 15_000,
  ): Promise<{ placeholder: string; rows: { label: string; ariaLabel: string; focused: boolean }[] }> {
    let last: unknown;
    return waitUntil(
      async () => {
        const input = await this.quickInput();
        const rows = input ? await this.quickPickRows() : [];
        last = input && { ...input, rows };
        return input && placeholder.test(input.placeholder) && rows.length && rows.some((r) => r.focused)
          ? { placeholder: input.placeholder, rows }
          : undefined;
      },
      timeoutMs,
      async () => `no quick pick with the placeholder ${placeholder}; on screen: ${JSON.stringify(last)}; notifications: ${JSON.stringify(await this.notificationMessages())}`,
      100,
    );
  }

  /**
   * Whether the command palette lists an entry with exactly `title` (the palette is left closed).
   * Unlike runCommand this does not retry for long: for commands whose `when` clause may hide them.
   */
  async commandPaletteLists(title: string, waitMs = 3_000): Promise<boolean> {
    await this.dismissQuickInput();
    await this.page.keyboard.press('F1');
    await this.quickInputBox().waitFor({ state: 'visible' });
    await this.page.keyboard.type(title, { delay: 5 });
    const listed = await waitUntil(
      async () => (await this.quickPickRows()).some((r) => r.label === title) || undefined,
      waitMs,
      () => 'not listed',
    ).catch(() => false);
    await this.dismissQuickInput();
    return listed === true;
  }

  /**
   * Alt+Z (toggle word wrap) in the diff editor once both its sides are rendered: pressed while
   * the editor is still opening (a loaded machine), the key reaches no editor and nothing wraps.
   */
  async toggleDiffWrap(): Promise<void> {
    await waitUntil(
      async () => {
        const s = await this.diffEditorSides();
        return s && s.original.lines.length > 1 && s.modified.lines.length > 1 ? true : undefined;
      },
      30_000,
      () => 'the diff editor never rendered both sides',
    );
    await this.focusEditor();
    await this.page.keyboard.press('Alt+KeyZ');
  }

  /**
   * The two sides of the diff editor in the active group, as rendered: each side's URI and its
   * lines (1-based number and text, word-wrapped parts joined), top to bottom; undefined when the
   * active editor is no diff editor. Only lines rendered on screen are listed.
   */
  async diffEditorSides(): Promise<{ original: DiffSide; modified: DiffSide } | undefined> {
    const diff = this.page.locator('.editor-group-container.active .monaco-diff-editor').first();
    if (!(await diff.count())) return undefined;
    return diff
      .evaluate((el) => {
        const root = el as unknown as DomElement & { querySelector(s: string): (DomElement & { getAttribute(n: string): string | null }) | null };
        const top = (e: DomElement) => Math.round(e.getBoundingClientRect().top);
        const side = (cls: string) => {
          const editor = root.querySelector(`.monaco-editor.${cls}`);
          if (!editor) return { uri: '', lines: [] as { line: number; text: string }[] };
          const numbers = Array.from(editor.querySelectorAll('.margin .line-numbers'))
            .map((e) => ({ line: Number((e.textContent ?? '').trim()), top: top(e) }))
            .filter((n) => n.line > 0)
            .sort((a, b) => a.top - b.top);
          const byLine = new Map<number, string>();
          const views = Array.from(editor.querySelectorAll('.view-lines > .view-line')).sort((a, b) => top(a) - top(b));
          for (const v of views) {
            let line: number | undefined;
            for (const n of numbers) if (n.top <= top(v) + 2) line = n.line;
            if (line === undefined) continue;
            byLine.set(line, (byLine.get(line) ?? '') + (v.textContent ?? '').replace(/\u00a0/g, ' '));
          }
          return {
            uri: decodeURIComponent(editor.getAttribute('data-uri') ?? ''),
            lines: [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, text]) => ({ line, text })),
          };
        };
        return { original: side('original-in-monaco-diff-editor'), modified: side('modified-in-monaco-diff-editor') };
      })
      .catch(() => undefined);
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

  /**
   * For an `afterEach` hook: when the step failed, a screenshot of the screen it left behind
   * (`NN-failed-<title>.png`) and what the workbench showed (`NN-failed-<title>.txt`: see
   * workbenchState); both paths are printed, so a CI log says where to look. A screenshot that
   * cannot be taken (e.g. a renderer too busy to paint in time) is said too, and tried once more.
   */
  async screenshotIfFailed(test: { state?: string; title: string } | undefined): Promise<void> {
    if (test?.state !== 'failed' || this.closed) return;
    const name = `failed-${test.title}`;
    const saved: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        saved.push(await this.screenshot(name));
        break;
      } catch (err) {
        console.warn(`      ! failure screenshot ${attempt} not taken: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    try {
      const state = await this.workbenchState();
      const base = saved[0]?.replace(/\.png$/, '') ?? path.join(this.outDir, `${String(this.shots).padStart(2, '0')}-${name.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '')}`);
      await fsp.writeFile(`${base}.txt`, `${test.title}\n\n${state}\n`);
      saved.push(`${base}.txt`);
    } catch (err) {
      console.warn(`      ! the workbench state was not saved: ${(err as Error).message.split('\n')[0]}`);
    }
    for (const file of saved) console.log(`      failed step saved: ${path.relative(REPO_ROOT, file)}`);
  }

  /**
   * What the workbench shows, for a failure message: the active editor and tab, the focused
   * element, the quick input (title, value, placeholder, message, rows and the focused one), the
   * editor widgets that are open (hover, code actions, Find, suggestions, peek, context menu), a
   * modal dialog, the notifications, and what the last file dialog had when Enter was pressed.
   */
  async workbenchState(): Promise<string> {
    const out: string[] = [];
    const add = async (label: string, get: () => Promise<unknown>) => {
      try {
        const v = await get();
        out.push(`${label}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
      } catch (err) {
        out.push(`${label}: (${(err as Error).message.split('\n')[0]})`);
      }
    };
    await add('active editor', async () => decodeURIComponent(await this.activeEditorUri()) || '(none)');
    await add('active tab', () => this.activeTabLabel());
    await add('focus', () => this.focusedElement());
    await add('quick input', async () => {
      const q = await this.quickInput();
      return q ? { ...q, rows: (await this.quickPickRows()).map((r) => (r.focused ? `[${r.label}]` : r.label)).slice(0, 40) } : '(closed)';
    });
    await add('open widgets', () => this.openWidgets());
    await add('dialog', async () => (await this.dialog()) ?? '(none)');
    await add('notifications', () => this.notificationMessages());
    await add('cursor', async () => (await this.cursorPosition()) ?? '(none)');
    await add('last file dialog Enter', async () => this.lastFileDialogEnter ?? '(none)');
    return out.join('\n');
  }

  /** The transient widgets on screen that take the keyboard or hide the editor (see closeWidgets). */
  async openWidgets(): Promise<string[]> {
    const widgets: [string, string][] = [
      ['quick input', '.quick-input-widget .quick-input-box input'],
      ['hover', '.monaco-hover:not(.hidden)'],
      ['code actions', '.action-widget'],
      ['find', '.editor-group-container .find-widget.visible'],
      ['suggest', '.editor-widget.suggest-widget.visible'],
      ['parameter hints', '.editor-widget.parameter-hints-widget.visible'],
      ['peek', '.peekview-widget'],
      ['editor message', '.monaco-editor-overlaymessage'],
      ['context menu', '.context-view .monaco-menu'],
      ['rename', '.monaco-editor .rename-box'],
    ];
    const open: string[] = [];
    for (const [label, selector] of widgets) {
      const locator = this.page.locator(selector);
      const n = await locator.count().catch(() => 0);
      for (let i = 0; i < n; i++) {
        if (await locator.nth(i).isVisible().catch(() => false)) {
          open.push(label);
          break;
        }
      }
    }
    return open;
  }

  /**
   * Closes what a step may have left open over the editor (a quick input, a hover, the code-action
   * menu or lightbulb menu, the Find widget, suggestions, a peek view, a context menu, an editor
   * message): Escape, in the editor when one is open, until none is left. Returns what was open.
   */
  async closeWidgets(): Promise<string[]> {
    const described = async () => {
      const open = await this.openWidgets();
      const q = open.includes('quick input') ? await this.quickInput() : undefined;
      return open.map((w) => (w === 'quick input' && q ? `quick input ${JSON.stringify(q.value || q.placeholder || q.title)}` : w));
    };
    const first = await described();
    let open = await this.openWidgets();
    for (let i = 0; open.length && i < 6; i++) {
      if (open.includes('quick input') || open.includes('context menu')) await this.page.keyboard.press('Escape');
      else {
        // Editor widgets close on Escape in their editor: give the editor the focus first.
        if (await this.page.locator('.editor-group-container.active .monaco-editor').count()) {
          const focused = await this.focusedElement();
          if (!/monaco-editor|inputarea|native-edit-context/.test(focused.className) && !/editor/.test(focused.part)) {
            await this.page.keyboard.press('Control+1');
          }
        }
        await this.page.keyboard.press('Escape');
      }
      await waitUntil(
        async () => {
          const now = await this.openWidgets();
          return now.length < open.length || now.join() !== open.join() || undefined;
        },
        1_000,
        () => 'still open',
        100,
      ).catch(() => undefined);
      open = await this.openWidgets();
    }
    if (open.length) throw new Error(`Escape did not close ${open.join(', ')} (focus: ${JSON.stringify(await this.focusedElement())})`);
    return first;
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
