// Journey: the team's policy lives in the workspace, in .chatreview/policy.json, and the review
// follows it as it changes. Open the sample under the built-in policy; a policy file with two
// problems appears: its problems show in the Problems panel, the review header says the built-in
// policy stands in, and Ctrl+Alt+E is refused naming the file. Quick Open (Ctrl+P) opens the file,
// and Ctrl+Space inside "rules" offers the rule ids (the contributed JSON schema). The file fixed
// (private chatter off, a later period start): the flags follow within seconds, without reopening.
// Tag the messages outside the new period with a quick fix and save (Ctrl+S): the sidecar records
// the policy's sha256; a further change of the policy is noted on the header line. Redact the
// phone number and Ctrl+Alt+E: the report names the policy, its version and file, and the earlier
// fingerprint; the cleaned text carries the policy's own AVG marker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { VSCodeHarness, stepByStep, waitUntil, type Problem, type RenderedLine } from '../harness';
import { outputFiles, readZip } from './cleanAndDiff.expect';
import { openWithDialog } from './openExport.expect';
import { sidecarName, tagOf } from './reviewKeyboard.expect';
import {
  AVG_MARKER, CHANGED, CHANGED_VERSION, FIXED, IDENTIFIER_RULES, INVALID, INVALID_PROBLEMS, PERIOD_START, PHONE, POLICY_FILE, POLICY_NAME,
  SAMPLE_ZIP, SCHEME, assertReportPolicy, messageOf, parsePolicyLine, readSidecar, type PolicyLine,
} from './policy.expect';

