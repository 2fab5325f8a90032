// Journey: one export of each family besides WhatsApp, reviewed and cleaned in a real VS Code
// with the keyboard.
//
// - SMS Backup & Restore XML (five threads in one file): Open Export asks which conversation to
//   review; the group thread, picked with the arrow keys, shows its three messages; Alt+P, Ctrl+S,
//   Ctrl+Alt+E write `<name>.<conversation>.cleaned.xml` (+ diff and report) beside the backup: well
//   formed, that thread only, without the tagged message.
// - Signal chat.md: a reply shows `↪ m000001`; F12 jumps to the quoted message; Ctrl+K Ctrl+I shows
//   the quoted text; the quick fix "Tag m000001 and its 1 reply as privé" tags the thread.
// - Telegram result.json: a word selected with Find, Alt+X, AVG; "Save Cleaned Export and RSMF"
//   (F1) writes a cleaned JSON that parses, with `[AVG]` for the word, and the .rsmf.
// - iMessage (iMazing CSV): Alt+A, Ctrl+S, Ctrl+Alt+E: the cleaned CSV keeps its header and every
//   record but the tagged one.
//
// The families are independent: a failing step skips the rest of its family only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { VSCodeHarness, stepByStep, waitUntil } from '../harness';
import { tagOf } from './reviewKeyboard.expect';
import {
  COMMAND_TITLE, IMESSAGE, REASON, SAVE_CLEANED_AND_RSMF, SCHEME, SETTINGS, SIGNAL, SMS, TELEGRAM,
  assertCleanedCsv, assertCleanedRsmf, assertCleanedTelegram, materialiseFixtures, messageLines, readSidecar, readSmsBackup,
} from './formats.expect';

