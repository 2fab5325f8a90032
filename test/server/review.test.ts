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

describe('language server: replies', function () {
  this.timeout(30_000);
  const PAGE = 'chatreview:/samples/replies.txt';
  const OTHER = 'chatreview:/samples/replies.txt/2020-04';
  let client: LspClient;
  let text: () => string[];

  before(async () => {
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build.mjs')], { stdio: 'ignore' });
    const sample = await parseSample('WhatsApp Chat - Crisisteam Vaccinatie.zip');
    // A thread on this page (m000002 ← m000003 ← m000005), a reply to a message on another
    // page, and a reply whose original is not in the export.
    const messages = sample.messages.slice(0, 8).map((m) => ({ ...m, replyTo: null as string | null }));
    messages[2].replyTo = 'm000002';
    messages[4].replyTo = 'm000003';
    messages[6].replyTo = 'm000101';
    messages[7].meta = { ...messages[7].meta, quote: 'Zie de planning van gisteren' };
    const other = { ...sample, messages: [{ ...sample.messages[8], id: 'm000101', text: 'De planning voor april', replyTo: null }] };
    client = await LspClient.start();
    await client.open(OTHER, other);
    await client.open(PAGE, { ...sample, messages });
    text = () => client.text(PAGE).split('\n');
  });

  after(async () => client?.stop());

  const line = (id: string) => text().findIndex((l) => l.slice(6).startsWith(`${id} `));

  it('a reply line names the message it answers', () => {
    assert.match(text()[line('m000003')], /^ {6}m000003 .* ↪ m000002 /);
  });

  it('Go to Definition on a reply goes to the message it answers, on its own page or another', async () => {
    const here = await client.definition(PAGE, line('m000005'));
    assert.deepEqual(here && { uri: here.uri, line: here.range.start.line }, { uri: PAGE, line: line('m000003') });
    const there = await client.definition(PAGE, line('m000007'));
    assert.equal(there?.uri, OTHER);
    assert.match(client.text(OTHER).split('\n')[there!.range.start.line], /m000101 /);
    assert.equal(await client.definition(PAGE, line('m000002')), null, 'not a reply: no definition');
  });

  it('hover on a reply shows the quoted message, or the quote when the original is not in the export', async () => {
    const hover = JSON.stringify((await client.hover(PAGE, line('m000007')))?.contents);
    assert.match(hover, /Reply to .*m000101/);
    assert.match(hover, /De planning voor april/);
    const quote = JSON.stringify((await client.hover(PAGE, line('m000008')))?.contents);
    assert.match(quote, /not in the export/);
    assert.match(quote, /Zie de planning van gisteren/);
  });

  it('a quick fix tags a message with its replies (and theirs) together', async () => {
    const at = line('m000002');
    const actions = await client.codeActions(PAGE, { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, []);
    const fix = actions.find((a) => a.title === 'Tag m000002 and its 2 replies as privé');
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    await client.apply(PAGE, edits(fix));
    for (const id of ['m000002', 'm000003', 'm000005']) assert.match(text()[line(id)], /^privé m/, id);
    for (const id of ['m000004', 'm000007']) assert.match(text()[line(id)], /^ {6}m/, id);
  });
});
