import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spillFile, UnifiedDiffWriter } from '../../../src/clean/unifiedDiff';
import { tempDir } from '../support/fixtures';

/** The same line events, written with and without a spill file. */
function diffOf(events: (w: UnifiedDiffWriter) => void, spill?: ReturnType<typeof spillFile>): string {
  const parts: string[] = [];
  const w = new UnifiedDiffWriter('chat.txt', (d) => void parts.push(typeof d === 'string' ? d : d.toString('utf8')), spill);
  events(w);
  w.end();
  return parts.join('');
}

describe('clean: unified diff of a very large hunk', () => {
  it('a hunk bigger than its memory budget goes through a spill file and comes out the same', () => {
    // 120,000 removed lines of ~100 bytes (12 MB) among sparse kept ones: one hunk throughout.
    const events = (w: UnifiedDiffWriter) => {
      for (let i = 0; i < 120_000; i++) {
        if (i % 50 === 0) w.same(`kept ${i}\n`);
        else w.change(`removed ${i} ${'x'.repeat(90)}\n`, i % 7 === 0 ? `changed ${i}\n` : null, i % 2 ? 'AVG · rule bsn' : 'privé · rule private');
      }
      for (let i = 0; i < 10; i++) w.same(`tail ${i}\n`);
    };
    const spill = spillFile(path.join(tempDir(), 'hunk.spill'));
    const inMemory = diffOf(events);
    const spilled = diffOf(events, spill);
    spill.remove();
    assert.equal(spilled.length, inMemory.length);
    assert.ok(spilled === inMemory, 'the same diff, byte for byte');
    assert.match(inMemory.split('\n')[3], /^@@ -1,120003 \+1,\d+ @@ AVG · rule bsn; privé · rule private$/);
  });
});
