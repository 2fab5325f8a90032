// The "open an export" journey (see ../../journeys/open-export.e2e.ts) through the VS Code API,
// for VS Code desktop under @vscode/test-electron.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_ID, LANGUAGE_ID, SAMPLE_ZIP, SCHEME, assertExportText } from '../../journeys/openExport.expect';

const EXTENSION_ID = 'chatreview.chat-review';

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function defineOpenExportJourney(): void {
  describe('journey: open an export (VS Code desktop)', function () {
    this.bail(true);
    let zip: vscode.Uri;

    before(function () {
      const workspace = process.env.CHATREVIEW_E2E_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      assert.ok(workspace, 'a workspace folder with the samples is open');
      zip = vscode.Uri.file(path.join(workspace, SAMPLE_ZIP));
    });

    it('the extension is installed', function () {
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is installed`);
    });

    it('"Open Export" on the WhatsApp zip shows a chatreview: document, one message per line', async function () {
      await vscode.commands.executeCommand(COMMAND_ID, zip);
      const expected = vscode.Uri.from({ scheme: SCHEME, path: zip.path }).toString();
      const editor = await waitFor(
        () => {
          const e = vscode.window.activeTextEditor;
          return e && e.document.uri.toString() === expected ? e : undefined;
        },
        30_000,
        `an editor on ${expected} (active: ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'})`,
      );
      assert.equal(editor.document.languageId, LANGUAGE_ID);
      assertExportText(editor.document.getText());
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');
    });
  });
}
