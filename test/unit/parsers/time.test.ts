import * as assert from 'node:assert/strict';
import { checkTimeZone, wallClock } from '../../../src/parsers/time';
import { InputError } from '../../../src/model/errors';

describe('wall-clock times from epochs', () => {
  it('follows summer time both ways, to the second', () => {
    assert.equal(wallClock(Date.UTC(2024, 2, 31, 0, 59, 59), 'Europe/Amsterdam'), '2024-03-31T01:59:59');
    assert.equal(wallClock(Date.UTC(2024, 2, 31, 1, 0, 0), 'Europe/Amsterdam'), '2024-03-31T03:00:00');
    assert.equal(wallClock(Date.UTC(2024, 9, 27, 0, 59, 59), 'Europe/Amsterdam'), '2024-10-27T02:59:59');
    assert.equal(wallClock(Date.UTC(2024, 9, 27, 1, 0, 0), 'Europe/Amsterdam'), '2024-10-27T02:00:00');
  });

  it('handles zones whose offsets and changes fall on half and quarter hours', () => {
    assert.equal(wallClock(Date.UTC(2024, 3, 6, 14, 59, 59), 'Australia/Lord_Howe'), '2024-04-07T01:59:59');
    assert.equal(wallClock(Date.UTC(2024, 3, 6, 15, 0, 0), 'Australia/Lord_Howe'), '2024-04-07T01:30:00');
    assert.equal(wallClock(Date.UTC(2024, 0, 1, 0, 0, 0), 'Asia/Kathmandu'), '2024-01-01T05:45:00');
  });

  it('agrees with Intl for a spread of instants and zones', () => {
    for (const zone of ['Europe/Amsterdam', 'America/St_Johns', 'UTC']) {
      const f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
      for (let i = 0; i < 2000; i++) {
        const ms = 1_400_000_000_000 + i * 97_654_321;
        assert.equal(wallClock(ms, zone), f.format(new Date(ms)).replace(' ', 'T'), `${zone} ${ms}`);
      }
    }
  });

  it('names an unknown zone in one line', () => {
    assert.throws(() => checkTimeZone('Mars/Olympus'), (e: unknown) => e instanceof InputError && /unknown time zone "Mars\/Olympus"/.test(e.message));
  });
});
