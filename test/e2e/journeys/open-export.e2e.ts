// Journey: a reviewer opens a WhatsApp export with "Chat Review: Open Export", picks the zip in the
// file dialog by typing its path, and reads the conversation, one message per line.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { VSCodeHarness, stepByStep } from '../harness';
import { COMMAND_TITLE, LANGUAGE_ID, SAMPLE_ZIP, SCHEME, assertExportText } from './openExport.expect';

describe('journey: open an export', function () {
  stepByStep(this); // each step builds on the one before (bail() would also skip the journeys after this one)
  let vs: VSCodeHarness;
  let zipPath: string;

  before(async function () {
    this.timeout(180_000);
    vs = await VSCodeHarness.launch('open-export');
    zipPath = path.join(vs.workspace, SAMPLE_ZIP);
  });

  afterEach(async function () {
    await vs?.screenshotIfFailed(this.currentTest);
  });

  after(async function () {
    this.timeout(60_000);
    await vs?.close();
  });

  it('shows the workbench with the samples folder', async function () {
    await vs.screenshot('workbench');
  });

  it('lists "Chat Review: Open Export" in the command palette, and it asks for a file', async function () {
    await vs.runCommand(COMMAND_TITLE, { screenshot: 'command-palette' });
    const proposed = await vs.waitForFileDialog();
    assert.ok(proposed.startsWith('/'), `the file dialog proposes a folder: ${proposed}`);
    await vs.screenshot('file-dialog');
  });

  it('the extension activated without errors', async function () {
    const line = await vs.waitForActivation();
    assert.match(line, /chatreview\.openExport|onCommand|startup/);
  });

  it('typing the path of the WhatsApp zip opens it as a chatreview: document', async function () {
    await vs.typeInQuickInput(zipPath);
    await vs.screenshot('path-typed');
    await vs.chooseInFileDialog(zipPath);
    const tab = await vs.waitForActiveTab('Crisisteam Vaccinatie');
    assert.match(tab, /WhatsApp Chat - Crisisteam Vaccinatie/);
    await vs.waitForText('m000001');
    await vs.waitForProgressToFinish();
    await vs.screenshot('document');
    const uri = decodeURIComponent(await vs.activeEditorUri());
    assert.equal(uri, `${SCHEME}:${zipPath}`, 'the active editor shows the chatreview: document of the zip');
  });

  it('shows one message per line with id, date, sender and text', async function () {
    const text = await vs.readEditorText();
    await vs.saveText('document.txt', text);
    assertExportText(text);
  });

  it('shows the Chat Review language mode in the status bar', async function () {
    const expected = vs.languageName(LANGUAGE_ID);
    const shown = await vs.statusBarLanguage();
    assert.equal(shown, expected, `status bar language mode is "${expected}"`);
    assert.deepEqual(await vs.errorNotifications(), [], 'no error notifications');
    await vs.screenshot('language-mode');
  });
});
