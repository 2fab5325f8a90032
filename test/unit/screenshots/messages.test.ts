import * as assert from 'node:assert/strict';
import { Message } from '../../../src/model/conversation';
import { messagesFromScreens, OWNER, separatorDate, TRANSCRIPT_LINE, transcriptOf } from '../../../src/parsers/screenshots/messages';
import type { Bubble, DaySeparator, OrderedConversation, PlacedItem, ScreenLayout } from '../../../src/parsers/screenshots/types';

const box = { x: 10, y: 20, width: 300, height: 60 };
const bubble = (side: 'left' | 'right', text: string, time?: string): Bubble => ({ kind: 'bubble', side, text, box, confidence: 0.912, words: [], ...(time ? { time } : {}) });
const separator = (text: string, date: DaySeparator['date'], time?: string): DaySeparator => ({ kind: 'separator', text, box, date, ...(time ? { time } : {}) });
const layout = (file: string, title: string | null): ScreenLayout => ({ file, title, items: [], cutTop: false, cutBottom: false });
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
    const { conversation, messages } = messagesFromScreens(ordered, [{ file: 'IMG_1.PNG', capturedAt: '2020-03-20T10:00:00' }, { file: 'IMG_2.PNG', capturedAt: '2020-03-20T10:01:00' }], [layout('IMG_1.PNG', 'Anna Visser'), layout('IMG_2.PNG', 'Anna Visser'), layout('IMG_3.PNG', null)]);
    assert.equal(conversation.title, 'Anna Visser');
    assert.deepEqual(messages.map((m) => [m.id, m.timestamp, m.precision, m.sender, m.direction]), [
      ['m000001', '2020-03-12T14:05:00', 'minute', 'Anna Visser', 'incoming'],
      ['m000002', '2020-03-12T14:05:00', 'day', OWNER, 'outgoing'],
      ['m000003', '2020-03-19T09:12:00', 'minute', 'Anna Visser', 'incoming'],
    ]);
    assert.deepEqual(messages[0].meta?.image, { file: 'IMG_1.PNG', box, confidence: 0.91, words: [] });
    assert.equal(messages[2].meta?.gapBefore, true);
    for (const m of messages) Message.parse(m);
  });

  it('writes the transcript with every message on the lines its source names, and keeps where its copies are', () => {
    const words = [{ start: 0, end: 3, box }, { start: 4, end: 7, box }];
    const two: Bubble = { ...bubble('right', 'Doe ik\n5 min'), words };
    const copyBox = { x: 10, y: 900, width: 300, height: 60 };
    const ordered: OrderedConversation = {
      screens: [
        { file: 'a.png', overlap: 0, joinConfidence: null, gap: false },
        { file: 'c.png', overlap: 1, joinConfidence: 0.9234, gap: false },
        { file: 'b.png', overlap: 0, joinConfidence: 0.4, gap: true },
      ],
      items: [
        placed(bubble('left', 'Hoi: kun je?', '14:05'), 'a.png'),
        { ...placed(two, 'a.png'), index: 1, copies: [{ file: 'b.png', index: 0 }, { file: 'c.png', index: 0 }] },
        placed(bubble('left', 'Dank je'), 'b.png', true),
      ],
    };
    const screens = [
      layout('a.png', 'Anna: Visser'),
      { ...layout('b.png', null), items: [{ ...two, box: copyBox }] },
      { ...layout('c.png', null), items: [{ ...bubble('right', 'Doe ik'), box: copyBox }] },
    ];
    const { conversation, messages } = messagesFromScreens(ordered, [{ file: 'a.png', capturedAt: '2021-01-05T08:00:00' }], screens);
    const lines = transcriptOf(conversation, messages).split('\n');
    assert.deepEqual(lines, [
      '# Anna: Visser · read from screenshots by OCR and put in order by Chat Review; --:-- is a time the screenshots do not show',
      "# screenshots in order, each join's certainty: a.png → c.png (92%) → b.png (gap, 40%)",
      '[2021-01-05 14:05] Anna∶ Visser: Hoi: kun je?',
      `[2021-01-05 --:--] ${OWNER}: Doe ik`,
      '5 min',
      '# gap: the screenshots do not overlap here, messages may be missing',
      '[2021-01-05 --:--] Anna∶ Visser: Dank je',
      '',
    ]);
    for (const m of messages) {
      const own = lines.slice(m.source.line - 1, m.source.line - 1 + m.source.lines).join('\n');
      assert.equal(own.replace(TRANSCRIPT_LINE, ''), m.text, m.id);
    }
    // A copy that reads alike keeps its words' boxes; one that reads otherwise only its box.
    assert.deepEqual(messages[1].meta?.image?.copies, [{ file: 'b.png', box: copyBox, words }, { file: 'c.png', box: copyBox }]);
  });

  it('takes the strip between a screenshot\'s edge and its first or last item for a partial copy of the bubble beyond it', () => {
    const band = { x: 0, y: 300, width: 1170, height: 2000 };
    const at = (y: number, height = 100) => ({ x: 40, y, width: 600, height });
    const one = { ...bubble('left', 'Een'), box: at(400) };
    const two = { ...bubble('right', 'Twee'), box: at(1000) };
    const three = { ...bubble('left', 'Drie'), box: at(1600) };
    // a.png shows one, two (the bottom 700 px show the top of three, unread); b.png shows three, after a strip.
    const screens = [
      { ...layout('a.png', 'Anna'), items: [one, two], band },
      { ...layout('b.png', 'Anna'), items: [{ ...three, box: at(500) }], band },
    ];
    const ordered: OrderedConversation = {
      screens: [],
      items: [placed(one, 'a.png'), { ...placed(two, 'a.png'), index: 1 }, placed(three, 'b.png')],
    };
    const { messages } = messagesFromScreens(ordered, [], screens);
    assert.deepEqual(messages.map((m) => m.meta?.image?.copies), [
      undefined,
      [{ file: 'b.png', box: { x: 0, y: 300, width: 1170, height: 200 } }],
      [{ file: 'a.png', box: { x: 0, y: 1100, width: 1170, height: 1200 } }],
    ]);
    // After a gap the strips belong to messages no screenshot shows whole.
    const gapped = messagesFromScreens({ ...ordered, items: [ordered.items[0], ordered.items[1], placed(three, 'b.png', true)] }, [], screens);
    assert.deepEqual(gapped.messages.map((m) => m.meta?.image?.copies), [undefined, undefined, undefined]);
  });

  it('names a group chat\'s senders from the names above their bubbles, for the whole run of bubbles', () => {
    const named = (text: string, sender?: string) => ({ ...bubble('left', text), ...(sender ? { sender } : {}) });
    const ordered: OrderedConversation = {
      screens: [],
      items: [
        placed(named('Eerste', 'Sven Hendriks'), 'a.png'),
        placed(named('Nog een'), 'a.png'),
        placed(bubble('right', 'Ok'), 'a.png'),
        placed(named('Van wie?'), 'a.png'),
        placed(named('Van Chloë', 'Chloë Hendriks'), 'a.png'),
        placed(separator('Gisteren', { relativeDays: -1 }), 'a.png'),
        placed(named('Na de scheiding'), 'a.png'),
      ],
    };
    const { conversation, messages } = messagesFromScreens(ordered, [], [layout('a.png', 'Sven en Chloë')]);
    assert.deepEqual(messages.map((m) => m.sender), ['Sven Hendriks', 'Sven Hendriks', OWNER, 'Sven en Chloë', 'Chloë Hendriks', 'Sven en Chloë']);
    assert.deepEqual(conversation.participants.map((p) => p.name), ['Sven Hendriks', OWNER, 'Sven en Chloë', 'Chloë Hendriks']);
  });

  it('keeps every message on its own lines whatever the file names and names hold', () => {
    const ordered: OrderedConversation = {
      screens: [{ file: 'IMG\n1.PNG', overlap: 0, joinConfidence: null, gap: false }, { file: 'IMG\r2.PNG', overlap: 1, joinConfidence: 0.9, gap: false }],
      items: [placed(bubble('left', 'Een'), 'IMG\n1.PNG'), placed(bubble('right', 'Twee\nregels'), 'IMG\r2.PNG')],
    };
    const { conversation, messages } = messagesFromScreens(ordered, [], [layout('IMG\n1.PNG', 'Anna\nVisser')]);
    const lines = transcriptOf(conversation, messages).split(/\r\n|\r|\n/);
    for (const m of messages) assert.equal(lines.slice(m.source.line - 1, m.source.line - 1 + m.source.lines).join('\n').replace(TRANSCRIPT_LINE, ''), m.text, m.id);
  });

  it('says when no date can be read at all: the date is a stand-in, and the transcript shows it unknown', () => {
    const ordered: OrderedConversation = { screens: [], items: [placed(separator('Vandaag 14:05', { relativeDays: 0 }, '14:05'), 'a.png'), placed(bubble('left', 'Hoi'), 'a.png')] };
    const { conversation, messages } = messagesFromScreens(ordered, [{ file: 'a.png' }], [layout('a.png', 'Anna')]);
    assert.deepEqual([messages[0].timestamp.slice(0, 10), messages[0].precision, messages[0].meta?.dateUnknown], ['1970-01-01', 'day', true]);
    const line = transcriptOf(conversation, messages).split('\n')[2];
    assert.equal(line, '[????-??-?? --:--] Anna: Hoi');
    assert.equal(line.replace(TRANSCRIPT_LINE, ''), 'Hoi');
    const dated = messagesFromScreens(ordered, [{ file: 'a.png', capturedAt: '2021-01-05T08:00:00' }], [layout('a.png', 'Anna')]).messages[0];
    assert.deepEqual([dated.timestamp, dated.meta?.dateUnknown], ['2021-01-05T14:05:00', undefined]);
  });

  it('without any date, every message is at day precision on the capture date', () => {
    const ordered: OrderedConversation = { screens: [], items: [placed(bubble('left', 'Hoi'), 'a.png')] };
    const { messages } = messagesFromScreens(ordered, [{ file: 'a.png', capturedAt: '2021-01-05T08:00:00' }], [layout('a.png', null)]);
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
