import * as assert from 'node:assert/strict';
import { Message } from '../../../src/model/conversation';
import { messagesFromScreens, OWNER, separatorDate } from '../../../src/parsers/screenshots/messages';
import type { Bubble, DaySeparator, OrderedConversation, PlacedItem } from '../../../src/parsers/screenshots/types';

const box = { x: 10, y: 20, width: 300, height: 60 };
const bubble = (side: 'left' | 'right', text: string, time?: string): Bubble => ({ kind: 'bubble', side, text, box, confidence: 0.912, ...(time ? { time } : {}) });
const separator = (text: string, date: DaySeparator['date'], time?: string): DaySeparator => ({ kind: 'separator', text, box, date, ...(time ? { time } : {}) });
const placed = (item: PlacedItem['item'], file: string, afterGap = false): PlacedItem => ({ item, file, index: 0, ...(afterGap ? { afterGap } : {}) });

describe('screenshots: messages from the ordered screens', () => {
  it('dates bubbles by the separators before them, with honest precision, and keeps each bubble\'s source', () => {
    const ordered: OrderedConversation = {
      screens: [],
      items: [
        placed(separator('ma 12 mrt. om 14:05', { month: 3, day: 12 }, '14:05'), 'IMG_1.PNG'),
        placed(bubble('left', 'Kun je de notitie sturen?'), 'IMG_1.PNG'),
        placed(bubble('right', 'Doe ik, 5 min'), 'IMG_1.PNG'),
        placed(separator('Gisteren', { relativeDays: -1 }), 'IMG_2.PNG', true),
        placed(bubble('left', 'Dank je!', '09:12'), 'IMG_2.PNG'),
      ],
    };
    const { conversation, messages } = messagesFromScreens(ordered, [{ file: 'IMG_1.PNG', capturedAt: '2020-03-20T10:00:00' }, { file: 'IMG_2.PNG', capturedAt: '2020-03-20T10:01:00' }], ['Anna Visser', 'Anna Visser', null]);
    assert.equal(conversation.title, 'Anna Visser');
    assert.deepEqual(messages.map((m) => [m.id, m.timestamp, m.precision, m.sender, m.direction]), [
      ['m000001', '2020-03-12T14:05:00', 'minute', 'Anna Visser', 'incoming'],
      ['m000002', '2020-03-12T14:05:00', 'day', OWNER, 'outgoing'],
      ['m000003', '2020-03-19T09:12:00', 'minute', 'Anna Visser', 'incoming'],
    ]);
    assert.deepEqual(messages[0].meta?.image, { file: 'IMG_1.PNG', box, confidence: 0.91 });
    assert.equal(messages[2].meta?.gapBefore, true);
    for (const m of messages) Message.parse(m);
  });

  it('without any date, every message is at day precision on the capture date', () => {
    const ordered: OrderedConversation = { screens: [], items: [placed(bubble('left', 'Hoi'), 'a.png')] };
    const { messages } = messagesFromScreens(ordered, [{ file: 'a.png', capturedAt: '2021-01-05T08:00:00' }], [null]);
    assert.deepEqual([messages[0].timestamp, messages[0].precision], ['2021-01-05T00:00:00', 'day']);
  });

  it('reads separator dates: weekdays and yearless dates relative to the capture date; impossible dates are none', () => {
    const s = (date: DaySeparator['date']) => separator('x', date);
    assert.equal(separatorDate(s({ weekday: 1 }), '2020-03-20'), '2020-03-16'); // the Monday before a Friday
    assert.equal(separatorDate(s({ month: 12, day: 30 }), '2020-01-02'), '2019-12-30'); // last year's
    assert.equal(separatorDate(s({ year: 2020, month: 2, day: 31 }), undefined), undefined);
    assert.equal(separatorDate(s({ relativeDays: 0 }), undefined), undefined);
  });
});
