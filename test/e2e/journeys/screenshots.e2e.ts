// Journey: a conversation that exists only as screenshots (issue 7). A synthetic screenshot set is
// rendered with the project's renderer (headless Chromium, ground truth in truth.json: a Dutch
// chat with a BSN or IBAN in one bubble, file names shuffled against the scroll order) and only its PNGs
// are put in a workspace folder. "Chat Review: Open Screenshot Folder" and the file dialog open it;
// the OCR progress notification counts the screenshots. The review document is compared with the
// truth: every message once, in order, the owner's side as "Ik (eigenaar telefoon)", true dates and
// times; the identifier is flagged in the Problems panel, with a squiggle and a gutter icon. The
// hover of its line names the screenshot and the OCR confidence and shows the bubble as an image.
// Ctrl+. tags a health remark AVG and redacts the identifier; Ctrl+S saves the review. "Save Cleaned
// Export" writes the transcript, the screenshots with the removed bubble and the redacted words
// filled black in every screenshot that shows them (the pixels are read back with pngjs and
// compared with the truth's boxes), the removal diff and the report; the folder itself stays as it
// was. "Open Removal Diff" shows the removed line.
//
// A step that fails skips only the steps that build on it (see `needs`): the hover's image does not
// hold up the cleaning, nor the pixels of the cleaned copies the removal diff.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { VSCodeHarness, waitUntil, type Problem } from '../harness';
import type { SetTruth } from '../../screenshots/render';
import { tagOf } from './reviewKeyboard.expect';
import {
  AVG_MARKER, FOLDER, OCR_SOURCE, OPEN_REMOVAL_DIFF, OPEN_SCREENSHOTS, OWNER, PROGRESS, REASON, SAVE_CLEANED, SCHEME,
  assertTranscript, changedOutside, docMessages, folderHashes, identifierTarget, linesIn, notBlack, parseTranscript, readPng,
  renderScreenshotFolder, screenshotOutputs, sha256, shownIn, spanCore, squash, type DocMessage, type ScreenshotReport,
} from './screenshots.expect';