describe('journey: one export of each family (SMS, Signal, Telegram, iMessage)', function () {
  this.timeout(90_000);
  let vs: VSCodeHarness;
  let fixtures: string;
  const timings: string[] = [];
  let started = Date.now();
  let stepStarted = Date.now();
  /** The current review's message lines by id (set when a family opens its export). */
  let lines = new Map<string, { line: number; tag: string; time: string; rest: string; text: string }>();

  const press = (keys: string) => vs.page.keyboard.press(keys);
  const inWorkspace = (file: string) => path.join(vs.workspace, file);
  const line = (id: string) => {
    const l = lines.get(id);
    assert.ok(l, `${id} is a line of the review document`);
    return l.line;
  };

  /**
   * "Chat Review: Open Export" from the command palette, the export typed into the file dialog.
   * What an earlier step left open (a hover, the code-action menu, the Find widget, a quick input)
   * is closed first (Escape), and said, so that it cannot take the keys meant for the palette.
   */
  async function openExport(file: string): Promise<void> {
    const left = await vs.closeWidgets();
    if (left.length) console.log(`      (closed what was left open: ${left.join(', ')})`);
    await vs.runCommand(COMMAND_TITLE);
    await vs.waitForFileDialog();
    await vs.chooseInFileDialog(inWorkspace(file));
  }

  /**
   * Waits for the review document of `file` (of its `conversation`) to be the active editor with
   * message lines on screen; reads its whole text, keeps its lines by id, saves it beside the
   * screenshots. Returns the text.
   */
  async function waitForReview(file: string, saveAs: string, conversation?: string): Promise<string> {
    const exportPath = inWorkspace(file);
    await waitUntil(
      async () => {
        await vs.assertNoErrors(`opening ${file}`);
        let uri = await vs.activeEditorUri();
        for (let i = 0; i < 3; i++) uri = decodeURIComponent(uri);
        const [base, query = ''] = uri.split('?');
        if (base !== `${SCHEME}:${exportPath}`) return undefined;
        return conversation === undefined ? !query.includes('conversation=') : query.includes(`conversation=${conversation}`);
      },
      30_000,
      async () =>
        `the active editor is ${decodeURIComponent(await vs.activeEditorUri())}, not the review of ${file}${conversation ? ` (conversation ${conversation})` : ''}\n` +
        (await vs.workbenchState()),
    );
    await vs.waitForLine(/^\s*(?:\S+\s+)?m\d{6} \d{4}-\d{2}-\d{2} /);
    await vs.waitForProgressToFinish();
    const text = await vs.readEditorText();
    await vs.saveText(saveAs, text);
    lines = messageLines(text);
    return text;
  }

  /** Ctrl+S in the review; waits for the tab to be clean and returns the sidecar written. */
  async function saveReview(sidecarFile: string): Promise<ReturnType<typeof readSidecar>> {
    await vs.focusEditor();
    await press('Control+KeyS');
    await waitUntil(async () => !(await vs.activeTabIsDirty()), 15_000, () => 'the review is still dirty after Ctrl+S');
    const sidecar = inWorkspace(sidecarFile);
    await waitUntil(() => fs.existsSync(sidecar), 15_000, () => `${sidecarFile} was not written`);
    return readSidecar(sidecar);
  }

  /** Tags the line of `id` with its key (Alt+P / Alt+A) and waits for the tag column to show it. */
  async function tagWithKey(id: string, key: string, tag: string): Promise<void> {
    await vs.goToLine(line(id));
    await press(key);
    await vs.waitForRenderedLine(id, (l) => tagOf(l.text, id) === tag, `is not tagged ${tag}`);
  }

  /**
   * Saves the cleaned export of the active review, with Ctrl+Alt+E or with "Save Cleaned Export and
   * RSMF" from the command palette. When it refuses over open identifier flags (the fixtures hold
   * phone numbers), "Save Anyway…" with a reason, as a reviewer who checked them would. Returns the
   * "Cleaned export written" message and the refusal, if any.
   */
  async function saveCleaned(how: 'keys' | 'rsmf', shot: string): Promise<{ written: string; refusal: string | undefined }> {
    await vs.clearNotifications();
    await vs.focusEditor();
    if (how === 'keys') await press('Control+Alt+KeyE');
    else await vs.runCommand(SAVE_CLEANED_AND_RSMF);
    const first = await waitUntil(
      async () => {
        const dialog = await vs.dialog();
        if (dialog) return { dialog };
        const shown = await vs.notificationMessages();
        const error = shown.find((n) => n.severity === 'error');
        if (error) throw new Error(`saving the cleaned export failed: ${error.message}`);
        return shown.some((n) => /^Cleaned export written/.test(n.message)) ? { dialog: undefined } : undefined;
      },
      30_000,
      async () => `the save showed neither a refusal nor its result: ${JSON.stringify(await vs.notificationMessages())}`,
    );
    let refusal: string | undefined;
    if (first.dialog) {
      refusal = `${first.dialog.message} ${first.dialog.detail}`.trim();
      assert.match(refusal, /identifier flags are unresolved/, `the only modal is the refusal over open identifier flags: ${refusal}`);
      await vs.screenshot(`${shot}-refusal`);
      await vs.chooseDialogButton('Save Anyway…');
      await waitUntil(() => vs.quickInput(), 10_000, () => 'no input box asks for a reason');
      await vs.typeInQuickInput(REASON);
      await waitUntil(async () => !/at least 10/.test(await vs.quickInputMessage()) || undefined, 5_000, () => 'the reason is refused');
      await press('Enter');
    }
    const written = await vs.waitForNotification(/^Cleaned export written/, 30_000);
    assert.equal(written.severity, 'info');
    await vs.waitForNotificationGone(/^Writing the cleaned export/, 30_000);
    await vs.screenshot(shot);
    return { written: written.message, refusal };
  }

  /** Opens a file of the workspace in a text editor with Quick Open (Ctrl+P), for the screenshot. */
  async function showFile(file: string): Promise<void> {
    await vs.focusEditor();
    await press('Control+KeyP');
    await vs.typeInQuickInput(file);
    await waitUntil(
      async () => (await vs.quickPickRows()).find((r) => r.focused && r.label === file) || undefined,
      20_000,
      async () => `Quick Open does not offer ${file}: ${JSON.stringify(await vs.quickPickRows())}`,
    );
    await press('Enter');
    await vs.waitForActiveTab(file);
    await vs.waitForText(fs.readFileSync(inWorkspace(file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0].slice(0, 40));
  }

  /** Puts the cursor on the `↪` of the Signal reply (Go to Line, Find, ←), nothing selected. */
  async function cursorOnReplyMark(): Promise<void> {
    await vs.goToLine(line(SIGNAL.reply.id));
    const end = await vs.selectWithFind(SIGNAL.reply.mark);
    await press('ArrowLeft'); // to the start of the selection
    const column = end.column - SIGNAL.reply.mark.length;
    await waitUntil(
      async () => {
        const at = await vs.cursorPosition();
        return (at?.line === end.line && at.column === column && (await vs.selectedLength()) === 0) || undefined;
      },
      10_000,
      async () => `the cursor is not on the reply mark at line ${end.line}, column ${column}: ${JSON.stringify(await vs.cursorPosition())}`,
      100,
    );
  }

  /** Outputs of a cleaning beside the exports (and leftovers of an atomic write). */
  const outputsOnDisk = () =>
    fs.readdirSync(vs.workspace).filter((f) => /\.(cleaned\.\w+|removal\.diff|removal\.json)$/.test(f) || f.endsWith('.tmp')).sort();

  before(async function () {
    this.timeout(180_000);
    started = Date.now();
    fixtures = await fsp.mkdtemp(path.join(os.tmpdir(), 'chatreview-e2e-formats-fixtures-'));
    await materialiseFixtures(fixtures);
    vs = await VSCodeHarness.launch('formats', { workspaceFrom: [fixtures], settings: SETTINGS });
    timings.push(`launch ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  beforeEach(() => {
    stepStarted = Date.now();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'pending') timings.push(`${this.currentTest?.title.split(' ')[0]} ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    await vs?.screenshotIfFailed(this.currentTest);
  });

  after(async function () {
    this.timeout(60_000);
    await vs?.close();
    if (fixtures) await fsp.rm(fixtures, { recursive: true, force: true });
    console.log(`      (journey took ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.join(', ')})`);
  });

  describe('SMS Backup & Restore: one thread of a backup of five', function () {
    stepByStep(this);
    it('1. Open Export on the backup asks which of its 5 conversations to review', async function () {
      await openExport(SMS.file);
      const pick = await vs.waitForQuickPickPlaceholder(SMS.placeholder, 30_000);
      await vs.screenshot('sms-conversation-pick');
      assert.deepEqual(pick.rows.map((r) => r.label), [...SMS.conversations], 'the quick pick lists the five threads, in the order of the backup');
      assert.equal(pick.rows.find((r) => r.focused)?.label, SMS.conversations[0], 'the first thread is focused');
      const group = pick.rows.find((r) => r.label === SMS.group.title)!;
      assert.match(group.ariaLabel, /3 messages/, `the group thread says it holds 3 messages: ${group.ariaLabel}`);
    });

    it('2. ArrowDown and Enter pick the group thread: the review shows its 3 messages', async function () {
      await vs.chooseQuickPickItem(SMS.group.title);
      const text = await waitForReview(SMS.file, 'sms-document.txt', SMS.group.id);
      await vs.screenshot('sms-group-thread');
      const header = text.split('\n').filter((l) => l.startsWith('#'));
      assert.equal(header[0], `# Chat Review · ${SMS.group.title} · sms`, `the header names the thread:\n${header.join('\n')}`);
      assert.ok(header.some((l) => l.startsWith('# 3 messages · ')), `the header counts 3 messages:\n${header.join('\n')}`);
      assert.deepEqual([...lines.keys()], SMS.group.messages.map((m) => m.id), 'one line for each of the thread\'s messages');
      for (const m of SMS.group.messages) {
        const l = lines.get(m.id)!;
        assert.equal(l.tag, '', `${m.id} is not tagged yet`);
        assert.equal(l.time, m.time, `${m.id} shows the phone's time`);
        assert.ok(l.rest.startsWith(`${m.sender}: `), `${m.id} is from ${m.sender}: ${l.text}`);
        assert.ok(l.rest.endsWith(m.text), `${m.id} reads "${m.text}": ${l.text}`);
      }
      for (const other of SMS.otherThreads) assert.ok(!text.includes(other), `"${other}" (another thread) is not in this review`);
    });

    it(`3. Alt+P tags ${SMS.tag.id} privé; Ctrl+S writes the conversation's own sidecar`, async function () {
      await tagWithKey(SMS.tag.id, SMS.tag.key, SMS.tag.tag);
      assert.ok(await vs.activeTabIsDirty(), 'the review has unsaved changes');
      await vs.screenshot('sms-tagged');
      const state = await saveReview(SMS.sidecar);
      assert.equal(state.export.conversation, SMS.group.id, 'the sidecar reviews the group thread');
      assert.deepEqual(state.tags.map((t) => [t.id, t.tag]), [[SMS.tag.id, SMS.tag.tag]]);
      assert.equal(state.tags[0].by, SETTINGS['chatReview.reviewer']);
      assert.deepEqual(outputsOnDisk(), [], 'nothing is cleaned yet');
      await vs.screenshot('sms-saved');
    });

    it('4. Ctrl+Alt+E writes <name>.<conversation>.cleaned.xml, its removal diff and report beside the backup', async function () {
      const { written, refusal } = await saveCleaned('keys', 'sms-cleaned-written');
      console.log(`      ${refusal ? `refused first (${refusal}); then ` : ''}${written}`);
      assert.deepEqual(outputsOnDisk(), Object.values(SMS.outputs).sort(), 'the three outputs, named after the conversation, and nothing else');
      await showFile(SMS.outputs.cleaned);
      await vs.screenshot('sms-cleaned-xml');
    });

    it('5. the cleaned XML is well formed (saxes) and holds the group thread without the tagged message', async function () {
      const xml = fs.readFileSync(inWorkspace(SMS.outputs.cleaned), 'utf8');
      await vs.saveText('sms-cleaned.xml', xml);
      const { messages } = readSmsBackup(xml);
      const kept = SMS.group.messages.filter((m) => m.id !== SMS.tag.id);
      assert.deepEqual(messages.map((m) => m.attributes.m_id), kept.map((m) => m.mmsId), 'the kept messages of the thread, in order');
      for (const [i, m] of messages.entries()) {
        assert.ok(m.texts.includes(kept[i].text), `${kept[i].mmsId} still reads "${kept[i].text}": ${JSON.stringify(m.texts)}`);
        assert.deepEqual(m.attributes.address.split('~').sort(), SMS.group.id.split('~').sort(), `${m.attributes.m_id} belongs to the group thread`);
      }
      const tagged = SMS.group.messages.find((m) => m.id === SMS.tag.id)!;
      assert.ok(!xml.includes(tagged.text) && !xml.includes(tagged.mmsId), 'the tagged message is gone');
      for (const other of SMS.otherThreads) assert.ok(!xml.includes(other), `"${other}" (another thread) is gone`);
      assert.ok(!xml.includes('address="KPN"'), 'the KPN thread is gone');
      // The backup itself is left alone.
      assert.equal(fs.readFileSync(inWorkspace(SMS.file), 'utf8'), fs.readFileSync(path.join(fixtures, SMS.file), 'utf8'), 'the backup is unchanged');
      await vs.screenshot('sms-cleaned-checked');
    });

    it('6. the cleaned backup\'s <smses count> says how many messages it holds', async function () {
      const xml = fs.readFileSync(inWorkspace(SMS.outputs.cleaned), 'utf8');
      const { root, messages } = readSmsBackup(xml);
      await vs.screenshot('sms-count');
      // SMS Backup & Restore writes the number of messages in the file as count; a restore reads it.
      assert.equal(Number(root.count), messages.length, `<smses count="${root.count}"> but the cleaned backup holds ${messages.length} messages`);
    });
  });

  describe('Signal chat.md: a reply, its quoted message, and the thread', function () {
    stepByStep(this);
    it('7. the review of chat-2024.md shows the reply with ↪ and the id it quotes', async function () {
      await vs.clearNotifications();
      await openExport(SIGNAL.file);
      await waitForReview(SIGNAL.file, 'signal-document.txt');
      const reply = lines.get(SIGNAL.reply.id);
      assert.ok(reply, `${SIGNAL.reply.id} is a line`);
      assert.ok(reply.rest.includes(`${SIGNAL.reply.mark} ${SIGNAL.reply.text}`), `the reply line shows "${SIGNAL.reply.mark}" before its text: ${reply.text}`);
      assert.ok(lines.get(SIGNAL.quoted.id)?.rest.endsWith(SIGNAL.quoted.text), 'the quoted message is a line of its own');
      await vs.goToLine(line(SIGNAL.reply.id));
      await vs.waitForRenderedLine(SIGNAL.reply.id, (l) => l.text.includes(SIGNAL.reply.mark), `does not show ${SIGNAL.reply.mark}`);
      await vs.screenshot('signal-reply');
    });

    it('8. F12 on the reply mark moves the cursor to the quoted message\'s line', async function () {
      await cursorOnReplyMark();
      await press('F12');
      const at = await vs.waitForCursorLine(line(SIGNAL.quoted.id));
      await vs.screenshot('signal-go-to-definition');
      assert.equal(at.column, 7, 'the cursor lands on the id, after the tag column');
      assert.equal(decodeURIComponent(await vs.activeEditorUri()), `${SCHEME}:${inWorkspace(SIGNAL.file)}`, 'in the same review document');
    });

    it('9. Ctrl+K Ctrl+I on the reply shows the quoted message in the hover', async function () {
      await cursorOnReplyMark();
      const hover = await vs.showHoverAtCursor(/Reply to/);
      await vs.screenshot('signal-hover');
      await vs.saveText('signal-hover.txt', `${hover}\n`);
      assert.ok(hover.includes(`Reply to ${SIGNAL.quoted.sender}`), `the hover names who is quoted: ${hover}`);
      assert.ok(hover.includes(SIGNAL.quoted.id), `the hover names the quoted id: ${hover}`);
      assert.ok(hover.includes(SIGNAL.quoted.text), `the hover shows the quoted text: ${hover}`);
      await vs.hideHover();
    });

    it('10. Ctrl+. on the quoted message: "Tag m000001 and its 1 reply as privé" tags both; Ctrl+S keeps them', async function () {
      await vs.goToLine(line(SIGNAL.quoted.id));
      // After Escape closed the hover, VS Code drops the first Ctrl+. (no lightbulb, no menu):
      // openQuickFixMenu presses it again, and says so.
      const rows = await vs.openQuickFixMenu();
      await vs.screenshot('signal-thread-quick-fix');
      assert.ok(rows.some((r) => SIGNAL.threadFix.test(r.label)), `the thread quick fix is offered: ${rows.map((r) => r.label).join(' | ')}`);
      await vs.chooseCodeAction(SIGNAL.threadFix);
      for (const id of SIGNAL.thread) {
        await vs.waitForRenderedLine(id, (l) => tagOf(l.text, id) === SIGNAL.threadTag, `is not tagged ${SIGNAL.threadTag}`);
      }
      const untouched = [...lines.keys()].filter((id) => !(SIGNAL.thread as readonly string[]).includes(id));
      const text = await vs.readEditorText();
      const now = messageLines(text);
      for (const id of untouched) assert.equal(now.get(id)?.tag, '', `${id} (no part of the thread) is left untagged`);
      await vs.screenshot('signal-thread-tagged');
      const state = await saveReview(SIGNAL.sidecar);
      assert.deepEqual(state.tags.map((t) => [t.id, t.tag]).sort(), SIGNAL.thread.map((id) => [id, SIGNAL.threadTag]));
      assert.deepEqual(await vs.errorNotifications(), []);
    });
  });

  describe('Telegram result.json: a redaction, the cleaned JSON and RSMF', function () {
    stepByStep(this);
    it(`11. Find selects "${TELEGRAM.redact.word}", Alt+X and AVG redact it; Ctrl+S records the span`, async function () {
      await vs.clearNotifications();
      await openExport(TELEGRAM.file);
      await waitForReview(TELEGRAM.file, 'telegram-document.txt');
      assert.ok(lines.get(TELEGRAM.redact.id)?.rest.endsWith(TELEGRAM.redact.text), `${TELEGRAM.redact.id} reads "${TELEGRAM.redact.text}"`);
      await vs.goToLine(line(TELEGRAM.redact.id));
      const at = await vs.selectWithFind(TELEGRAM.redact.word);
      assert.equal(at.line, line(TELEGRAM.redact.id), `the word is selected on the line of ${TELEGRAM.redact.id}`);
      await vs.screenshot('telegram-word-selected');
      await press('Alt+KeyX');
      const pick = await vs.waitForQuickPickPlaceholder(/^Redact the selection as…$/);
      await vs.screenshot('telegram-redact-as');
      assert.deepEqual(pick.rows.map((r) => r.label), ['AVG', 'privé', 'scope']);
      await vs.chooseQuickPickItem(TELEGRAM.redact.tag);
      const redacted = `⟦${TELEGRAM.redact.tag}|${TELEGRAM.redact.word}⟧`;
      const shown = await vs.waitForRenderedLine(TELEGRAM.redact.id, (l) => l.text.includes(redacted), `does not show ${redacted}`);
      assert.equal(tagOf(shown.text, TELEGRAM.redact.id), '', 'a redaction is no tag');
      const state = await saveReview(TELEGRAM.sidecar);
      assert.deepEqual(
        (state.redactions ?? []).map((r) => [r.id, r.start, r.end, r.tag]),
        [[TELEGRAM.redact.id, TELEGRAM.redact.start, TELEGRAM.redact.end, TELEGRAM.redact.tag]],
        'the sidecar holds the span of the word in the message text',
      );
      assert.deepEqual(state.tags, []);
      await vs.screenshot('telegram-redacted-saved');
    });

    it('12. F1 "Save Cleaned Export and RSMF" writes the cleaned JSON, diff, report and .rsmf', async function () {
      const before = outputsOnDisk();
      const { written, refusal } = await saveCleaned('rsmf', 'telegram-cleaned-written');
      console.log(`      ${refusal ? `refused first (${refusal}); then ` : ''}${written}`);
      assert.match(written, /spans redacted: 1\./, written);
      const added = outputsOnDisk().filter((f) => !before.includes(f));
      assert.deepEqual(added, Object.values(TELEGRAM.outputs).sort(), 'the cleaned JSON, the diff, the report and the RSMF, and nothing else');
    });

    it(`13. the cleaned JSON parses, has ${TELEGRAM.marker} for the word and keeps every message; the RSMF reads back the same`, async function () {
      await vs.saveText('telegram-cleaned.json', fs.readFileSync(inWorkspace(TELEGRAM.outputs.cleaned), 'utf8'));
      assertCleanedTelegram(inWorkspace(TELEGRAM.outputs.cleaned), inWorkspace(TELEGRAM.file));
      await assertCleanedRsmf(inWorkspace(TELEGRAM.outputs.rsmf), lines.size);
      await showFile(TELEGRAM.outputs.cleaned);
      await vs.selectWithFind(TELEGRAM.marker);
      await vs.screenshot('telegram-cleaned-json');
      assert.deepEqual(await vs.errorNotifications(), []);
    });
  });

  describe('iMessage (iMazing CSV): a tagged message leaves the cleaned CSV', function () {
    stepByStep(this);
    it(`14. Alt+A tags ${IMESSAGE.tag.id} AVG, Ctrl+S, Ctrl+Alt+E writes the cleaned CSV beside the export`, async function () {
      await vs.clearNotifications();
      await openExport(IMESSAGE.file);
      await waitForReview(IMESSAGE.file, 'imessage-document.txt');
      assert.ok(lines.get(IMESSAGE.tag.id)?.rest.endsWith(IMESSAGE.tag.text), `${IMESSAGE.tag.id} reads "${IMESSAGE.tag.text}"`);
      await vs.screenshot('imessage-opened');
      await tagWithKey(IMESSAGE.tag.id, IMESSAGE.tag.key, IMESSAGE.tag.tag);
      await vs.screenshot('imessage-tagged');
      const state = await saveReview(IMESSAGE.sidecar);
      assert.deepEqual(state.tags.map((t) => [t.id, t.tag]), [[IMESSAGE.tag.id, IMESSAGE.tag.tag]]);
      const before = outputsOnDisk();
      const { written, refusal } = await saveCleaned('keys', 'imessage-cleaned-written');
      console.log(`      ${refusal ? `refused first (${refusal}); then ` : ''}${written}`);
      assert.match(written, /^Cleaned export written: 1 messages removed \(1 AVG, 0 privé, 0 scope\)/, written);
      const added = outputsOnDisk().filter((f) => !before.includes(f));
      assert.deepEqual(added, Object.values(IMESSAGE.outputs).sort(), 'the cleaned CSV, the diff and the report, and nothing else');
    });

    it('15. the cleaned CSV keeps the header and every other record, without the tagged message', async function () {
      await vs.saveText('imessage-cleaned.csv', fs.readFileSync(inWorkspace(IMESSAGE.outputs.cleaned), 'utf8'));
      assertCleanedCsv(inWorkspace(IMESSAGE.outputs.cleaned), inWorkspace(IMESSAGE.file));
      await showFile(IMESSAGE.outputs.cleaned);
      await vs.screenshot('imessage-cleaned-csv');
      assert.deepEqual(await vs.errorNotifications(), []);
      assert.ok(Date.now() - started < 300_000, `the journey stays under 5 minutes (${Date.now() - started} ms)`);
    });
  });
});
