import * as assert from 'node:assert/strict';
import { InputError } from '../../../src/model/errors';
import { readLines } from '../../../src/parsers/text';
import { encode, ENCODINGS, type Encoding } from '../support/fixtures';

async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
}

async function lines(bytes: Uint8Array, cuts: number[] = []): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readLines(chunked(bytes, cuts), 'test.txt')) out.push(...batch);
  return out;
}

async function failure(bytes: Uint8Array, cuts: number[] = []): Promise<string> {
  try {
    await lines(bytes, cuts);
  } catch (e) {
    assert.ok(e instanceof InputError, `an InputError, not ${String(e)}`);
    return e.message;
  }
  assert.fail(`no error for cuts ${cuts.join(',')}`);
}

/** The lines a text holds: CRLF, CR and LF end a line; a final line break starts none. */
function expectedLines(text: string): string[] {
  const all = text.split(/\r\n|\r|\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

// Every kind of line end, blank lines, and 2-, 3- and 4-byte characters (a surrogate pair in UTF-16).
const TEXT = '[1-2-23 10:00:00] Één: café\r\n\r\nkop\u202Fthee €3\rmid\n😀 ok\r\n\r\rend';

/** Runs `check` for every split of `bytes` into two chunks and, for short inputs, into three. */
async function everySplit(bytes: Uint8Array, check: (cuts: number[]) => Promise<void>): Promise<number> {
  let runs = 0;
  for (let i = 0; i <= bytes.length; i++) {
    await check([i]);
    runs++;
    for (let j = i; j <= bytes.length && bytes.length <= 160; j++) {
      await check([i, j]);
      runs++;
    }
  }
  return runs;
}

describe('readLines', () => {
  for (const encoding of ENCODINGS) {
    for (const tail of ['', '\r\n', '\r', '\n']) {
      it(`${encoding}, ending in ${JSON.stringify(tail)}: same lines for every chunk split`, async () => {
        const text = TEXT + tail;
        const bytes = encode(text, encoding as Encoding);
        const want = expectedLines(text);
        assert.deepEqual(await lines(bytes), want, 'one chunk');
        const oneByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
        assert.deepEqual(await lines(bytes, oneByte), want, 'one byte per chunk');
        const runs = await everySplit(bytes, async (cuts) => {
          assert.deepEqual(await lines(bytes, cuts), want, `cuts at ${cuts.join(',')}`);
        });
        assert.ok(runs > bytes.length);
      });
    }
  }

  it('yields nothing for an empty stream or empty chunks', async () => {
    assert.deepEqual(await lines(new Uint8Array(0)), []);
    assert.deepEqual(await lines(new Uint8Array(0), [0, 0]), []);
  });

  it('reports invalid UTF-8 wherever the chunks split', async () => {
    const bytes = Buffer.concat([encode('[1-2-23 10:00:00] A: x\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), encode('y\n')]);
    await everySplit(bytes, async (cuts) => {
      assert.match(await failure(bytes, cuts), /not valid UTF-8 text \(bad byte near offset 26\)/);
    });
  });

  it('reports a file cut in the middle of a character wherever the chunks split', async () => {
    for (const encoding of ['utf-8', 'utf-16le-bom'] as const) {
      const whole = encode('[1-2-23 10:00:00] A: prijs €3 😀', encoding);
      const bytes = whole.subarray(0, whole.length - 1);
      await everySplit(bytes, async (cuts) => {
        assert.match(await failure(bytes, cuts), /middle of a character/, `${encoding}, cuts ${cuts.join(',')}`);
      });
    }
  });

  it('names binary input as such', async () => {
    assert.match(await failure(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0x10, 0, 0])), /binary file/);
  });
});
