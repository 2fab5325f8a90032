import * as assert from 'node:assert/strict';
import { mapInOrder } from '../../../src/parsers/screenshots/format';

describe('screenshots: reading a folder', () => {
  it('works through the screenshots a few at a time, the results in their order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await mapInOrder(Array.from({ length: 20 }, (_, i) => i), 3, async (i) => {
      started.push(i);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
      running--;
      return i * i;
    });
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i * i));
    assert.equal(most, 3, 'never more than the limit at once');
    assert.deepEqual(started, Array.from({ length: 20 }, (_, i) => i), 'started in order');
  });

  it('stops taking new work at the first failure and reports it', async () => {
    const started: number[] = [];
    await assert.rejects(
      mapInOrder(Array.from({ length: 50 }, (_, i) => i), 2, async (i) => {
        started.push(i);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (i === 3) throw new Error('IMG_3 is damaged');
        return i;
      }),
      /IMG_3 is damaged/,
    );
    assert.ok(started.length <= 6, `stopped soon after: ${started.length} started`);
  });
});
