// Journey: a second reviewer spot-checks the first one's decisions with the keyboard. The first
// reviewer tags three messages (Alt+A, Alt+P) and saves (Ctrl+S); "Chat Review: Spot-Check
// Sample" walks a seeded sample of removed and kept messages, each shown in its review page with
// the cursor on its line: approve one, dispute one with a comment, skip one, stop. The verdicts
// and the seed land in the sidecar, the disputed message carries a "dispute" warning for the
// first reviewer, a second walk (after a window reload) draws the same messages in the same
// order, and the removal report of the cleaned export records the spot check.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VSCodeHarness, stepByStep, waitUntil } from '../harness';
import { idOf } from './cleanAndDiff.expect';
import { openWithDialog } from './openExport.expect';
import { tagOf } from './reviewKeyboard.expect';
import {
  DISPUTE_COMMENT, REASON, REVIEWER, SAMPLE_SIZES, SAMPLE_ZIP, SCHEME, SETTINGS, SPOT_CHECK, TAGS, TITLE_OF_ITEM, WALK,
  assertReportSpotChecks, assertSampleShape, assertSidecarSpotChecks, expectedSample, outputFiles, parseRecorded, parseTitle,
  readSidecar, type SpotCheckTitle, type Verdict,
} from './spotCheck.expect';

const ACTIONS = ['Approve', 'Dispute…', 'Skip', 'Stop'];

