import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { ParsedExport } from '../../src/model';
import { LspClient, parseSample } from './lspClient';

const URI = 'chatreview:/samples/WhatsApp%20Chat%20-%20Crisisteam%20Vaccinatie.zip';

function lineOf(client: LspClient, id: string): number {
  return client.text(URI).split('\n').findIndex((l) => l.includes(` ${id} `));
}

function onLine(diagnostics: Diagnostic[], line: number): Diagnostic[] {
  return diagnostics.filter((d) => d.range.start.line === line);
}

function edits(action: CodeAction): TextEdit[] {
  return Object.values(action.edit?.changes ?? {})[0] ?? [];
}

describe('language server (real process, LSP over stdio)', function () {
  this.timeout(30_000);
  let client: LspClient;
  let sample: ParsedExport;
  let diagnostics: Diagnostic[];

  before(async () => {
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build.mjs')], { stdio: 'ignore' });
    sample = await parseSample('WhatsApp Chat - Crisisteam Vaccinatie.zip');
    client = await LspClient.start();
    diagnostics = await client.open(URI, sample);
  });

  after(async () => client?.stop());

  it('publishes one diagnostic per flag with rule code, source and evidence, identifiers first', () => {
    const bsnLine = lineOf(client, 'm000009');
    const bsn = onLine(diagnostics, bsnLine).find((d) => d.code === 'bsn');
    assert.ok(bsn, `a bsn diagnostic on line ${bsnLine}: ${JSON.stringify(diagnostics.map((d) => [d.range.start.line, d.code]))}`);
    assert.equal(bsn.source, 'chatreview');
    assert.match(String(bsn.message), /111222333/);
    assert.equal(client.text(URI).split('\n')[bsnLine].slice(bsn.range.start.character, bsn.range.end.character), '111222333');
    assert.ok(diagnostics.some((d) => d.code === 'iban'), 'iban flagged');
    assert.ok(diagnostics.some((d) => d.code === 'period' && d.range.start.line === lineOf(client, 'm000001')), 'the 2019 message is outside the period');
    const rank = (d: Diagnostic) => ['bsn', 'iban', 'phone', 'email', 'address', 'bulk-pii'].includes(String(d.code)) ? 0 : 1;
    const ranks = diagnostics.map(rank);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'identifier flags come first');
  });

  it('a quick fix tags the line; its flags disappear; undoing brings them back', async () => {
    const line = lineOf(client, 'm000009');
    const bsn = onLine(diagnostics, line).find((d) => d.code === 'bsn')!;
    const actions = await client.codeActions(URI, bsn.range, [bsn]);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true, 'the preferred fix comes first');
    assert.match(actions[0].title, /Tag m000009 as AVG/);
    const before = client.text(URI);
    const after = await client.apply(URI, edits(actions[0]));
    assert.match(client.text(URI).split('\n')[line], /^AVG {3}m000009 /);
    assert.equal(onLine(after, line).length, 0, 'tagged: no flags left on the line');
    const stats = client.stats.get(URI)!;
    assert.equal(stats.tagged.AVG, 1);
    // Undo: the editor sends the old text back.
    const undone = await client.apply(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }, newText: before }]);
    assert.ok(onLine(undone, line).some((d) => d.code === 'bsn'));
    diagnostics = undone;
  });

  it('redacting only the flagged span resolves that flag and keeps the message', async () => {
    const line = lineOf(client, 'm000014');
    const iban = onLine(diagnostics, line).find((d) => d.code === 'iban')!;
    const redact = (await client.codeActions(URI, iban.range, [iban])).find((a) => a.title.startsWith('Redact only'))!;
    assert.ok(redact, 'a redact-span quick fix');
    const after = await client.apply(URI, edits(redact));
    assert.match(client.text(URI).split('\n')[line], /⟦AVG\|NL91ABNA0417164300⟧/);
    assert.ok(!onLine(after, line).some((d) => d.code === 'iban'), 'the IBAN flag is resolved');
    diagnostics = after;
  });

  it('keep dismisses the flags of a message', async () => {
    const line = lineOf(client, 'm000016');
    const phone = onLine(diagnostics, line).find((d) => d.code === 'phone')!;
    const keep = (await client.codeActions(URI, phone.range, [phone])).find((a) => a.title.startsWith('Keep'))!;
    const after = await client.apply(URI, edits(keep));
    assert.match(client.text(URI).split('\n')[line], /^keep {2}m000016 /);
    assert.equal(onLine(after, line).length, 0);
    assert.equal(client.stats.get(URI)!.kept, 1);
    diagnostics = after;
  });

  it('an edit to message text is an error diagnostic naming the line', async () => {
    const line = lineOf(client, 'm000005');
    const text = client.text(URI).split('\n')[line];
    const at = text.indexOf('OMT');
    const after = await client.apply(URI, [{ range: { start: { line, character: at }, end: { line, character: at + 3 } }, newText: 'XYZ' }]);
    const error = onLine(after, line).find((d) => d.code === 'edited-text');
    assert.ok(error, 'an error on the edited line');
    assert.equal(error.severity, 1);
    assert.match(String(error.message), /m000005: message text changed/);
    const fixed = await client.apply(URI, [{ range: { start: { line, character: at }, end: { line, character: at + 3 } }, newText: 'OMT' }]);
    assert.ok(!fixed.some((d) => d.code === 'edited-text'));
    diagnostics = fixed;
  });

  it('source actions tag a selection, a whole day, a sender, everything outside the period', async () => {
    const first = lineOf(client, 'm000017');
    const actions = await client.codeActions(URI, { start: { line: first, character: 0 }, end: { line: first + 1, character: 5 } }, [], ['source']);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /^Tag the 2 selected messages as privé/.test(t)), titles.join('\n'));
    assert.ok(titles.some((t) => /^Tag all \d+ messages of 2020-03-13 as AVG/.test(t)));
    assert.ok(titles.some((t) => /^Tag all \d+ messages of Fatima El Amrani, Jan de Vries on this page as privé/.test(t)));
    const outside = actions.find((a) => a.title.startsWith('Tag all 1 messages outside the period'))!;
    assert.ok(outside, 'tag everything outside the period');
    const after = await client.apply(URI, edits(outside));
    assert.match(client.text(URI).split('\n')[lineOf(client, 'm000001')], /^scope {1}m000001 /);
    assert.ok(!after.some((d) => d.code === 'period'));
  });

  it('hover shows metadata, the source line, flags with their explanation and image previews', async () => {
    const hover = await client.hover(URI, lineOf(client, 'm000009'));
    const md = (hover?.contents as { value: string }).value;
    assert.match(md, /Jan de Vries/);
    assert.match(md, /Original export: line \d+/);
    assert.match(md, /bsn.*11-test/);
    const photo = await client.hover(URI, lineOf(client, 'm000012'));
    assert.match((photo?.contents as { value: string }).value, /!\[.*\]\(data:image\/png;base64,AAAA/);
  });
});