describe('journey: the workspace policy file', function () {
  stepByStep(this); // each step builds on the one before (bail() would also skip the journeys after this one)
  this.timeout(120_000);
  let vs: VSCodeHarness;
  let zipPath: string;
  let policyPath: string;
  let sidecarPath: string;
  /** 1-based document line and date of each message. */
  const messages = new Map<string, { line: number; date: string }>();
  let builtIn: PolicyLine;
  /** The fixed policy, in force when the review was saved. */
  let fixed: PolicyLine;
  /** The policy changed after that save. */
  let changed: PolicyLine;
  /** Errors the extension host had logged before the journey began (other extensions' start-up). */
  let hostErrorsBefore = 0;
  const timings: string[] = [];
  let started = Date.now();
  let stepStarted = Date.now();

  const press = (keys: string) => vs.page.keyboard.press(keys);
  const line = (id: string) => {
    const m = messages.get(id);
    assert.ok(m, `${id} is a line of the document`);
    return m.line;
  };
  const reviewName = SAMPLE_ZIP;
  const inReview = (p: Problem) => p.resource === reviewName;
  const inPolicy = (p: Problem) => p.resource === POLICY_NAME;
  const outputsOnDisk = () => fs.readdirSync(vs.workspace).filter((f) => /\.(cleaned\.zip|removal\.diff|removal\.json)$/.test(f));
  /** Lines of the messages dated before the period start of the fixed policy. */
  const outsidePeriod = () => [...messages.values()].filter((m) => m.date < PERIOD_START).map((m) => m.line).sort((a, b) => a - b);

  const assertNoErrors = (while_: string) => vs.assertNoErrorsSince(while_, hostErrorsBefore);

  /** Makes the review of the sample the active, focused editor. */
  async function focusReview(): Promise<void> {
    await vs.focusEditorOf(`${SCHEME}:${zipPath}`);
    await vs.waitForActiveTab('Crisisteam Vaccinatie');
  }

  /** The review's header line naming the policy, once it satisfies `check` (the review is brought to the top when the header is not on screen). */
  async function waitForPolicyLine(check: (p: PolicyLine) => boolean, what: string, timeoutMs = 20_000): Promise<{ policy: PolicyLine; rendered: RenderedLine }> {
    if (!(await vs.renderedLine('# policy sha256'))) await vs.goToLine(1);
    let last: RenderedLine | undefined;
    return waitUntil(
      async () => {
        last = await vs.renderedLine('# policy sha256');
        const policy = last && parsePolicyLine(last.text);
        return last && policy && check(policy) ? { policy, rendered: last } : undefined;
      },
      timeoutMs,
      () => `the review header's policy line ${what}; it reads ${JSON.stringify(last?.text)}`,
    );
  }

  const problems = (check: (all: Problem[]) => boolean, what: string, timeoutMs = 20_000) => vs.problemsWhen({ check, what, timeoutMs });

  /** Writes the policy file as an editor or a colleague's sync would; resolves with the time written. */
  async function writePolicy(text: string): Promise<number> {
    await fsp.mkdir(path.dirname(policyPath), { recursive: true });
    await fsp.writeFile(policyPath, text);
    return Date.now();
  }

  before(async function () {
    this.timeout(180_000);
    started = Date.now();
    vs = await VSCodeHarness.launch('policy');
    zipPath = path.join(vs.workspace, SAMPLE_ZIP);
    policyPath = path.join(vs.workspace, POLICY_FILE);
    sidecarPath = path.join(vs.workspace, sidecarName(SAMPLE_ZIP));
    hostErrorsBefore = (await vs.extensionHostErrors()).length;
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

  it('1. opens the sample under the built-in policy: the header names it, privé and period flags in the Problems panel', async function () {
    assert.ok(!fs.existsSync(policyPath), `the workspace has no ${POLICY_FILE} yet`);
    await openWithDialog(vs, zipPath);
    const text = await vs.readEditorText();
    await vs.saveText('document-opened.txt', text);
    text.split('\n').forEach((l, i) => {
      const m = !l.startsWith('#') && messageOf(l);
      if (m) messages.set(m.id, { line: i + 1, date: m.date });
    });
    line(PHONE.id);
    const header = text.split('\n').find((l) => l.startsWith('# policy sha256')) ?? '';
    const parsed = parsePolicyLine(header);
    assert.ok(parsed, `the header has a policy line: ${JSON.stringify(header)}`);
    assert.equal(parsed.source, 'built-in', header);
    assert.equal(parsed.problems, undefined, header);
    assert.equal(parsed.savedUnder, undefined, header);
    ({ policy: builtIn } = await waitForPolicyLine((p) => p.sha256 === parsed.sha256, 'is on screen'));

    const listed = await problems(
      (all) => all.some((p) => inReview(p) && p.code === 'private') && all.some((p) => inReview(p) && p.code === 'period'),
      'privé and period flags of the review',
    );
    await vs.saveText('problems-built-in.json', JSON.stringify(listed, null, 2));
    const period = listed.filter((p) => inReview(p) && p.code === 'period');
    assert.deepEqual(
      period.map((p) => p.line),
      [...messages.values()].filter((m) => m.date < '2019-12-15').map((m) => m.line),
      'the built-in period (from 2019-12-15) flags the messages before it',
    );
    assert.ok(period.every((p) => p.message.includes('(from 2019-12-15)')), JSON.stringify(period));
    assert.ok(!listed.some((p) => p.code.startsWith('policy-')), `no note on the policy line: ${JSON.stringify(listed)}`);
    assert.ok(!listed.some(inPolicy), 'nothing is listed for a policy file');
    await vs.screenshot('built-in-policy');
    await assertNoErrors('opening the sample');
  });

  it('2. an invalid policy file: its problems in the Problems panel, the built-in policy noted in the header, Ctrl+Alt+E refused', async function () {
    const written = await writePolicy(INVALID);
    const { policy, rendered } = await waitForPolicyLine(
      (p) => p.problems !== undefined,
      `notes the problems of ${POLICY_FILE}`,
    );
    console.log(`      the header noted the policy file's problems ${Date.now() - written} ms after it was written`);
    assert.equal(policy.source, 'built-in', 'the built-in policy stays in force');
    assert.equal(policy.sha256, builtIn.sha256, 'and so does its sha256');
    assert.deepEqual(policy.problems, { file: POLICY_FILE, count: INVALID_PROBLEMS.length });
    const headerLine = rendered.line;

    // The header counted both problems above; the Problems panel is read row by row from a
    // virtualised list, which on a busy machine has once missed a row: a problem of the policy
    // file must show there, beside the review's warning (each message is checked further on).
    const listed = await problems(
      (all) => all.some(inPolicy) && all.some((p) => inReview(p) && p.code === 'policy-problems'),
      `the ${INVALID_PROBLEMS.length} problems of ${POLICY_NAME} and the policy-problems warning`,
    );
    await vs.saveText('problems-invalid-policy.json', JSON.stringify(listed, null, 2));
    const expected = INVALID_PROBLEMS.map((p) => JSON.stringify({ severity: 'error', source: 'chatreview', ...p }));
    for (const p of listed.filter(inPolicy)) {
      const shown = JSON.stringify({ severity: p.severity, source: p.source, message: p.message, line: p.line });
      assert.ok(expected.includes(shown), `the Problems panel lists a problem of ${POLICY_NAME} on its line: ${shown}`);
    }
    const warning = listed.find((p) => inReview(p) && p.code === 'policy-problems')!;
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.line, headerLine, 'the warning is on the header line naming the policy');
    assert.match(warning.message, /\.chatreview\/policy\.json has 2 problems \(see that file\): the built-in policy is in force/);
    await vs.waitForRenderedLine('# policy sha256', (l) => l.squiggles.includes('warning'), 'has no warning squiggle');
    // The built-in policy is in force: the flags are those it gives.
    assert.ok(listed.some((p) => inReview(p) && p.code === 'private'), 'the privé flags stay');
    await vs.screenshot('invalid-policy-problems');

    // Save Cleaned Export is refused, naming the file; nothing is written.
    await focusReview();
    await press('Control+Alt+KeyE');
    const refused = await vs.waitForNotification(/^Not saved: the policy file/, 20_000);
    await vs.screenshot('clean-refused');
    assert.equal(refused.severity, 'error');
    const said = /^Not saved: the policy file \.chatreview\/policy\.json has 2 problems: (.+)\. Fix it first; meanwhile the built-in policy is in force\.$/.exec(refused.message);
    assert.ok(said, `the refusal names the file and its problems: ${refused.message}`);
    assert.ok(INVALID_PROBLEMS.some((p) => p.message === said[1]), `the refusal quotes a problem of the file: ${said[1]}`);
    assert.equal(await vs.dialog(), undefined, 'no modal dialog');
    await vs.waitForProgressToFinish();
    assert.deepEqual(outputsOnDisk(), [], 'no cleaned export, diff or report is written');
    await vs.clearNotifications();
    await assertNoErrors('after the refusal was cleared');
  });

  it(`3. Quick Open (Ctrl+P) opens ${POLICY_NAME}; Ctrl+Space inside "rules" offers the rule ids (the contributed JSON schema)`, async function () {
    await vs.quickOpen(POLICY_NAME);
    await waitUntil(
      async () => /\/\.chatreview\/policy\.json$/.test(decodeURIComponent(await vs.activeEditorUri())) || undefined,
      10_000,
      async () => `the active editor shows ${await vs.activeEditorUri()}, not ${POLICY_FILE}`,
    );
    assert.equal(await vs.statusBarLanguage(), 'JSON');
    await vs.waitForText('"perod"');
    // The file's own problems as squiggles on their lines.
    for (const p of INVALID_PROBLEMS) {
      await vs.waitForRenderedLine(INVALID.split('\n')[p.line - 1].trim(), (l) => l.line === p.line && l.squiggles.includes('error'), 'has no error squiggle');
    }

    // The cursor inside `"rules": { }`, then Ctrl+Space.
    await vs.selectWithFind('"rules": { ');
    await press('ArrowRight');
    const unquoted = (labels: string[]) => labels.map((l) => l.replace(/^"|"$/g, ''));
    const first = await vs.triggerSuggest((labels) => unquoted(labels).includes('bsn'));
    await vs.screenshot('completion-rule-ids');
    const offered = new Set(unquoted(first.map((r) => r.label)));
    // The list shows a dozen rows at a time: ArrowUp wraps the focus to the last one, showing the end of the list.
    if (!offered.has('private')) {
      await press('ArrowUp');
      await waitUntil(
        async () => {
          for (const l of unquoted((await vs.suggestions()).map((r) => r.label))) offered.add(l);
          return offered.has('private') || undefined;
        },
        5_000,
        () => `the suggestions end without "private": ${JSON.stringify([...offered])}`,
      );
      await vs.screenshot('completion-rule-ids-end');
    }
    for (const id of ['bsn', 'iban', 'phone', 'private', 'period']) assert.ok(offered.has(id), `"${id}" is offered: ${JSON.stringify([...offered])}`);
    assert.ok(!offered.has('perod') && !offered.has('markers'), `only rule ids, not words of the file: ${JSON.stringify([...offered])}`);
    await vs.closeWidgets();
    assert.ok(!(await vs.activeTabIsDirty()), 'the policy file is unchanged');

    // The schema validates too: VS Code's JSON support flags the unknown field.
    const listed = await problems(
      (all) => all.some((p) => inPolicy(p) && p.source !== 'chatreview' && /perod/.test(p.message)),
      `a JSON schema problem about "perod" in ${POLICY_NAME}`,
    );
    const schema = listed.filter((p) => inPolicy(p) && p.source !== 'chatreview');
    console.log(`      the JSON schema says: ${schema.map((p) => `[${p.severity} ${p.source}] ${p.message} (Ln ${p.line})`).join(' | ')}`);
    assert.ok(!schema.some((p) => /Unable to load schema/i.test(p.message)), `the schema loads: ${JSON.stringify(schema)}`);
    await vs.screenshot('policy-file-schema-problems');
    await assertNoErrors('completing in the policy file');
  });

  it('4. the file fixed (private off, period from 2020-03-13): the review follows within seconds, the header names the file and a new sha256', async function () {
    // Written while the review is in front of the reviewer: it follows by itself.
    await focusReview();
    const written = await writePolicy(FIXED);
    ({ policy: fixed } = await waitForPolicyLine((p) => p.source === POLICY_FILE, `names ${POLICY_FILE}`));
    const followed = Date.now() - written;
    console.log(`      the review header named the fixed policy ${followed} ms after it was written`);
    assert.ok(followed < 10_000, `the review follows the policy file within seconds (${followed} ms)`);
    assert.notEqual(fixed.sha256, builtIn.sha256, 'a new sha256');
    assert.equal(fixed.problems, undefined, 'no problems note');
    assert.equal(fixed.savedUnder, undefined, 'nothing saved yet');

    const expected = outsidePeriod();
    const listed = await problems(
      (all) => {
        const review = all.filter(inReview);
        return !review.some((p) => p.code === 'private' || p.code.startsWith('policy-')) &&
          JSON.stringify(review.filter((p) => p.code === 'period').map((p) => p.line)) === JSON.stringify(expected);
      },
      `no privé flag and period flags on exactly the lines before ${PERIOD_START} (${expected.join(', ')})`,
    );
    await vs.saveText('problems-fixed-policy.json', JSON.stringify(listed, null, 2));
    const period = listed.filter((p) => inReview(p) && p.code === 'period');
    assert.ok(period.every((p) => p.message.includes(`(from ${PERIOD_START})`)), JSON.stringify(period));
    assert.ok(!listed.some(inPolicy), `nothing is listed for ${POLICY_NAME}`);
    // Identifier flags stay.
    for (const rule of ['bsn', 'iban', 'phone']) assert.ok(listed.some((p) => inReview(p) && p.code === rule), `the ${rule} flag stays`);
    await vs.screenshot('review-follows-fixed-policy');

    // The policy file's editor (no unsaved changes) shows the file as written.
    await vs.quickOpen(POLICY_NAME);
    await vs.waitForText('"enabled": false');
    await vs.screenshot('policy-file-fixed');
    await focusReview();
    await assertNoErrors('following the fixed policy');
  });

  it('5. a quick fix tags the messages outside the period, Ctrl+S: the sidecar records the sha256; a policy change since is noted on the header line', async function () {
    const expected = outsidePeriod();
    // Alt+N from the top: the first open flag, the period flag of the first message.
    await vs.goToLine(1);
    const from = await vs.cursorPosition();
    await press('Alt+KeyN');
    const at = await vs.waitForCursorMove(from);
    assert.equal(at.line, expected[0], `Alt+N goes to the first flag outside the period, on line ${expected[0]}`);
    const rows = await vs.openQuickFixMenu();
    await vs.screenshot('quick-fix-period');
    const all = rows.find((r) => /^Tag all \d+ messages with an open "period" flag on this page as out of scope$/.test(r.label));
    assert.ok(all, `the quick fix tagging every message outside the period is offered: ${rows.map((r) => r.label).join(' | ')}`);
    assert.equal(Number(/\d+/.exec(all.label)?.[0]), expected.length, `it tags the ${expected.length} messages before ${PERIOD_START}`);
    await vs.chooseCodeAction(/^Tag all \d+ messages with an open "period" flag/);
    const firstId = [...messages.entries()].find(([, m]) => m.line === expected[0])![0];
    await vs.waitForRenderedLine(firstId, (l) => tagOf(l.text, firstId) === 'scope', 'is not tagged scope');
    const text = await vs.readEditorText();
    const lines = text.split('\n');
    for (const [id, m] of messages) {
      assert.equal(tagOf(lines[m.line - 1], id), m.date < PERIOD_START ? 'scope' : '', `the tag of ${id} (${m.date})`);
    }

    await press('Control+KeyS');
    await waitUntil(async () => !(await vs.activeTabIsDirty()) || undefined, 15_000, () => 'the review is still dirty after Ctrl+S');
    const saved = await waitUntil(
      async () => (fs.existsSync(sidecarPath) ? fs.readFileSync(sidecarPath, 'utf8') : undefined),
      15_000,
      () => `${sidecarPath} was not written`,
    );
    await vs.saveText('sidecar-saved.json', saved);
    const state = readSidecar(saved);
    assert.equal(state.tags.length, expected.length);
    assert.deepEqual(state.policy, { sha256: fixed.sha256 }, "the sidecar's policy.sha256 is the header's");
    await waitForPolicyLine((p) => p.sha256 === fixed.sha256 && p.savedUnder === undefined, 'shows the saved policy without a note');
    await vs.screenshot('saved-under-policy');

    // The policy changes again (a new version, another AVG marker): noted, tags kept.
    const written = await writePolicy(CHANGED);
    ({ policy: changed } = await waitForPolicyLine((p) => p.sha256 !== fixed.sha256, 'shows the changed policy'));
    console.log(`      the header showed the changed policy ${Date.now() - written} ms after it was written`);
    assert.equal(changed.source, POLICY_FILE);
    assert.equal(changed.savedUnder, fixed.sha256.slice(0, 12), `"changed since the last save (was ${fixed.sha256.slice(0, 12)}…)"`);
    const listed = await problems((ps) => ps.some((p) => inReview(p) && p.code === 'policy-changed'), 'the policy-changed note');
    const note = listed.find((p) => inReview(p) && p.code === 'policy-changed')!;
    const header = await waitForPolicyLine((p) => p.sha256 === changed.sha256, 'is on screen');
    assert.equal(note.severity, 'info');
    assert.equal(note.line, header.rendered.line, 'the note is on the header line naming the policy');
    assert.ok(note.message.includes(`was ${fixed.sha256.slice(0, 12)}…, now ${changed.sha256.slice(0, 12)}…`), note.message);
    await vs.waitForRenderedLine('# policy sha256', (l) => l.squiggles.includes('info'), 'has no information squiggle');
    await vs.waitForRenderedLine(firstId, (l) => tagOf(l.text, firstId) === 'scope', 'lost its tag');
    assert.ok(!(await vs.activeTabIsDirty()), 'the review has no unsaved changes');
    await vs.screenshot('policy-changed-since-save');
    await assertNoErrors('after the policy changed');
  });

  it("6. the phone number redacted, Ctrl+Alt+E: the report names the policy, its version and file, and the earlier sha256; the cleaned text has the policy's marker", async function () {
    // The cursor on the number (Find selects it), then Ctrl+. offers to redact just that.
    await vs.goToLine(1);
    const at = await vs.selectWithFind(PHONE.value);
    assert.equal(at.line, line(PHONE.id), `Find goes to the number on the line of ${PHONE.id}`);
    await vs.openQuickFixMenu();
    await vs.chooseCodeAction(PHONE.quickFix);
    await vs.waitForRenderedLine(PHONE.id, (l) => l.text.includes(`⟦AVG|${PHONE.value}⟧`), `does not show ⟦AVG|${PHONE.value}⟧`);
    const open = (await problems((all) => !all.some((p) => inReview(p) && p.code === 'phone'), 'the phone flag resolved'))
      .filter((p) => inReview(p) && IDENTIFIER_RULES.includes(p.code));
    assert.deepEqual(open, [], 'no identifier flag is left open (the others are on messages tagged out of scope)');

    await focusReview();
    await press('Control+Alt+KeyE');
    const written = await vs.waitForNotification(/^Cleaned export written/, 30_000);
    assert.equal(written.severity, 'info');
    await vs.waitForNotificationGone(/^Writing the cleaned export/);
    await vs.screenshot('cleaned-written');

    const outputs = outputFiles(zipPath);
    const report = fs.readFileSync(outputs.report, 'utf8');
    await vs.saveText('removal.json', report);
    assertReportPolicy(report, { sha256: changed.sha256, previous: [fixed.sha256] });
    // Ctrl+Alt+E saved the redaction first: the sidecar is now saved under the changed policy.
    const state = readSidecar(fs.readFileSync(sidecarPath, 'utf8'));
    assert.deepEqual(state.policy, { sha256: changed.sha256, previous: [fixed.sha256] });
    // Saved under the policy in force, the header's "changed since the last save" note no longer
    // holds: the save draws the page again, and the server drops its note.
    await waitForPolicyLine((p) => p.sha256 === changed.sha256 && p.savedUnder === undefined, 'drops the note after the save', 10_000);
    await problems((all) => !all.some((p) => inReview(p) && p.code === 'policy-changed'), 'no policy-changed note');

    const chat = (await readZip(outputs.cleaned)).get('_chat.txt')?.toString('utf8') ?? '';
    const phoneLine = chat.split('\n').find((l) => l.includes('Bel me even op')) ?? '';
    assert.ok(phoneLine.includes(AVG_MARKER) && !phoneLine.includes(PHONE.value), `the phone number is replaced by the policy's marker ${AVG_MARKER}: ${phoneLine}`);

    // The report as the second reviewer opens it (Ctrl+P): its policy near the top.
    await vs.clearNotifications();
    await vs.quickOpen(path.basename(outputs.report));
    await vs.waitForText(`"previous": [`);
    await vs.waitForText(`"version": "${CHANGED_VERSION}"`);
    await vs.screenshot('report-policy');
    await assertNoErrors('after saving the cleaned export');
  });
});
