import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanLines, type CleaningPlan, type LineFormat } from '../../../src/clean/lines';
import { UnifiedDiffWriter } from '../../../src/clean/unifiedDiff';
import { messageId, type Message, type TagEntry } from '../../../src/model';
import { tempDir } from '../support/fixtures';
import { gitApply } from './support/harness';

async function* batches(text: string): AsyncIterable<string[]> {
  yield text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const tagOf = (id: string): TagEntry => ({ id, tag: 'privé', by: 'jdv', at: '2026-11-22T10:00:00.000Z' });

/** Runs cleanLines over a text whose messages sit at the given (1-based) lines. */
async function clean(text: string, lines: { first: number[]; count: number[]; id?: (string | null)[] }, removed: number[], format: LineFormat) {
  const at = { ...lines, id: lines.id ?? lines.first.map((_, i) => messageId(i + 1)) };
  const plan: CleaningPlan = {
    messages: new Map<string, Message>(),
    removed: new Map(removed.map((i) => [messageId(i + 1), tagOf(messageId(i + 1))])),
    redactions: new Map(),
    marker: () => '[privé]',
    reason: (e) => `${e.tag} · by ${e.by}`,
    otherConversation: 'scope · another conversation',
    kept: 0,
  };
  let out = '';
  let diff = '';
  await cleanLines(batches(text), at, format, plan, (t) => void (out += t), new UnifiedDiffWriter('list.json', (t) => void (diff += t)));
  return { out, diff };
}

describe('clean: line-based lists with separators (JSON arrays)', () => {
  const rewrite: LineFormat['rewrite'] = (raw) => raw;
  // An object per message, over one or two lines, in an array between other lines.
  const elements = ['  {"n": 1},\n', '  {"n": 2,\n   "x": true},\n', '  {"n": 3},\n', '  {"n": 4}\n'];
  const text = `{\n "messages": [\n${elements.join('')} ],\n "after": []\n}\n`;
  const first = [3, 4, 6, 7];
  const count = [1, 2, 1, 1];

  it('every subset of removed elements leaves valid JSON with the other elements, and the diff applies with git apply', async () => {
    const dir = tempDir();
    for (let mask = 0; mask < 16; mask++) {
      const removed = [0, 1, 2, 3].filter((i) => mask & (1 << i));
      const { out, diff } = await clean(text, { first, count }, removed, { rewrite, separator: ',' });
      const parsed = JSON.parse(out) as { messages: { n: number }[] };
      assert.deepEqual(parsed.messages.map((m) => m.n), [1, 2, 3, 4].filter((_, i) => !removed.includes(i)), `removed ${removed}`);
      if (removed.length === 0) continue;
      fs.writeFileSync(path.join(dir, 'list.json'), text);
      fs.writeFileSync(path.join(dir, 'list.diff'), diff);
      const r = gitApply(path.join(dir, 'list.diff'), dir);
      assert.equal(r.status, 0, `removed ${removed}: ${r.stderr}\n${diff}`);
      assert.equal(fs.readFileSync(path.join(dir, 'list.json'), 'utf8'), out, `removed ${removed}: git apply gives the cleaned file`);
    }
  });

  it('messages of another conversation (id null) go, with their own hunk heading', async () => {
    const { out, diff } = await clean(text, { first, count, id: ['m000001', null, 'm000002', null] }, [], { rewrite, separator: ',' });
    assert.deepEqual((JSON.parse(out) as { messages: { n: number }[] }).messages.map((m) => m.n), [1, 3]);
    assert.match(diff, /@@ .* @@ scope · another conversation/);
  });

  it('without a separator, lines outside the messages pass through untouched', async () => {
    const { out } = await clean(text, { first, count }, [3], { rewrite });
    assert.equal(out, text.replace(elements[3], ''), 'the comma of element 3 stays: the format did not ask');
  });
});