type ShotImage = NonNullable<ScreenshotReport['screenshots']>['images'][number];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('journey: a conversation that exists only as screenshots', function () {
  this.timeout(180_000);
  let vs: VSCodeHarness;
  let stage = '';
  let truth: SetTruth;
  let folder = '';
  let originalHashes: Record<string, string> = {};
  let hostErrorsBefore = 0;
  /** The review document as opened. */
  let opened: DocMessage[] = [];
  let pairs: ReturnType<typeof assertTranscript>['pairs'] = [];
  /** The message with the IBAN (or BSN), redacted with "Redact only …". */
  let identifier: NonNullable<ReturnType<typeof identifierTarget>>;
  /** The health remark tagged AVG with Ctrl+.: its bubble goes black. */
  let tagged: { doc: DocMessage; truthId: string };
  const timings: string[] = [];
  let started = Date.now();
  let stepStarted = Date.now();

  // Steps and the steps they build on: a failed step skips only those that need it.
  const failed = new Set<string>();
  const needs: Record<string, string[]> = { '1': [], '2': ['1'], '3': ['2'], '4': ['2'], '5': ['3'], '6': ['5'], '7': ['6'], '8': ['6'] };
  const stepOf = (title = '') => title.split('.')[0];
  beforeEach(function () {
    const missing = (needs[stepOf(this.currentTest?.title)] ?? []).filter((s) => failed.has(s));
    if (missing.length) {
      failed.add(stepOf(this.currentTest?.title)); // and what needs this step is skipped too
      this.skip();
    }
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed.add(stepOf(this.currentTest.title));
  });

  const press = (keys: string) => vs.page.keyboard.press(keys);
  const line = (d: DocMessage) => d.line;
  const outputs = () => screenshotOutputs(folder);

  const assertNoErrors = (while_: string) => vs.assertNoErrorsSince(while_, hostErrorsBefore);

  /** The review of the folder is the active, focused editor. */
  const focusReview = () => vs.focusEditorOf(`${SCHEME}:${folder}`);

  const problems = (check: (all: Problem[]) => boolean, what: string, timeoutMs = 30_000) => vs.problemsWhen({ check, what, timeoutMs });

  /** Puts the cursor on `line` and selects `text` there with Find; checks the match is on that line. */
  async function selectOnLine(lineNo: number, text: string): Promise<void> {
    await vs.goToLine(lineNo);
    const at = await vs.selectWithFind(text);
    assert.equal(at.line, lineNo, `Find "${text}" from the start of line ${lineNo} selected it on that line`);
  }

  before(async function () {
    this.timeout(300_000);
    started = Date.now();
    stage = await fsp.mkdtemp(path.join(os.tmpdir(), 'chatreview-e2e-screenshots-stage-'));
    const rendered = await renderScreenshotFolder(stage);
    truth = rendered.truth;
    timings.push(`render ${((Date.now() - started) / 1000).toFixed(1)} s`);
    vs = await VSCodeHarness.launch('screenshots', { workspaceFrom: [rendered.workspace] });
    folder = path.join(vs.workspace, FOLDER);
    originalHashes = folderHashes(folder);
    await vs.saveText('truth.json', fs.readFileSync(path.join(stage, 'truth.json'), 'utf8'));
    console.log(`      ${rendered.set} of seed ${truth.seed}: ${truth.style.name}/${truth.style.variant}, "${truth.title}", ` +
      `${truth.conversation.filter((c) => c.kind === 'message').length} messages in ${truth.files.length} screenshots ` +
      `(${truth.files.join(', ')}; in scroll order ${truth.order.join(', ')})`);
    hostErrorsBefore = (await vs.extensionHostErrors()).length;
    timings.push(`launch ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  beforeEach(() => {
    stepStarted = Date.now();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'pending') timings.push(`${stepOf(this.currentTest?.title)} ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    await vs?.screenshotIfFailed(this.currentTest);
  });

  after(async function () {
    this.timeout(60_000);
    await vs?.close();
    if (stage) await fsp.rm(stage, { recursive: true, force: true });
    console.log(`      (journey took ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.join(', ')})`);
  });

  it('1. "Open Screenshot Folder", the folder typed into the file dialog: the OCR progress counts the screenshots, the review opens', async function () {
    await vs.runCommand(OPEN_SCREENSHOTS);
    await vs.waitForFileDialog();
    // Watch the notifications from before Enter until the review shows: OCR takes a few seconds.
    const seen: { done: number; total: number; at: number }[] = [];
    let watching = true;
    let progressShot = '';
    let enteredAt = 0;
    const watch = (async () => {
      while (watching) {
        for (const n of await vs.notificationMessages()) {
          const m = PROGRESS.exec(n.message);
          if (!m) continue;
          const done = Number(m[1]);
          if (seen.at(-1)?.done !== done) seen.push({ done, total: Number(m[2]), at: Date.now() });
          if (!progressShot) progressShot = await vs.screenshot('ocr-progress').catch(() => 'not taken');
        }
        await sleep(100);
      }
    })();
    try {
      await vs.chooseFolderInFileDialog(folder);
      enteredAt = Date.now();
      // The review's tab, or an error (a modal, when the command failed outright) said at once.
      const error = await waitUntil(
        async () => {
          const d = await vs.dialog();
          if (d?.severity === 'error') return `${d.message} ${d.detail}`;
          const n = (await vs.notificationMessages()).find((m) => m.severity === 'error');
          if (n) return n.message;
          return (await vs.activeTabLabel()).includes(FOLDER) ? '' : undefined;
        },
        120_000,
        async () => `the review of ${FOLDER}/ did not open in 120 s: ${await vs.workbenchState()}`,
      );
      if (error) {
        const hint = /Cannot find module '@?tesseract/.test(error)
          ? ` (the installed extension lacks its OCR modules: dist/node_modules is made by \`node scripts/vendor-ocr.mjs\`, which \`npm run package\` runs and \`npm run build\` does not)`
          : '';
        throw new Error(`Open Screenshot Folder failed: ${error}${hint}`);
      }
      await vs.waitForLine(/^\s*(?:\S+\s+)?m\d{6} \d{4}-\d{2}-\d{2} /, 60_000);
    } finally {
      watching = false;
      await watch;
    }
    await vs.waitForProgressToFinish(60_000);
    const took = ((Date.now() - enteredAt) / 1000).toFixed(1);
    console.log(`      OCR progress seen: ${seen.map((s) => `${s.done} of ${s.total}`).join(', ') || 'none'}; the review showed ${took} s after Enter`);
    assert.equal(decodeURIComponent(await vs.activeEditorUri()), `${SCHEME}:${folder}`);
    assert.equal(await vs.statusBarLanguage(), vs.languageName('chatreview'));
    assert.ok(seen.length > 0, `the progress notification "OCR: {n} of {m} screenshots" was shown while the folder was read (${took} s)`);
    for (const s of seen) {
      assert.equal(s.total, truth.files.length, `the progress counts the ${truth.files.length} screenshots: "${s.done} of ${s.total}"`);
      assert.ok(s.done >= 1 && s.done <= s.total, `"${s.done} of ${s.total}"`);
    }
    assert.deepEqual(seen.map((s) => s.done), [...seen.map((s) => s.done)].sort((a, b) => a - b), 'the count only goes up');
    await assertNoErrors('opening the screenshot folder');
    await vs.screenshot('review-opened');
  });

  it('2. the review document: every message once, in the true order, the owner as "Ik (eigenaar telefoon)", true dates and times', async function () {
    const text = await vs.readEditorText();
    await vs.saveText('document.txt', text);
    const lines = text.split('\n');
    assert.equal(lines[0], `# Chat Review · ${truth.title} · screenshots`, 'the header names the conversation (the top bar) and the format');
    opened = docMessages(text);
    const checked = assertTranscript(opened, truth);
    pairs = checked.pairs;
    const counted = /^# (\d+) messages · .* · (\d+) participants$/m.exec(text);
    assert.ok(counted, `the header counts the messages: ${lines.slice(0, 5).join(' | ')}`);
    assert.equal(Number(counted[1]), opened.length, 'one line per message');
    assert.equal(Number(counted[2]), truth.participants.length, 'the participants: the owner and the contact');
    assert.ok(opened.some((d) => d.sender === OWNER), `the owner's messages are "${OWNER}"`);
    if (checked.timesNotRead.length) {
      console.warn(`      ! times the screenshots show but the review has as --:--: ${checked.timesNotRead.join(', ')}`);
    }
    console.log(`      ${opened.length} messages as the truth has them, in order; times read: ${opened.filter((d) => d.time !== '--:--').length}`);
    await assertNoErrors('reading the review');
  });

  it('3. the identifier (a BSN or IBAN) is flagged: a warning in the Problems panel, a squiggle and a gutter icon on its line', async function () {
    const target = identifierTarget(pairs);
    assert.ok(target, `the review shows a BSN or IBAN of the screenshots verbatim: ${JSON.stringify(pairs.map((p) => p.truth.spans.filter((s) => s.kind === 'iban' || s.kind === 'bsn').map((s) => s.text)).flat())}`);
    identifier = target;
    const listed = await problems(
      (all) => all.some((p) => p.line === line(target.doc) && p.code === target.kind),
      `a "${target.kind}" flag on line ${line(target.doc)} (${target.doc.id})`,
    );
    const flag = listed.find((p) => p.line === line(target.doc) && p.code === target.kind)!;
    console.log(`      ${listed.length} problems; the ${target.kind} of ${target.doc.id}: [${flag.severity} ${flag.source}] ${flag.message}`);
    assert.equal(flag.severity, 'warning');
    assert.equal(flag.source, 'chatreview');
    assert.ok(flag.message.replace(/\s/g, '').includes(target.value.replace(/\s/g, '')), `the flag names ${target.value}: ${flag.message}`);
    await vs.goToLine(line(target.doc));
    const rendered = await vs.waitForRenderedLine(target.doc.id, (l) => l.squiggles.includes('warning') && l.gutter.includes('flag-avg.svg'),
      'has no warning squiggle and flag-avg.svg gutter icon');
    console.log(`      line ${rendered.line}: squiggles ${rendered.squiggles.join(', ')}; gutter ${rendered.gutter.join(', ')}`);
    // Every flagged line on screen has a flag gutter icon.
    const flaggedLines = new Set(listed.filter((p) => p.severity !== 'info').map((p) => p.line));
    const onScreen = (await vs.renderedLines()).filter((l) => flaggedLines.has(l.line));
    assert.ok(onScreen.length > 0, 'flagged lines are on screen');
    for (const l of onScreen) assert.ok(l.gutter.some((g) => g.startsWith('flag-')), `the flagged line ${l.line} has a flag gutter icon: ${JSON.stringify(l)}`);
    await vs.screenshot('flags');
  });

  it('4. the hover of the identifier\'s line names the screenshot and the OCR confidence, and shows the bubble as an image', async function () {
    const d = identifier?.doc ?? opened[0];
    const truthId = pairs.find((p) => p.doc.id === d.id)!.truth.id;
    await vs.closeWidgets();
    await vs.goToLine(line(d));
    const text = await vs.showHoverAtCursor(OCR_SOURCE, 20_000);
    await vs.saveText('hover.txt', text);
    const [, file, confidence] = OCR_SOURCE.exec(text)!;
    console.log(`      hover: read by OCR from ${file}, confidence ${confidence}% (${text.length} characters of text)`);
    assert.ok(shownIn(truth, truthId, false).includes(file), `${file} shows ${truthId} (the truth: ${shownIn(truth, truthId, false).join(', ')})`);
    assert.ok(Number(confidence) >= 50 && Number(confidence) <= 100, `a confidence in per cent: ${confidence}`);
    assert.ok(text.includes(d.id), `the hover names ${d.id}`);
    const hover = vs.page.locator('.editor-group-container.active .monaco-editor .monaco-hover:not(.hidden)').first();
    const images = () =>
      hover.locator('img').evaluateAll((imgs) =>
        imgs.map((i) => {
          const img = i as unknown as { complete: boolean; naturalWidth: number; naturalHeight: number; getBoundingClientRect(): { width: number; height: number }; getAttribute(n: string): string | null };
          const r = img.getBoundingClientRect();
          return { src: (img.getAttribute('src') ?? '').slice(0, 40), complete: img.complete, natural: [img.naturalWidth, img.naturalHeight], shown: [Math.round(r.width), Math.round(r.height)] };
        }),
      ).catch(() => []);
    let seen: Awaited<ReturnType<typeof images>> = [];
    const shown = await waitUntil(
      async () => {
        seen = await images();
        return seen.find((i) => i.complete && i.natural[0] > 0 && i.shown[0] > 20 && i.shown[1] > 10);
      },
      10_000,
      () => 'no image',
    ).catch(() => undefined);
    await vs.screenshot('hover');
    const raw = /!\[[^\]]*\]\(data:[^)]{0,40}/.exec(text)?.[0];
    assert.ok(shown, `the hover shows the bubble as a loaded <img> (images in the hover: ${JSON.stringify(seen)})` +
      (raw ? `; instead it shows the Markdown source "${raw}…" as text (${text.length} characters)` : ''));
    assert.ok(!raw, `the hover shows no Markdown source of an image: "${raw}…"`);
    console.log(`      the bubble image: ${JSON.stringify(shown)}`);
    await vs.hideHover();
  });

  it('5. Ctrl+. tags a health remark AVG and redacts the identifier ("Redact only …"); Ctrl+S saves the review', async function () {
    await vs.closeWidgets();
    await focusReview();
    const listed = await problems((all) => all.some((p) => p.code === 'health'), 'a health flag');
    // The health remark shown in the most screenshots (an overlap shows a bubble twice: both go black).
    const candidates = pairs
      .filter((p) => p.truth.labels.includes('health') && p.doc.id !== identifier.doc.id && listed.some((q) => q.line === p.doc.line && q.code === 'health'))
      .sort((a, b) => shownIn(truth, b.truth.id, false).length - shownIn(truth, a.truth.id, false).length);
    assert.ok(candidates.length, `a health remark of the screenshots is flagged "health": ${JSON.stringify(listed.map((p) => `${p.line} ${p.code}`))}`);
    tagged = { doc: candidates[0].doc, truthId: candidates[0].truth.id };
    const healthFlag = listed.find((p) => p.line === tagged.doc.line && p.code === 'health')!;
    const word = /"([^"]+)"/.exec(healthFlag.message)?.[1];
    assert.ok(word && tagged.doc.shown.includes(word), `the health flag names a word of ${tagged.doc.id}: ${healthFlag.message}`);
    console.log(`      tagging ${tagged.doc.id} (${tagged.truthId}, in ${shownIn(truth, tagged.truthId, false).join(' and ')}): "${tagged.doc.text}"`);

    // The flagged word selected, Ctrl+., "Tag … as AVG (health)".
    await selectOnLine(tagged.doc.line, word);
    const rows = await vs.openQuickFixMenu();
    await vs.screenshot('quick-fix-health');
    const tagAction = new RegExp(`^Tag ${tagged.doc.id} as AVG \\(health\\)$`);
    assert.ok(rows.some((r) => tagAction.test(r.label)), `Ctrl+. offers "Tag ${tagged.doc.id} as AVG (health)": ${rows.map((r) => r.label).join(' | ')}`);
    await vs.chooseCodeAction(tagAction);
    await vs.waitForRenderedLine(tagged.doc.id, (l) => tagOf(l.text, tagged.doc.id) === 'AVG' && l.gutter.includes('tag-avg.svg') && l.backgrounds.length > 0,
      'is not tagged AVG with its gutter icon and background');

    // The IBAN selected, Ctrl+., "Redact only …".
    await selectOnLine(identifier.doc.line, identifier.value);
    const rows2 = await vs.openQuickFixMenu();
    await vs.screenshot('quick-fix-iban');
    const redact = new RegExp(`^Redact only "${identifier.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" as AVG$`);
    assert.ok(rows2.some((r) => redact.test(r.label)), `Ctrl+. offers "Redact only "${identifier.value}" as AVG": ${rows2.map((r) => r.label).join(' | ')}`);
    await vs.chooseCodeAction(redact);
    const redacted = await vs.waitForRenderedLine(identifier.doc.id, (l) => l.text.includes(`⟦AVG|${identifier.value}⟧`), `does not show ⟦AVG|${identifier.value}⟧`);
    assert.equal(tagOf(redacted.text, identifier.doc.id), '', 'a redaction is no tag');
    assert.ok(await vs.activeTabIsDirty(), 'the review has unsaved changes');
    await vs.screenshot('tagged-and-redacted');

    await press('Control+KeyS');
    await waitUntil(async () => !(await vs.activeTabIsDirty()), 15_000, () => 'the review is still dirty after Ctrl+S');
    const sidecar = `${folder}.chatreview.json`;
    await waitUntil(() => fs.existsSync(sidecar), 15_000, () => `${sidecar} was not written`);
    const state = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { tags: { id: string; tag: string; rule?: string }[]; redactions: { id: string; start: number; end: number; tag: string }[] };
    await vs.saveText('sidecar.json', JSON.stringify(state, null, 1));
    assert.deepEqual(state.tags.map((t) => [t.id, t.tag, t.rule]), [[tagged.doc.id, 'AVG', 'health']]);
    const messageText = identifier.doc.shown.replace(/ ⏎ /g, '\n');
    const at = messageText.indexOf(identifier.value);
    assert.deepEqual(state.redactions.map((r) => [r.id, r.tag, r.start, r.end]), [[identifier.doc.id, 'AVG', at, at + identifier.value.length]]);
    // Both flags resolved: the IBAN's and the health remark's are gone from the Problems panel.
    await problems((all) => !all.some((p) => (p.line === identifier.doc.line && p.code === identifier.kind) || (p.line === tagged.doc.line && p.severity !== 'info')),
      'the tagged and redacted lines without open flags');
    await assertNoErrors('tagging and saving');
    await vs.screenshot('saved');
  });

  it('6. "Save Cleaned Export" ("Save Anyway…" past the open flags): the transcript without the removed message and with [AVG], a copy of every screenshot, the diff and the report; the folder unchanged', async function () {
    await vs.closeWidgets();
    await focusReview();
    await vs.runCommand(SAVE_CLEANED);
    // Other identifier flags are left open on purpose: the refusal's "Save Anyway…" and a reason.
    const outcome = await waitUntil(
      async () => {
        const d = await vs.dialog();
        if (d) return { kind: 'dialog' as const, text: `${d.message} ${d.detail}`, buttons: d.buttons };
        const n = (await vs.notificationMessages()).find((m) => m.severity === 'error' || /Cleaned export written/.test(m.message));
        return n ? { kind: n.severity === 'error' ? ('error' as const) : ('written' as const), text: n.message, buttons: [] as string[] } : undefined;
      },
      30_000,
      async () => `Save Cleaned Export showed neither a result nor a dialog: ${JSON.stringify(await vs.notificationMessages())}`,
    );
    await vs.screenshot('save-cleaned');
    console.log(`      Save Cleaned Export: ${outcome.kind}: ${outcome.text}`);
    assert.notEqual(outcome.kind, 'error', `Save Cleaned Export of a screenshot folder failed: ${outcome.text}`);
    if (outcome.kind === 'dialog') {
      assert.ok(outcome.buttons.includes('Save Anyway…'), `the dialog is the refusal for open identifier flags: ${outcome.text} [${outcome.buttons.join(', ')}]`);
      await vs.chooseDialogButton('Save Anyway…');
      await waitUntil(() => vs.quickInput(), 10_000, () => 'no input box asks for a reason');
      await vs.typeInQuickInput(REASON);
      await press('Enter');
      const written = await waitUntil(
        async () => (await vs.notificationMessages()).find((m) => m.severity === 'error' || /Cleaned export written/.test(m.message)),
        60_000,
        async () => `no result after the reason: ${JSON.stringify(await vs.notificationMessages())}`,
      );
      console.log(`      after "Save Anyway…": ${written.message}`);
      assert.notEqual(written.severity, 'error', `Save Cleaned Export of a screenshot folder failed: ${written.message}`);
      outcome.text = written.message;
    }
    assert.match(outcome.text, /\b1 messages? removed \(1 AVG, 0 privé, 0 scope\); spans redacted: 1\b/, 'the notification counts the removal and the redaction');
    await vs.waitForProgressToFinish(60_000);
    await vs.animationsDone(vs.page.locator('.notifications-toasts').first());
    await vs.screenshot('cleaned-written');

    // The files beside the folder.
    const o = outputs();
    for (const f of [o.transcript, o.diff, o.report]) assert.ok(fs.statSync(f, { throwIfNoEntry: false })?.isFile(), `${path.basename(f)} is written beside ${FOLDER}/`);
    assert.ok(fs.statSync(o.images, { throwIfNoEntry: false })?.isDirectory(), `${path.basename(o.images)}/ is written beside ${FOLDER}/`);
    assert.deepEqual(fs.readdirSync(o.images).sort(), [...truth.files].sort(), `${path.basename(o.images)}/ holds a copy of every screenshot under its own name`);
    assert.deepEqual(folderHashes(folder), originalHashes, `${FOLDER}/ is unchanged`);
    // The files are written into a private folder first and moved into place: none is left behind.
    const leftovers = () => fs.readdirSync(vs.workspace).filter((f) => f.startsWith('.chatreview-') || f.endsWith('.tmp'));
    await waitUntil(() => leftovers().length === 0, 10_000, () => `temporary files are left beside ${FOLDER}/: ${leftovers().join(', ')}`);
    const transcriptText = fs.readFileSync(o.transcript, 'utf8');
    await vs.saveText('cleaned.txt', transcriptText);
    await vs.saveText('removal.diff', fs.readFileSync(o.diff, 'utf8'));
    await vs.saveText('removal.json', fs.readFileSync(o.report, 'utf8'));

    // The transcript: a heading, then every kept message as the review has it, the IBAN as [AVG].
    const transcript = parseTranscript(transcriptText);
    assert.match(transcript.heading, /^# /, 'the transcript starts with a "# …" heading');
    assert.deepEqual(transcript.stray, [], 'nothing stands between the heading and the first message');
    const kept = opened.filter((d) => d.id !== tagged.doc.id);
    const expected = kept.map((d) => {
      const text = d.shown.replace(/ ⏎ /g, '\n');
      return {
        date: d.date, time: d.time, sender: d.sender,
        text: d.id === identifier.doc.id ? text.replace(identifier.value, AVG_MARKER) : text,
      };
    });
    assert.deepEqual(transcript.messages, expected, 'the transcript has every kept message, in order, as the review has it, the IBAN redacted');
    for (const part of tagged.doc.shown.split(' ⏎ ').filter((p) => p.length >= 8)) {
      assert.ok(!transcriptText.includes(part), `the removed message's "${part}" is gone from the transcript`);
    }
    assert.ok(!transcriptText.includes(identifier.value), `${identifier.value} is gone from the transcript`);

    // The report's screenshots.
    const report = JSON.parse(fs.readFileSync(o.report, 'utf8')) as ScreenshotReport;
    const shots = report.screenshots;
    assert.ok(shots, `the report has a "screenshots" field: ${Object.keys(report).join(', ')}`);
    assert.equal(shots.file, path.basename(o.images));
    assert.deepEqual(shots.images.map((i) => i.name).sort(), [...truth.files].sort(), 'the report lists every screenshot');
    for (const image of shots.images) {
      assert.equal(image.sha256, sha256(fs.readFileSync(path.join(folder, image.name))), `the sha256 of ${image.name}`);
      assert.equal(image.cleaned, sha256(fs.readFileSync(path.join(o.images, image.name))), `the sha256 of the cleaned ${image.name}`);
    }

    // The removal diff: the removed message's lines and the identifier's line out, [AVG] in, and each
    // screenshot the report says it blacked out as a binary change.
    const diff = fs.readFileSync(o.diff, 'utf8').split('\n');
    for (const part of tagged.doc.shown.split(' ⏎ ')) {
      assert.ok(diff.some((l) => l.startsWith('-') && l.includes(part)), `the removal diff removes the line "${part}"`);
    }
    assert.ok(diff.some((l) => l.startsWith('-') && l.includes(identifier.value)), `the removal diff removes the line with ${identifier.value}`);
    assert.ok(diff.some((l) => l.startsWith('+') && l.includes(AVG_MARKER)), `the removal diff adds a line with ${AVG_MARKER}`);
    const binary = diff.map((l) => /^Binary files a\/(.+) and b\/\1 differ$/.exec(l)?.[1]).filter((f): f is string => !!f);
    assert.deepEqual(binary.sort(), shots.images.filter((i) => i.blackedOut.length).map((i) => i.name).sort(), 'the diff lists the blacked-out screenshots as binary changes');

    await assertNoErrors('saving the cleaned export');
  });

  it('7. the cleaned copies: the removed bubble black in every screenshot that shows it (cut ones too), the identifier black, nothing else changed', async function () {
    const o = outputs();
    const shots = (JSON.parse(fs.readFileSync(o.report, 'utf8')) as ScreenshotReport).screenshots!;
    // The pixels, read back: what truth.json says each screenshot shows of the two messages. Every
    // finding is collected (and the cleaned copies kept beside the screenshots of the run).
    await fsp.cp(o.images, path.join(vs.outDir, path.basename(o.images)), { recursive: true });
    const redactedTruthId = identifier.truth.id;
    const summary: string[] = [];
    const wrong: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) wrong.push(what);
    };
    for (const file of truth.files) {
      const image: ShotImage = shots.images.find((i) => i.name === file)!;
      const original = readPng(path.join(folder, file));
      const cleaned = readPng(path.join(o.images, file));
      const removedLines = linesIn(truth, file, tagged.truthId);
      const redactedLines = linesIn(truth, file, redactedTruthId);
      // Nothing changes outside the boxes the report says it blacked out, and those are black.
      const outside = changedOutside(original, cleaned, image.blackedOut);
      check(outside === 0, `${file}: ${outside} pixels changed outside the blacked-out boxes ${JSON.stringify(image.blackedOut)}`);
      for (const b of image.blackedOut) {
        const left = notBlack(cleaned, b).notBlack;
        check(left === 0, `${file}: the blacked-out box ${JSON.stringify(b)} has ${left} pixels that are not black`);
      }
      if (!removedLines.length && !redactedLines.length) {
        check(image.blackedOut.length === 0, `${file} shows neither message, yet ${JSON.stringify(image.blackedOut)} is blacked out`);
        summary.push(`${file}: untouched`);
        continue;
      }
      // The removed bubble (whole or cut at an edge): every pixel of its text lines black (they were not before).
      const cut = truth.screenshots.find((s) => s.file === file)!.items.find((i) => i.id === tagged.truthId)?.cut;
      for (const l of removedLines) {
        assert.ok(notBlack(original, l.box).notBlack > 0, `${file}: the original shows "${l.text}"`);
        const left = notBlack(cleaned, l.box);
        check(left.notBlack === 0, `${file}: the removed message ${tagged.truthId}${cut ? ` (cut at the ${cut} edge)` : ''}: its line "${l.text}" ${JSON.stringify(l.box)} is not black (${left.notBlack} of ${left.pixels} pixels are not)`);
      }
      const bubble = truth.screenshots.find((s) => s.file === file)!.items.find((i) => i.id === tagged.truthId);
      if (bubble) {
        const c = notBlack(cleaned, bubble.box);
        summary.push(`${file}: ${tagged.truthId}${cut ? ` (cut at the ${cut})` : ''}: ${removedLines.length} lines, its bubble box ${(100 * (1 - c.notBlack / c.pixels)).toFixed(0)}% black`);
      }
      // The redacted identifier: black where it stands; the rest of its bubble stays readable.
      for (const l of redactedLines) {
        const core = spanCore(l, identifier.value);
        if (core) {
          const left = notBlack(cleaned, core);
          check(left.notBlack === 0, `${file}: ${identifier.value} on "${l.text}" is not black (${left.notBlack} of ${left.pixels} pixels are not)`);
          summary.push(`${file}: ${identifier.value} ${left.notBlack === 0 ? 'black' : 'NOT black'}`);
        } else if (!identifier.value.split(/\s+/).some((part) => l.text.includes(part))) {
          const c = notBlack(cleaned, l.box);
          check(c.notBlack > 0.5 * c.pixels, `${file}: the redacted message's line "${l.text}" is blacked out too (${c.notBlack} of ${c.pixels} pixels not black)`);
        }
      }
      if (redactedLines.length && !redactedLines.some((l) => l.text.includes(identifier.value))) {
        console.warn(`      ! ${file}: ${identifier.value} is not on one line of ${redactedTruthId}: its pixels are checked through the report's boxes only`);
      }
    }
    console.log(`      ${summary.join('; ')}`);
    assert.deepEqual(wrong, [], `the cleaned screenshots (copies in ${path.join(vs.outDir, path.basename(o.images))}):\n${wrong.join('\n')}`);
  });

  it('8. "Open Removal Diff" shows the removed message\'s line on the left only, and [AVG] for the identifier on the right', async function () {
    await vs.clearNotifications();
    await focusReview();
    await vs.runCommand(OPEN_REMOVAL_DIFF);
    const tab = await vs.waitForActiveTab('original ↔ cleaned', 30_000);
    assert.ok(tab.includes('(1 removed, 1 redacted)'), `the diff's title counts 1 removed and 1 redacted: "${tab}"`);
    // Review documents wrap long lines; unwrapped (Alt+Z), every line of the conversation fits on screen.
    await vs.toggleDiffWrap();
    const sides = await waitUntil(
      async () => {
        const s = await vs.diffEditorSides();
        const ready = s
          && s.original.lines.some((l) => l.text.includes(tagged.doc.id))
          && s.modified.lines.some((l) => l.text.includes(identifier.doc.id))
          && (await vs.page.locator('.editor-group-container.active .monaco-diff-editor .line-delete').count()) > 0;
        return ready ? s : undefined;
      },
      20_000,
      async () => `the diff editor does not show both sides: ${JSON.stringify(await vs.diffEditorSides())}`,
    );
    await vs.screenshot('removal-diff');
    const removed = sides.original.lines.find((l) => l.text.includes(tagged.doc.id))!;
    assert.ok(squash(removed.text).includes(squash(tagged.doc.shown.split(' ⏎ ')[0])), `the left side shows the removed message: ${removed.text}`);
    assert.ok(!sides.modified.lines.some((l) => l.text.includes(tagged.doc.id)), `the right side lacks ${tagged.doc.id}`);
    const redactedLine = sides.modified.lines.find((l) => l.text.includes(identifier.doc.id))!;
    assert.ok(redactedLine.text.includes(AVG_MARKER) && !redactedLine.text.includes(identifier.value), `the right side shows ${AVG_MARKER} for ${identifier.value}: ${redactedLine.text}`);
    await assertNoErrors('opening the removal diff');
  });
});
