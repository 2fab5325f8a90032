// Journey: two reviewers pair on one export (Live Share, or another window on the same folder).
// This window tags a message and saves; the partner's save then replaces the sidecar beside the
// export from outside VS Code (a whole new valid review state with one more tag, written to a
// temporary file and renamed over it). The open, unmodified review follows by itself within a few
// seconds — the tag column, the decorations and the Problems panel — without any error; tagging
// and saving here afterwards keeps the partner's tag.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VSCodeHarness, stepByStep, waitUntil } from '../harness';
import { idOf } from './cleanAndDiff.expect';
import { openWithDialog } from './openExport.expect';
import { tagOf } from './reviewKeyboard.expect';
import {
  FOLLOW_MS, LOCAL_AFTER, LOCAL_FIRST, PARTNER_TAG, REVIEWER, SAMPLE_ZIP, SCHEME,
  assertMerged, partnerSave, readSidecar, withPartnerTag, type Sidecar,
} from './liveShare.expect';

describe('journey: a Live Share partner saves the review state', function () {
  stepByStep(this); // each step builds on the one before (bail() would also skip the journeys after this one)
  this.timeout(90_000);
  let vs: VSCodeHarness;
  let zipPath: string;
  let sidecarPath: string;
  let partnerWrote: Sidecar;
  let documentBefore = '';
  const lineOf = new Map<string, number>();
  const timings: string[] = [];
  let started = Date.now();
  let stepStarted = Date.now();

  const press = (keys: string) => vs.page.keyboard.press(keys);
  const line = (id: string) => {
    const n = lineOf.get(id);
    assert.ok(n, `${id} is a line of the document`);
    return n;
  };
  /** Error and warning toasts on screen (a failed reload would warn "… cannot be read"). */
  const troubles = async () => (await vs.notificationMessages()).filter((n) => n.severity !== 'info');

  /** The Problems panel's chatreview rows, once it lists every problem the status bar counts. */
  const chatreviewProblems = () => vs.problemsWhen({ source: 'chatreview' });

  async function taggedCount(): Promise<number | undefined> {
    const m = /(\d+) tagged/.exec(await vs.statusBarItem(/tagged/));
    return m ? Number(m[1]) : undefined;
  }

  before(async function () {
    this.timeout(180_000);
    started = Date.now();
    vs = await VSCodeHarness.launch('live-share', { settings: { 'chatReview.reviewer': REVIEWER } });
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

  it(`1. this window tags ${LOCAL_FIRST.id} ${LOCAL_FIRST.tag} (Alt+P) and saves (Ctrl+S); the review is not dirty`, async function () {
    await openWithDialog(vs, zipPath);
    const text = await vs.readEditorText();
    text.split('\n').forEach((l, i) => {
      const id = idOf(l);
      if (id) lineOf.set(id, i + 1);
    });
    await vs.goToLine(line(LOCAL_FIRST.id));
    await press(LOCAL_FIRST.key);
    await vs.waitForRenderedLine(LOCAL_FIRST.id, (l) => tagOf(l.text, LOCAL_FIRST.id) === LOCAL_FIRST.tag, `is not tagged ${LOCAL_FIRST.tag}`);
    await press('Control+KeyS');
    await waitUntil(async () => !(await vs.activeTabIsDirty()), 15_000, () => 'the review is still dirty after Ctrl+S');
    await waitUntil(() => fs.existsSync(sidecarPath), 15_000, () => `${sidecarPath} was not written`);
    assert.deepEqual(readSidecar(sidecarPath).tags.map((t) => [t.id, t.tag]), [[LOCAL_FIRST.id, LOCAL_FIRST.tag]]);
    documentBefore = await vs.readEditorText();
    // The partner's message in view, its flags listed.
    const problems = await chatreviewProblems();
    assert.ok(problems.some((p) => p.line === line(PARTNER_TAG.id)), `${PARTNER_TAG.id} has open flags: ${JSON.stringify(problems)}`);
    await vs.goToLine(line(PARTNER_TAG.id));
    await vs.waitForRenderedLine(PARTNER_TAG.id, (l) => tagOf(l.text, PARTNER_TAG.id) === '' && l.gutter.some((g) => g.startsWith('flag-')), 'is not an untagged, flagged line');
    await waitUntil(async () => (await taggedCount()) === 1 || undefined, 15_000, async () => `the status bar does not count 1 tag: "${await vs.statusBarItem(/tagged/)}"`);
    await vs.screenshot('saved-before-partner');
  });

  it(`2. the partner's save (temp file + rename) tags ${PARTNER_TAG.id} ${PARTNER_TAG.tag}: the open review follows within a few seconds, without errors`, async function () {
    assert.equal(await vs.activeTabIsDirty(), false, 'the review has no unsaved changes');
    assert.deepEqual(await troubles(), [], 'no error or warning before the partner saves');
    const before = await chatreviewProblems();
    const onItsLine = before.filter((p) => p.line === line(PARTNER_TAG.id));

    const json = partnerSave(sidecarPath, withPartnerTag);
    partnerWrote = JSON.parse(json) as Sidecar;
    const saved = Date.now();
    const shown = await waitUntil(
      async () => {
        const bad = await troubles();
        if (bad.length) throw new Error(`the partner's save shows an error: ${JSON.stringify(bad)}`);
        const l = await vs.renderedLine(PARTNER_TAG.id);
        return l && tagOf(l.text, PARTNER_TAG.id) === PARTNER_TAG.tag ? l : undefined;
      },
      FOLLOW_MS,
      async () => `${FOLLOW_MS} ms after the partner's save the line of ${PARTNER_TAG.id} still reads: ${(await vs.renderedLine(PARTNER_TAG.id))?.text}`,
      100,
    );
    const followedMs = Date.now() - saved;
    console.log(`      the review showed the partner's tag ${followedMs} ms after the save`);
    assert.ok(shown.text.startsWith(`AVG   ${PARTNER_TAG.id} `), `the tag column reads "AVG   ": ${shown.text}`);
    // The decorations and the diagnostics follow: the tag's icon and background, its flags resolved.
    await vs.waitForRenderedLine(
      PARTNER_TAG.id,
      (l) => l.gutter.includes('tag-avg.svg') && l.backgrounds.length > 0 && !l.gutter.some((g) => g.startsWith('flag-')),
      'has no tag-avg gutter icon and background',
    );
    const after = await waitUntil(
      async () => {
        const p = await chatreviewProblems();
        return p.some((x) => x.line === line(PARTNER_TAG.id)) ? undefined : p;
      },
      FOLLOW_MS,
      async () => `the flags of ${PARTNER_TAG.id} are still listed: ${JSON.stringify((await vs.problems()).filter((p) => p.line === line(PARTNER_TAG.id)))}`,
    );
    assert.equal(after.length, before.length - onItsLine.length, 'only the flags of the partner\'s message are resolved');
    await waitUntil(async () => (await taggedCount()) === 2 || undefined, FOLLOW_MS, async () => `the status bar does not count 2 tags: "${await vs.statusBarItem(/tagged/)}"`);
    assert.equal(await vs.activeTabIsDirty(), false, 'taking over the partner\'s save leaves the review unmodified');
    await vs.screenshot('partner-tag-shown');

    // The whole document: only that line changed.
    const text = await vs.readEditorText();
    const was = documentBefore.split('\n');
    const now = text.split('\n');
    assert.equal(now.length, was.length);
    const changed = now.map((l, i) => (l === was[i] ? -1 : i + 1)).filter((i) => i > 0);
    assert.deepEqual(changed, [line(PARTNER_TAG.id)], 'only the line of the partner\'s tag changed');
    assert.equal(now[line(PARTNER_TAG.id) - 1], was[line(PARTNER_TAG.id) - 1].replace(/^ {6}/, 'AVG   '));
    assert.deepEqual(await troubles(), [], 'no error or warning after the partner\'s save');
    assert.equal(fs.readFileSync(sidecarPath, 'utf8'), json, 'the sidecar is the partner\'s, untouched');
  });

  it(`3. tagging ${LOCAL_AFTER.id} here (Alt+A) and saving (Ctrl+S) keeps the partner's tag`, async function () {
    await vs.goToLine(line(LOCAL_AFTER.id));
    await press(LOCAL_AFTER.key);
    await vs.waitForRenderedLine(LOCAL_AFTER.id, (l) => tagOf(l.text, LOCAL_AFTER.id) === LOCAL_AFTER.tag, `is not tagged ${LOCAL_AFTER.tag}`);
    await press('Control+KeyS');
    await waitUntil(
      async () => {
        const bad = await troubles();
        if (bad.length) throw new Error(`saving after the partner's save fails: ${JSON.stringify(bad)}`);
        return !(await vs.activeTabIsDirty()) || undefined;
      },
      15_000,
      () => 'the review is still dirty after Ctrl+S',
    );
    await waitUntil(
      () => readSidecar(sidecarPath).tags.some((t) => t.id === LOCAL_AFTER.id) || undefined,
      10_000,
      () => `the sidecar does not hold the tag of ${LOCAL_AFTER.id}`,
    );
    await vs.saveText('sidecar.json', fs.readFileSync(sidecarPath, 'utf8'));
    assertMerged(readSidecar(sidecarPath), partnerWrote);
    await waitUntil(async () => (await taggedCount()) === 3 || undefined, 10_000, async () => `the status bar does not count 3 tags: "${await vs.statusBarItem(/tagged/)}"`);
    assert.ok(!fs.readdirSync(vs.workspace).some((f) => f.endsWith('.tmp')), 'no temporary file is left');
    assert.deepEqual(await troubles(), []);
    await vs.screenshot('saved-after-partner');
    const state = decodeURIComponent(await vs.activeEditorUri());
    assert.equal(state, `${SCHEME}:${zipPath}`);
  });
});
