// What the "open an export" journey expects to see, shared by the code-server journey
// (open-export.e2e.ts) and the @vscode/test-electron suite (../electron/suite).
import * as assert from 'node:assert/strict';
import type { VSCodeHarness } from '../harness';

/** The iOS WhatsApp export among media/samples. */
export const SAMPLE_ZIP = 'WhatsApp Chat - Crisisteam Vaccinatie.zip';
export const COMMAND_ID = 'chatreview.openExport';
export const COMMAND_TITLE = 'Chat Review: Open Export';
export const LANGUAGE_ID = 'chatreview';
export const SCHEME = 'chatreview';

/** One message: indent, id, date, time (seconds optional), then "Sender: text" or a system line. */
export const MESSAGE_LINE = /^\s*(m\d{6}) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?) (.*)$/;
const SENDER_TEXT = /^([^:]+): (.*)$/;

/** Checks the text of the `chatreview:` document rendered from SAMPLE_ZIP. */
export function assertExportText(text: string): void {
  const lines = text.split('\n');
  const excerpt = text.slice(0, 1500);
  assert.ok(lines[0]?.startsWith('#'), `the document starts with a "#" header line, got: ${JSON.stringify(lines[0])}`);

  const messages = lines.map((l) => MESSAGE_LINE.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  assert.ok(messages.length >= 15, `expected at least 15 message lines, found ${messages.length}:\n${excerpt}`);
  assert.equal(messages[0]?.[1], 'm000001', 'the first message is m000001');
  const ids = messages.map((m) => m[1]);
  assert.deepEqual(ids, [...ids].sort(), 'message ids ascend');
  assert.equal(new Set(ids).size, ids.length, 'message ids are unique');
  // Where the header counts the messages, there is one line for each.
  const counted = /#.*?\b(\d+) messages\b/.exec(text);
  if (counted) assert.equal(messages.length, Number(counted[1]), `one line per message (header: "${counted[0]}")`);

  const hello = messages.find((m) => {
    const st = SENDER_TEXT.exec(m[4] ?? '');
    return st?.[1] === 'Piet Jansen' && st[2]?.startsWith('Goedemorgen allemaal');
  });
  assert.ok(hello, `a message line reads "Piet Jansen: Goedemorgen allemaal…":\n${excerpt}`);
  assert.equal(hello[2], '2020-03-12', 'dates are shown as YYYY-MM-DD');
  assert.match(hello[3] ?? '', /^08:05/, 'the time is the one in the export');

  // A message written on two lines in the export stays on one line of the document.
  const weekend = lines.find((l) => l.includes('Zin in het weekend!'));
  assert.ok(weekend && MESSAGE_LINE.test(weekend), 'the "Zin in het weekend!" message has its own message line');
  assert.ok(
    !lines.some((l) => l.trimStart().startsWith('Zaterdag BBQ bij ons?')),
    'the second line of a multi-line message is not a line of its own',
  );
}

/** Opens an export with the command palette and the file dialog, as a user does. */
export async function openWithDialog(vs: VSCodeHarness, exportPath: string): Promise<void> {
  await vs.runCommand(COMMAND_TITLE);
  await vs.waitForFileDialog();
  await vs.chooseInFileDialog(exportPath);
  await vs.waitForActiveTab('Crisisteam Vaccinatie');
  // Message lines on screen (m000001 unless the editor reopens where the reviewer left it).
  await vs.waitForLine(/^\s*(?:\S+\s+)?m\d{6} \d{4}-\d{2}-\d{2} /);
  await vs.waitForProgressToFinish();
  assert.equal(decodeURIComponent(await vs.activeEditorUri()), `${SCHEME}:${exportPath}`);
}
