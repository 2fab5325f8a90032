// Journey: a reviewer works through the sample export with the keyboard only. Open it, read the
// flags in the Problems panel, jump between flags (Alt+N), tag with the quick fix (Ctrl+. Enter)
// and with a key (Alt+P), undo and redo, redact an IBAN with "Redact only …", save (Ctrl+S) to
// the sidecar, close (Ctrl+W) and reopen with the tags restored — also after a window reload —,
// see an edit of message text refused, and read the status bar and the Chat Review view.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, VSCodeHarness, stepByStep, waitUntil, type Problem, type RenderedLine } from '../harness';
import { openWithDialog } from './openExport.expect';
import {
  BSN, EDITED, IBAN, PRIVE, SAMPLE_ZIP, SOURCE,
  assertSidecar, parseReviewStatus, sidecarName, tagOf,
} from './reviewKeyboard.expect';

describe('journey: review with the keyboard', function () {
  stepByStep(this); // each step builds on the one before (bail() would also skip the journeys after this one)
  this.timeout(60_000);
  let vs: VSCodeHarness;
  let zipPath: string;
  let sidecarPath: string;
  /** 1-based document line of each message id, from the document text. */
  const lineOf = new Map<string, number>();
  /** Lines with open chatreview flags when the export was opened, ascending. */
  let flaggedLines: number[] = [];
  let initialProblems: Problem[] = [];
  let savedSidecar = '';
  let started = Date.now();

  const press = (keys: string) => vs.page.keyboard.press(keys);
  const line = (id: string) => {
    const n = lineOf.get(id);
    assert.ok(n, `${id} is a line of the document`);
    return n;
  };
  const isFlagProblem = (p: Problem) => p.source === SOURCE && p.code !== 'edited-text' && p.code !== 'more-flags';

  async function reviewStatus() {
    const text = await vs.statusBarItem(/tagged/);
    const parsed = parseReviewStatus(text);
    assert.ok(parsed, `the status bar shows "N open · N tagged · N% reviewed", it shows "${text}"`);
    return parsed;
  }

  async function waitForStatus(check: (s: { open: number; tagged: number; reviewed: number }) => boolean, what: string) {
    return waitUntil(
      async () => {
        const s = parseReviewStatus(await vs.statusBarItem(/tagged/));
        return s && check(s) ? s : undefined;
      },
      15_000,
      async () => `the Chat Review status bar item never showed ${what}: "${await vs.statusBarItem(/tagged/)}"`,
    );
  }

  const chatreviewProblems = (timeoutMs = 30_000) => vs.problemsWhen({ source: SOURCE, timeoutMs });

  /** Opens the sample with the command palette and the file dialog, as a user does. */
  function openSample(): Promise<void> {
    return openWithDialog(vs, zipPath);
  }

  /** Presses Alt+N until the cursor is on `target`; every stop is the next flagged line. */
  async function altNTo(target: number, flagged: number[]): Promise<number[]> {
    const stops: number[] = [];
    for (let i = 0; i <= flagged.length + 1; i++) {
      const pos = await vs.cursorPosition();
      if (pos?.line === target) return stops;
      const expected = flagged.find((l) => l > (pos?.line ?? 0)) ?? flagged[0];
      await press('Alt+KeyN');
      const now = await vs.waitForCursorMove(pos);
      assert.equal(now.line, expected, `Alt+N from line ${pos?.line} goes to the next flagged line ${expected} (flagged: ${flagged.join(', ')})`);
      stops.push(now.line);
    }
    assert.fail(`Alt+N never reached line ${target} (flagged: ${flagged.join(', ')}; stops ${stops.join(', ')})`);
  }

  async function assertRestored(): Promise<void> {
    await vs.waitForRenderedLine(BSN.id, (l) => tagOf(l.text, BSN.id) === 'AVG', 'is not tagged AVG');
    await vs.waitForRenderedLine(PRIVE.id, (l) => tagOf(l.text, PRIVE.id) === 'privé', 'is not tagged privé');
    const iban = await vs.waitForRenderedLine(IBAN.id, (l) => l.text.includes(`⟦AVG|${IBAN.value}⟧`), `does not show ⟦AVG|${IBAN.value}⟧`);
    assert.equal(tagOf(iban.text, IBAN.id), '', `${IBAN.id} has no tag, only its redaction`);
    // The whole model, not only what is on screen.
    const text = await vs.readEditorText();
    const lines = text.split('\n');
    assert.equal(tagOf(lines[line(BSN.id) - 1], BSN.id), 'AVG');
    assert.equal(tagOf(lines[line(PRIVE.id) - 1], PRIVE.id), 'privé');
    assert.ok(lines[line(IBAN.id) - 1].includes(`⟦AVG|${IBAN.value}⟧`), lines[line(IBAN.id) - 1]);
  }

  before(async function () {
    this.timeout(180_000);
    started = Date.now();
    // VS Code in the browser saves after a delay by default; the extension turns auto-save off for
    // review documents (a language default), so this journey relies on that, not on a setting.
    vs = await VSCodeHarness.launch('review-keyboard');
    zipPath = path.join(vs.workspace, SAMPLE_ZIP);
    sidecarPath = path.join(vs.workspace, sidecarName(SAMPLE_ZIP));
  });

  afterEach(async function () {
    await vs?.screenshotIfFailed(this.currentTest);
  });

  after(async function () {
    this.timeout(60_000);
    await vs?.close();
    console.log(`      (journey took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  it('1. opens the sample zip with "Chat Review: Open Export"', async function () {
    await openSample();
    const text = await vs.readEditorText();
    await vs.saveText('document.txt', text);
    text.split('\n').forEach((l, i) => {
      const id = /\b(m\d{6})\b/.exec(l)?.[1];
      if (id && !l.startsWith('#')) lineOf.set(id, i + 1);
    });
    for (const id of [BSN.id, IBAN.id, PRIVE.id, EDITED.id]) line(id);
    assert.ok(!fs.existsSync(sidecarPath), 'no review state is saved yet');
    await vs.screenshot('opened');
  });

  it('2. the Problems panel (Ctrl+Shift+M) lists the flags; flagged lines get a gutter icon', async function () {
    await waitUntil(
      async () => {
        const c = await vs.problemCounts();
        return c.warnings + c.infos > 0;
      },
      30_000,
      () => 'the language server published no diagnostics for the sample (are the detectors in place? see src/server/detectors/index.ts)',
    );
    await press('Control+Shift+KeyM');
    await vs.page.locator('.markers-panel').waitFor({ state: 'visible' });
    initialProblems = await chatreviewProblems();
    const problems = initialProblems;
    const list = problems.map((p) => `${p.code} L${p.line}: ${p.message}`).join('\n');

    const bsn = problems.find((p) => p.code === BSN.rule);
    assert.ok(bsn, `a "${BSN.rule}" problem is listed:\n${list}`);
    assert.match(bsn.message, BSN.evidence);
    assert.equal(bsn.line, line(BSN.id), `the bsn flag is on the line of ${BSN.id}`);
    assert.equal(bsn.severity, 'warning');
    const iban = problems.find((p) => p.code === IBAN.rule);
    assert.ok(iban, `an "${IBAN.rule}" problem is listed:\n${list}`);
    assert.match(iban.message, IBAN.evidence);
    assert.equal(iban.line, line(IBAN.id), `the iban flag is on the line of ${IBAN.id}`);
    for (const p of problems) {
      assert.match(p.message, /^(AVG|privé|scope|note): \S/, `every message starts with its category: ${p.message}`);
      assert.ok(p.code, `every problem has a rule code: ${p.message}`);
    }

    flaggedLines = [...new Set(problems.filter(isFlagProblem).map((p) => p.line))].sort((a, b) => a - b);
    // Each flagged, untagged line has a gutter icon; the identifiers' is the AVG flag.
    const bsnLine = await vs.waitForRenderedLine(BSN.id, (l) => l.gutter.includes('flag-avg.svg'), 'has no flag-avg.svg gutter icon');
    assert.deepEqual(bsnLine.backgrounds, [], 'an untagged line has no tag background');
    await vs.waitForRenderedLine(IBAN.id, (l) => l.gutter.includes('flag-avg.svg'), 'has no flag-avg.svg gutter icon');
    const rendered = await vs.renderedLines();
    const withFlagIcon = rendered.filter((l) => l.gutter.some((g) => g.startsWith('flag-'))).map((l) => l.line);
    const flaggedOnScreen = flaggedLines.filter((l) => rendered.some((r) => r.line === l));
    assert.deepEqual(withFlagIcon, flaggedOnScreen, 'exactly the flagged lines on screen have a flag gutter icon');
    const status = await reviewStatus();
    assert.equal(status.tagged, 0);
    assert.equal(status.open, problems.filter((p) => isFlagProblem(p) && p.severity === 'warning').length, 'the status bar counts the open flags');
    await vs.screenshot('problems-and-gutter-icons');
  });

  it('3. Alt+N jumps to the first open flag, and on to the BSN', async function () {
    await vs.focusEditor();
    await press('Control+Home');
    await vs.waitForCursorLine(1);
    await press('Alt+KeyN');
    const first = await vs.waitForCursorLine(flaggedLines[0]);
    const onFirst = initialProblems.filter((p) => p.line === first.line && isFlagProblem(p));
    assert.ok(onFirst.some((p) => p.column === first.column), `Alt+N puts the cursor at the start of a flag (${first.column}; flags at ${onFirst.map((p) => p.column)})`);
    await vs.screenshot('alt-n-first-flag');

    await altNTo(line(BSN.id), flaggedLines);
    const at = await vs.cursorPosition();
    const bsn = initialProblems.find((p) => p.code === BSN.rule)!;
    // Alt+Shift+N goes back one flagged line, Alt+N forward again.
    const previous = [...flaggedLines].reverse().find((l) => l < line(BSN.id)) ?? flaggedLines[flaggedLines.length - 1];
    await press('Alt+Shift+KeyN');
    await vs.waitForCursorLine(previous);
    await press('Alt+KeyN');
    await vs.waitForCursorLine(line(BSN.id));
    assert.deepEqual(await vs.cursorPosition(), at);
    const onBsnLine = initialProblems.filter((p) => p.line === bsn.line && isFlagProblem(p));
    assert.ok(onBsnLine.some((p) => p.column === at?.column), `the cursor is at a flag of ${BSN.id}: ${JSON.stringify(at)}`);
    await vs.screenshot('alt-n-bsn');
  });

  it('4. Ctrl+. opens the quick fixes; Enter applies the preferred one: tag AVG', async function () {
    const before = await vs.problemCounts();
    const statusBefore = await reviewStatus();
    const onLine = initialProblems.filter((p) => p.line === line(BSN.id) && isFlagProblem(p));
    const rows = await vs.openQuickFixMenu();
    await vs.screenshot('quick-fix-menu');
    const labels = rows.map((r) => r.label);
    const focused = rows.find((r) => r.focused);
    assert.match(focused?.label ?? '', new RegExp(`^Tag ${BSN.id} as AVG \\(\\w[\\w-]*\\)$`), `the preferred fix is focused; menu: ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => l === 'Redact only "111222333" as AVG'), `"Redact only" is offered: ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => l.startsWith(`Keep ${BSN.id}`)), `"Keep" is offered: ${labels.join(' | ')}`);
    await press('Enter');
    await vs.page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden' });

    const tagged = await vs.waitForRenderedLine(BSN.id, (l) => tagOf(l.text, BSN.id) === 'AVG', 'is not tagged AVG');
    assert.ok(tagged.text.startsWith(`AVG   ${BSN.id} `), `the tag column reads "AVG   ": ${tagged.text}`);
    await vs.waitForRenderedLine(BSN.id, (l) => l.gutter.includes('tag-avg.svg') && l.backgrounds.length > 0, 'has no tag-avg gutter icon and background');
    const after = await waitUntil(
      async () => {
        const c = await vs.problemCounts();
        return c.warnings + c.infos + c.errors === before.warnings + before.infos + before.errors - onLine.length ? c : undefined;
      },
      15_000,
      async () => `the problem count did not drop by the ${onLine.length} flags of ${BSN.id}: ${JSON.stringify(before)} → ${JSON.stringify(await vs.problemCounts())}`,
    );
    assert.equal(after.errors, 0);
    await waitForStatus((s) => s.tagged === statusBefore.tagged + 1 && s.open < statusBefore.open, 'one more tag and fewer open flags');
    assert.ok(await vs.activeTabIsDirty(), 'the review has unsaved changes');
    await vs.screenshot('tagged-avg');
  });

  it('5. Alt+P tags the weekend chatter of m000008 as privé', async function () {
    const statusBefore = await reviewStatus();
    await vs.goToLine(line(PRIVE.id));
    await press('Alt+KeyP');
    const l = await vs.waitForRenderedLine(PRIVE.id, (r) => tagOf(r.text, PRIVE.id) === 'privé', 'is not tagged privé');
    assert.ok(l.text.startsWith(`privé ${PRIVE.id} `), l.text);
    await vs.waitForRenderedLine(PRIVE.id, (r) => r.gutter.includes('tag-prive.svg'), 'has no tag-prive gutter icon');
    await waitForStatus((s) => s.tagged === statusBefore.tagged + 1, 'the privé tag counted');
    await vs.screenshot('tagged-prive');
  });

  it('6. Ctrl+Z undoes the tag; Ctrl+Shift+Z and Ctrl+Y redo it', async function () {
    const flagged = flaggedLines.includes(line(PRIVE.id));
    const untagged = (r: RenderedLine) => tagOf(r.text, PRIVE.id) === '' && !r.gutter.some((g) => g.startsWith('tag-'));
    await press('Control+KeyZ');
    const undone = await vs.waitForRenderedLine(PRIVE.id, untagged, 'still shows its tag after Ctrl+Z');
    if (flagged) await vs.waitForRenderedLine(PRIVE.id, (r) => r.gutter.some((g) => g.startsWith('flag-')), 'shows no flag icon again after Ctrl+Z');
    assert.equal(tagOf((await vs.renderedLine(BSN.id))!.text, BSN.id), 'AVG', 'undo took back only the last tag');
    await vs.screenshot('undone');
    await press('Control+Shift+KeyZ');
    await vs.waitForRenderedLine(PRIVE.id, (r) => tagOf(r.text, PRIVE.id) === 'privé', 'is not tagged again after Ctrl+Shift+Z');
    await press('Control+KeyZ');
    await vs.waitForRenderedLine(PRIVE.id, untagged, 'still shows its tag after the second Ctrl+Z');
    await press('Control+KeyY');
    await vs.waitForRenderedLine(PRIVE.id, (r) => tagOf(r.text, PRIVE.id) === 'privé' && r.gutter.includes('tag-prive.svg'), 'is not tagged again after Ctrl+Y');
    assert.ok(undone);
    await vs.screenshot('redone');
  });

  it('7. the quick fix "Redact only …" redacts the IBAN', async function () {
    const before = await vs.problemCounts();
    const stillFlagged = flaggedLines.filter((l) => l !== line(BSN.id) && l !== line(PRIVE.id));
    await altNTo(line(IBAN.id), stillFlagged);
    const rows = await vs.openQuickFixMenu();
    await vs.screenshot('quick-fix-menu-iban');
    assert.match(rows.find((r) => r.focused)?.label ?? '', new RegExp(`^Tag ${IBAN.id} as AVG`), 'tagging stays the preferred fix');
    await vs.chooseCodeAction(new RegExp(`^Redact only "${IBAN.value}" as AVG$`));
    const l = await vs.waitForRenderedLine(IBAN.id, (r) => r.text.includes(`⟦AVG|${IBAN.value}⟧`), `does not show ⟦AVG|${IBAN.value}⟧`);
    assert.equal(tagOf(l.text, IBAN.id), '', 'redacting a span leaves the tag column empty');
    await vs.waitForRenderedLine(IBAN.id, (r) => r.struck.join('').includes(IBAN.value), 'does not paint the redaction (struck through)');
    await waitUntil(
      async () => {
        const c = await vs.problemCounts();
        return c.warnings + c.infos < before.warnings + before.infos || undefined;
      },
      15_000,
      () => 'the IBAN flag is still counted after redacting it',
    );
    const problems = await chatreviewProblems();
    assert.ok(!problems.some((p) => p.code === IBAN.rule), `the iban flag is resolved: ${JSON.stringify(problems)}`);
    await vs.screenshot('redacted-iban');
  });

  it('8. Ctrl+S saves the review state to <export>.chatreview.json', async function () {
    const original = fs.readFileSync(path.join(REPO_ROOT, 'media', 'samples', SAMPLE_ZIP));
    await vs.focusEditor();
    await press('Control+KeyS');
    await waitUntil(async () => !(await vs.activeTabIsDirty()), 15_000, () => 'the review is still dirty after Ctrl+S');
    await waitUntil(() => fs.existsSync(sidecarPath), 15_000, () => `${sidecarPath} was not written`);
    assert.deepEqual(await vs.errorNotifications(), [], 'saving shows no error');
    savedSidecar = fs.readFileSync(sidecarPath, 'utf8');
    await vs.saveText('sidecar.json', savedSidecar);
    const bsnRules = initialProblems.filter((p) => p.line === line(BSN.id) && p.message.startsWith('AVG:')).map((p) => p.code);
    assertSidecar(savedSidecar, SAMPLE_ZIP, bsnRules);
    assert.ok(fs.readFileSync(zipPath).equals(original), 'the export itself is not written');
    const leftovers = fs.readdirSync(vs.workspace).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'the atomic write leaves no temporary file');
    // The explorer shows the new file next to the export.
    await waitUntil(
      async () => (await vs.page.locator('.explorer-folders-view .monaco-list-row').allTextContents()).some((t) => t.includes('.chatreview.json')),
      15_000,
      () => 'the explorer does not list the sidecar',
    );
    await vs.screenshot('saved');
  });

  it('9. Ctrl+W closes the review; opening the export again restores tags and redaction', async function () {
    await vs.focusEditor();
    await press('Control+KeyW');
    await waitUntil(async () => !(await vs.activeTabLabel()).includes('Crisisteam'), 10_000, () => 'the review is still open after Ctrl+W');
    await openSample();
    await assertRestored();
    await vs.screenshot('reopened');
    // A fresh extension host knows nothing but the sidecar on disk.
    await vs.focusEditor();
    await press('Control+KeyW');
    await waitUntil(async () => !(await vs.activeTabLabel()).includes('Crisisteam'), 10_000, () => 'the review is still open after Ctrl+W');
    await vs.reloadWindow();
    await openSample();
    await assertRestored();
    const problems = await chatreviewProblems();
    assert.ok(!problems.some((p) => p.code === BSN.rule || p.code === IBAN.rule), `tagged and redacted flags stay resolved: ${JSON.stringify(problems)}`);
    await vs.screenshot('reopened-after-reload');
  });

  it('10. editing message text is refused: an error, "Not saved" on Ctrl+S, then undo', async function () {
    const original = (await vs.renderedLine(EDITED.id))?.text;
    assert.ok(original);
    await vs.goToLine(line(EDITED.id));
    await press('End');
    await press('ArrowLeft');
    await press('ArrowLeft');
    await vs.page.keyboard.type('x');
    await vs.waitForRenderedLine(EDITED.id, (r) => r.text !== original, 'did not change');
    await waitUntil(async () => (await vs.problemCounts()).errors === 1 || undefined, 15_000, () => 'no error diagnostic for the edited text');
    const problems = await chatreviewProblems();
    const error = problems.find((p) => p.severity === 'error');
    assert.ok(error, JSON.stringify(problems));
    assert.match(error.message, new RegExp(`^${EDITED.id}: message text changed`));
    assert.equal(error.code, 'edited-text');
    assert.equal(error.line, line(EDITED.id));
    await vs.screenshot('edited-text-error');

    await vs.focusEditor();
    await press('Control+KeyS');
    const refused = await vs.waitForNotification(/Not saved/);
    assert.equal(refused.severity, 'error');
    assert.match(refused.message, new RegExp(`Not saved: line ${line(EDITED.id)}: message text changed`));
    assert.ok(await vs.activeTabIsDirty(), 'the review stays unsaved');
    assert.equal(fs.readFileSync(sidecarPath, 'utf8'), savedSidecar, 'the sidecar is left as it was');
    await vs.screenshot('save-refused');

    await vs.clearNotifications();
    await vs.focusEditor();
    await press('Control+KeyZ');
    await vs.waitForRenderedLine(EDITED.id, (r) => r.text === original, 'is not back to its text after Ctrl+Z');
    await waitUntil(async () => (await vs.problemCounts()).errors === 0 || undefined, 15_000, () => 'the error diagnostic stays after undo');
    await waitUntil(async () => !(await vs.activeTabIsDirty()), 10_000, () => 'the review is still dirty after undoing the edit');
    const after = await chatreviewProblems();
    assert.ok(!after.some((p) => p.severity === 'error'), `the Problems panel drops the error: ${JSON.stringify(after)}`);
    await vs.screenshot('edit-undone');
  });

  it('11. the status bar counts the review; the Chat Review view lists the export', async function () {
    const status = await reviewStatus();
    assert.equal(status.tagged, 2, 'two messages are tagged (AVG and privé); the redaction is no tag');
    const problems = await chatreviewProblems();
    const open = problems.filter((p) => isFlagProblem(p) && p.severity === 'warning');
    assert.equal(status.open, open.length, 'the status bar counts the open flags the Problems panel lists');
    assert.ok(status.reviewed > 0 && status.reviewed <= 100);

    await vs.runCommand('Chat Review: Show Dashboard');
    const rows = await waitUntil(
      async () => {
        const r = await vs.sideBarRows();
        return r.some((x) => x.label === 'Crisisteam Vaccinatie') ? r : undefined;
      },
      15_000,
      async () => `the Chat Review view does not list the export: ${JSON.stringify(await vs.sideBarRows())}`,
    );
    const exportRow = rows.find((x) => x.label === 'Crisisteam Vaccinatie')!;
    assert.equal(exportRow.description, SAMPLE_ZIP);
    const page = rows.find((x) => x.level === exportRow.level + 1);
    assert.ok(page, `the export has a page row: ${JSON.stringify(rows)}`);
    assert.match(page.description, new RegExp(`^${open.length} open flags · \\d+ messages$`));
    await vs.screenshot('dashboard');
    // The keyboard: down to the page, right to expand it: its open flags by rule.
    if (open.length) {
      // Show Dashboard should leave the keyboard in the tree. The first time it runs (the view
      // not created yet) focus lands on the page body instead; Ctrl+0 (Focus into Primary Side
      // Bar) is the keyboard way in. Reported; the journey goes on with Ctrl+0 then.
      const inTree = async () => /monaco-list/.test((await vs.focusedElement()).className) && (await vs.focusedElement()).part.includes('sidebar');
      const focused = await waitUntil(inTree, 3_000, () => 'no focus').catch(() => false);
      if (!focused) {
        console.warn(`      ! after "Chat Review: Show Dashboard" the focus is on ${JSON.stringify(await vs.focusedElement())}, not the tree; using Ctrl+0`);
        await press('Control+Digit0');
        await waitUntil(inTree, 5_000, async () => `Ctrl+0 did not focus the tree: ${JSON.stringify(await vs.focusedElement())}`);
      }
      await press('Home');
      await press('ArrowDown');
      await press('ArrowRight');
      const rules = await waitUntil(
        async () => {
          const r = (await vs.sideBarRows()).filter((x) => x.level === page.level + 1);
          return r.length ? r : undefined;
        },
        10_000,
        async () => `expanding the page shows no rules: ${JSON.stringify(await vs.sideBarRows())}`,
      );
      const openRules = new Set(open.map((p) => p.code));
      for (const r of rules) assert.ok(openRules.has(r.label), `rule ${r.label} has open flags (${[...openRules].join(', ')})`);
      assert.equal(rules.reduce((n, r) => n + Number(r.description), 0), open.length, 'the rule counts add up to the open flags');
      await vs.screenshot('dashboard-rules');
    }
    assert.ok(Date.now() - started < 180_000, `the journey stays under 3 minutes (${Date.now() - started} ms)`);
  });
});
