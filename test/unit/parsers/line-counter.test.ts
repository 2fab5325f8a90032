import * as assert from 'node:assert/strict';
import { LineCounter } from '../../../src/parsers/lineCounter';

/** The line of a byte: one more than the line breaks before it, counted as the line readers count them. */
function expectedLine(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** Asks for every offset of each chunk in turn, as a tokenizer reports them, then for the end. */
function linesAsked(text: string, cuts: number[]): number[] {
  const bytes = Buffer.from(text, 'latin1');
  const counter = new LineCounter();
  const lines: number[] = [];
  let start = 0;
  for (const end of [...cuts, bytes.length]) {
    counter.next(bytes.subarray(start, end));
    for (let offset = start; offset < end; offset++) lines.push(counter.at(offset));
    start = end;
  }
  lines.push(counter.at(Infinity));
  return lines;
}

// LF, CRLF and lone CR, blank lines between them, and a CR at the very end.
const TEXT = '{\n "a": 1,\r\n\r\n "b": [\r\r  2\n\r\n ]\r';

describe('LineCounter', () => {
  it('counts LF, CRLF and CR as the line readers do, wherever the chunks split (a CRLF across two too)', () => {
    const want = [...Array.from({ length: TEXT.length }, (_, i) => expectedLine(TEXT, i)), expectedLine(TEXT, TEXT.length)];
    assert.deepEqual(linesAsked(TEXT, []), want, 'one chunk');
    for (let i = 0; i <= TEXT.length; i++) {
      for (let j = i; j <= TEXT.length; j++) assert.deepEqual(linesAsked(TEXT, [i, j]), want, `cuts at ${i},${j}`);
    }
  });
});