describe('journey: spot-check a sample of the decisions', function () {
  stepByStep(this); // each step builds on the one before (bail() would also skip the journeys after this one)
  this.timeout(90_000);
  let vs: VSCodeHarness;
  let zipPath: string;
  let sidecarPath: string;
  const lineOf = new Map<string, number>();
  /** The first walk: each item's title, and what was done with it. */
  const walked: { title: SpotCheckTitle; action: (typeof WALK)[number] }[] = [];
  const verdicts: Verdict[] = [];
  let seed = -1;
  let walkStarted = 0;
  let sidecarAfterWalk = '';
  const timings: string[] = [];
  let started = Date.now();
  let stepStarted = Date.now();

  const press = (keys: string) => vs.page.keyboard.press(keys);
  const line = (id: string) => {
    const n = lineOf.get(id);
    assert.ok(n, `${id} is a line of the document`);
    return n;
  };
  const disputed = () => verdicts.find((v) => v.verdict === 'dispute')!.id;

  function openSample(): Promise<void> {
    return openWithDialog(vs, zipPath);
  }

  async function activeReview(): Promise<void> {
    await waitUntil(
      async () => decodeURIComponent(await vs.activeEditorUri()) === `${SCHEME}:${zipPath}` || undefined,
      10_000,
      async () => `the active editor is ${await vs.activeEditorUri()}, not the review of ${SAMPLE_ZIP}`,
    );
  }

  /** The Problems panel's chatreview rows, once it lists every problem the status bar counts. */
  const chatreviewProblems = () => vs.problemsWhen({ source: 'chatreview' });

  /**
   * Waits for item `index` of the spot check's quick pick: the message shown in its review page
   * with the cursor on its line, the four actions offered, Approve focused. Returns its title.
   */
  async function spotCheckItem(index: number, total: number | undefined): Promise<SpotCheckTitle> {
    const pick = await vs.waitForQuickPick(total ? TITLE_OF_ITEM(index, total) : /^Spot check 1 of \d+: /, 20_000);
    const title = parseTitle(pick.title);
    assert.equal(title.index, index);
    assert.deepEqual(pick.rows.map((r) => r.label), ACTIONS, 'the quick pick offers Approve, Dispute…, Skip and Stop');
    assert.equal(pick.rows.find((r) => r.focused)?.label, 'Approve', 'Approve is focused: Enter approves');
    await activeReview();
    await vs.waitForCursorLine(line(title.id));
    await vs.waitForText(title.id);
    const tagged = TAGS.find((t) => t.id === title.id);
    if (tagged) {
      assert.ok(title.removed, `${title.id} is tagged ${tagged.tag}: the title says it was removed: ${pick.title}`);
      assert.equal(title.removed.tag, tagged.tag, pick.title);
      assert.equal(title.removed.by, REVIEWER, pick.title);
    } else {
      assert.equal(title.removed, null, `${title.id} is not tagged: the title says it was kept: ${pick.title}`);
    }
    return title;
  }

  before(async function () {
    this.timeout(180_000);
    started = Date.now();
    vs = await VSCodeHarness.launch('spot-check', { settings: SETTINGS });
    zipPath = path.join(vs.workspace, SAMPLE_ZIP);
    sidecarPath = `${zipPath}.chatreview.json`;
    timings.push(`launch ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  beforeEach(() => {
    stepStarted = Date.now();
  });

  afterEach(async function () {
    timings.push(`${this.currentTest?.title.split(' ')[0]} ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    await vs?.screenshotIfFailed(this.currentTest);
  });

  after(async function () {
    this.timeout(60_000);
    await vs?.close();
    console.log(`      (journey took ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.join(', ')})`);
  });

  it('1. the first reviewer tags m000006 AVG (Alt+A), m000008 and m000018 privé (Alt+P), and saves (Ctrl+S)', async function () {
    await openSample();
    const text = await vs.readEditorText();
    await vs.saveText('document.txt', text);
    text.split('\n').forEach((l, i) => {
      const id = idOf(l);
      if (id) lineOf.set(id, i + 1);
    });
    await vs.screenshot('opened');
    for (const t of TAGS) {
      await vs.goToLine(line(t.id));
      await press(t.key);
      await vs.waitForRenderedLine(t.id, (l) => tagOf(l.text, t.id) === t.tag, `is not tagged ${t.tag}`);
    }
    assert.ok(await vs.activeTabIsDirty(), 'the review has unsaved changes');
    await vs.screenshot('tagged');
    await press('Control+KeyS');
    await waitUntil(async () => !(await vs.activeTabIsDirty()), 15_000, () => 'the review is still dirty after Ctrl+S');
    await waitUntil(() => fs.existsSync(sidecarPath), 15_000, () => `${sidecarPath} was not written`);
    const state = readSidecar(sidecarPath);
    assert.deepEqual(state.tags.map((t) => [t.id, t.tag]).sort(), TAGS.map((t) => [t.id, t.tag]).sort());
    assert.equal(state.spotCheckSeed, undefined, 'no spot check yet');
    assert.deepEqual(state.spotChecks ?? [], [], 'no spot check yet');
    await vs.screenshot('saved');
  });

  it('2. "Spot-Check Sample" walks the sample in the review: approve, dispute with a comment, skip, stop', async function () {
    walkStarted = Date.now();
    await vs.focusEditor();
    await vs.runCommand(SPOT_CHECK, { screenshot: 'command-palette' });
    let total: number | undefined;
    for (const action of WALK) {
      const title = await spotCheckItem(walked.length + 1, total);
      total ??= title.total;
      walked.push({ title, action });
      await vs.screenshot(`item-${title.index}-${title.id}-${action}`);
      if (action === 'approve') {
        await press('Enter'); // Approve is focused
        verdicts.push({ id: title.id, verdict: 'approve' });
      } else if (action === 'dispute') {
        await vs.chooseQuickPickItem('Dispute…');
        await waitUntil(
          async () => (await vs.quickInputMessage()).includes(`Why do you dispute the decision on ${title.id}?`) || undefined,
          10_000,
          async () => `no input box asks why ${title.id} is disputed: ${JSON.stringify(await vs.quickInput())}`,
        );
        await vs.typeInQuickInput(DISPUTE_COMMENT);
        await vs.screenshot(`item-${title.index}-dispute-comment`);
        await press('Enter');
        verdicts.push({ id: title.id, verdict: 'dispute', comment: DISPUTE_COMMENT });
      } else if (action === 'skip') {
        await vs.chooseQuickPickItem('Skip');
      } else {
        await vs.chooseQuickPickItem('Stop');
      }
    }
    assert.equal(total, SAMPLE_SIZES.removed + SAMPLE_SIZES.kept, 'the sample has the size the settings ask for');
    await waitUntil(async () => !(await vs.quickInput()) || undefined, 10_000, () => 'the quick pick is still open after Stop');
  });

  it('3. a notification reports the verdicts and the seed; the sidecar holds them; the walk was the seeded sample', async function () {
    const note = await vs.waitForNotification(/^Spot check recorded/, 15_000);
    await vs.screenshot('recorded');
    assert.equal(note.severity, 'info');
    const recorded = parseRecorded(note.message);
    console.log(`      ${note.message}`);
    assert.equal(recorded.approved, 1);
    assert.equal(recorded.disputed, 1);
    seed = recorded.seed;
    assert.ok(Number.isInteger(seed) && seed >= 0, `a seed: ${seed}`);

    await waitUntil(() => readSidecar(sidecarPath).spotCheckSeed !== undefined || undefined, 10_000, () => 'the sidecar has no spotCheckSeed');
    sidecarAfterWalk = fs.readFileSync(sidecarPath, 'utf8');
    await vs.saveText('sidecar-after-spot-check.json', sidecarAfterWalk);
    assertSidecarSpotChecks(readSidecar(sidecarPath), seed, verdicts, walkStarted);
    assert.ok(!fs.readdirSync(vs.workspace).some((f) => f.endsWith('.tmp')), 'no temporary file is left');
    assert.equal(await vs.activeTabIsDirty(), false, 'recording the verdicts leaves the review unmodified');
    assert.deepEqual(await vs.errorNotifications(), []);

    // The walk is the sample this seed draws, in its order.
    const expected = await expectedSample(zipPath, TAGS, seed);
    assertSampleShape(expected);
    assert.deepEqual(
      walked.map((w) => ({ id: w.title.id, removed: w.title.removed !== null })),
      expected.slice(0, walked.length),
      `the walk follows the sample of seed ${seed}`,
    );
  });

  it('4. the disputed message carries a "dispute" warning for the first reviewer: in the Problems panel and on its line', async function () {
    const id = disputed();
    // A toast on screen takes Escape for itself; the editor's widgets should get it here.
    await vs.clearNotifications();
    const problem = await waitUntil(
      async () => (await chatreviewProblems()).find((p) => p.code === 'dispute'),
      20_000,
      async () => `the Problems panel lists no "dispute" problem: ${JSON.stringify(await vs.problems())}`,
    );
    assert.equal(problem.line, line(id), `the dispute is on the line of ${id}`);
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.message, `note: the second reviewer disputes this decision: "${DISPUTE_COMMENT}"`);
    const disputes = (await chatreviewProblems()).filter((p) => p.code === 'dispute');
    assert.equal(disputes.length, 1, `only the disputed message is flagged: ${JSON.stringify(disputes)}`);

    await vs.goToLine(line(id));
    const rendered = await vs.waitForRenderedLine(id, (l) => l.squiggles.includes('warning'), 'has no warning squiggle');
    const tag = TAGS.find((t) => t.id === id);
    if (tag) {
      assert.equal(tagOf(rendered.text, id), tag.tag, 'the disputed decision itself is left as it was');
    } else {
      assert.ok(rendered.gutter.some((g) => g.startsWith('flag-')), `the kept, disputed line has a flag icon: ${JSON.stringify(rendered)}`);
    }
    // F8 (Go to Next Problem) shows the dispute where the reviewer reads the line; other flags
    // of the line may come first.
    const onLine = (await chatreviewProblems()).filter((p) => p.line === line(id));
    await press('Home');
    const widget = vs.page.locator('.marker-widget').first();
    const shown = () => widget.textContent().then((t) => (t ?? '').replace(/\s+/g, ' '), () => '');
    for (let i = 0; ; i++) {
      await press('F8');
      await widget.waitFor({ state: 'visible', timeout: 10_000 });
      const text = await waitUntil(async () => (await shown()) || undefined, 5_000, () => 'F8 shows an empty problem');
      if (text.includes(DISPUTE_COMMENT)) break;
      assert.ok(i < onLine.length, `F8 never showed the dispute on line ${line(id)}; it shows: ${text}`);
    }
    await vs.waitForCursorLine(line(id));
    await vs.screenshot('dispute-on-its-line');
    await press('Escape');
    await widget.waitFor({ state: 'hidden' });
  });

  it('5. the seed is kept: after a window reload the command walks the same messages in the same order', async function () {
    await vs.clearNotifications();
    await vs.focusEditor();
    await press('Control+KeyW');
    await waitUntil(async () => !(await vs.activeTabLabel()).includes('Crisisteam'), 10_000, () => 'the review is still open after Ctrl+W');
    await vs.reloadWindow();
    await openSample();
    // The dispute survives the reload: it lives in the sidecar.
    await waitUntil(
      async () => (await chatreviewProblems()).some((p) => p.code === 'dispute' && p.line === line(disputed())) || undefined,
      20_000,
      async () => `after the reload the dispute of ${disputed()} is not listed: ${JSON.stringify(await vs.problems())}`,
    );

    await vs.focusEditor();
    await vs.runCommand(SPOT_CHECK);
    const again: SpotCheckTitle[] = [];
    const total = SAMPLE_SIZES.removed + SAMPLE_SIZES.kept;
    for (let i = 1; i <= total; i++) {
      const title = await spotCheckItem(i, total);
      again.push(title);
      if (i === 1 || i === total) await vs.screenshot(`again-item-${i}-${title.id}`);
      await vs.chooseQuickPickItem('Skip');
    }
    await waitUntil(async () => !(await vs.quickInput()) || undefined, 10_000, () => 'the quick pick is still open after the last item');
    assert.deepEqual(
      again.slice(0, walked.length).map((t) => t.id),
      walked.map((w) => w.title.id),
      'the second walk shows the same messages in the same order',
    );
    const expected = await expectedSample(zipPath, TAGS, seed);
    assert.deepEqual(again.map((t) => ({ id: t.id, removed: t.removed !== null })), expected, `the whole second walk is the sample of seed ${seed}`);
    // Skipping everything records nothing.
    assert.equal(fs.readFileSync(sidecarPath, 'utf8'), sidecarAfterWalk, 'a walk of skips leaves the sidecar as it was');
    await vs.screenshot('again-done');
  });

  it('6. Ctrl+Alt+E saves the cleaned export; its removal report records the spot check (seed and verdicts)', async function () {
    assert.ok(
      !(await vs.notificationMessages()).some((n) => /Spot check recorded/.test(n.message)),
      'the walk of skips reported no verdicts',
    );
    const outputs = outputFiles(zipPath);
    await vs.focusEditor();
    await activeReview();
    await press('Control+Alt+KeyE');
    // The identifiers this journey leaves open (BSN, IBAN, phone) make it refuse first.
    const refusal = await waitUntil(
      async () => {
        const dialog = await vs.dialog();
        if (dialog) return { dialog };
        return (await vs.notificationMessages()).some((n) => /Cleaned export written/.test(n.message)) ? { dialog: undefined } : undefined;
      },
      30_000,
      async () => `Ctrl+Alt+E showed neither the refusal nor the result: ${JSON.stringify(await vs.notificationMessages())}`,
    );
    if (refusal.dialog) {
      assert.match(`${refusal.dialog.message} ${refusal.dialog.detail}`, /identifier flags are unresolved/);
      await vs.screenshot('refusal-modal');
      await vs.chooseDialogButton('Save Anyway…');
      await waitUntil(() => vs.quickInput(), 10_000, () => 'no input box asks for a reason');
      await vs.typeInQuickInput(REASON);
      await waitUntil(async () => !/at least 10/.test(await vs.quickInputMessage()) || undefined, 5_000, () => 'the reason is refused');
      await press('Enter');
    }
    const written = await vs.waitForNotification(/Cleaned export written/, 30_000);
    assert.match(written.message, /Cleaned export written: 3 messages removed \(1 AVG, 2 privé, 0 scope\)/);
    await vs.waitForNotificationGone(/^Writing the cleaned export/);
    await vs.screenshot('cleaned-written');
    for (const f of Object.values(outputs)) assert.ok(fs.existsSync(f), `${path.basename(f)} is written beside the export`);
    await vs.saveText('removal.json', fs.readFileSync(outputs.report, 'utf8'));
    assertReportSpotChecks(outputs.report, readSidecar(sidecarPath), seed, verdicts, walkStarted);
    assert.ok(Date.now() - started < 240_000, `the journey stays under 4 minutes (${Date.now() - started} ms)`);
  });
});
