import * as assert from 'node:assert/strict';
import {
  ANDROID_STYLE,
  detectStyle,
  IMESSAGE_STYLE,
  layoutPage,
  parseSeparator,
  parseTime,
  type LaidOutBubble,
} from '../../../src/parsers/screenshots/layout';
import type { Bubble, DaySeparator, OcrPage, OcrWord } from '../../../src/parsers/screenshots/types';

// --- Hand-made OCR pages ------------------------------------------------------------------------
//
// Words are placed the way a phone draws them: on a baseline, as tall as their letters reach
// (capitals and ascenders 0.73 em above it, descenders 0.2 em below, x-height 0.53 em), about
// 0.5 em wide per character with 0.28 em spaces. Sizes follow the screenshots' geometry at 3×.

const UP = /[\p{Lu}\p{N}bdfhklt!?#%&'"/()@€àáâäèéêëìíîïòóôöùúûü]/u;
const DOWN = /[gjpqyç,;()@]/u;

/** The words of one line of text starting at x with its baseline at y, in a font of `em` pixels. */
function line(text: string, x: number, baseline: number, em: number, confidence = 95): OcrWord[] {
  const words: OcrWord[] = [];
  let at = x;
  for (const w of text.split(' ')) {
    const top = baseline - (UP.test(w) ? 0.73 : 0.53) * em;
    const bottom = baseline + (DOWN.test(w) ? 0.2 : 0) * em;
    const width = Math.round(w.length * 0.5 * em);
    words.push({ text: w, confidence, box: { x: Math.round(at), y: Math.round(top), width, height: Math.round(bottom - top) } });
    at += width + 0.28 * em;
  }
  return words;
}

/** A line ending at x1 (right-aligned text). */
function lineRight(text: string, x1: number, baseline: number, em: number): OcrWord[] {
  const width = text.split(' ').reduce((n, w) => n + w.length * 0.5 * em, 0) + (text.split(' ').length - 1) * 0.28 * em;
  return line(text, x1 - width, baseline, em);
}

/** A centred line. */
function lineCentred(text: string, width: number, baseline: number, em: number): OcrWord[] {
  const w = text.split(' ').reduce((n, t) => n + t.length * 0.5 * em, 0) + (text.split(' ').length - 1) * 0.28 * em;
  return line(text, (width - w) / 2, baseline, em);
}

function page(file: string, width: number, height: number, words: OcrWord[]): OcrPage {
  return { file, sha256: '0'.repeat(64), width, height, words };
}

const bubbles = (items: Array<Bubble | DaySeparator>): Bubble[] => items.filter((i): i is Bubble => i.kind === 'bubble');
const separators = (items: Array<Bubble | DaySeparator>): DaySeparator[] => items.filter((i): i is DaySeparator => i.kind === 'separator');

// iMessage at 3× (1170 × 2532): body text 17 pt = 51 px, meta and separators 11–12 pt, rows 22 pt apart.
const IW = 1170;
const IH = 2532;
const IEM = 51;
const ROW = (22 / 17) * IEM;
const LEFT_X = 28 * 3;
const RIGHT_X1 = 362 * 3;

function imessagePage(): OcrPage {
  const small = 12 * 3;
  const chatTop = IMESSAGE_STYLE.topBarBottom * IH; // 399
  const chatBottom = IMESSAGE_STYLE.inputBarTop * IH; // 2262
  const words: OcrWord[] = [
    // Status bar: clock, and the battery read as a symbol.
    ...line('9:41', 150, 100, IEM),
    ...line('=', 1000, 100, IEM, 40),
    // Top bar: back count, avatar initials, the contact's name with its chevron.
    ...line('2', 100, 250, 45),
    ...lineCentred('AB', IW, 260, 60),
    ...lineCentred('Anouk Bos ›', IW, 360, small),
    // 1. A right bubble cut by the top bar: its text starts right under it.
    ...line('einde van de zin, tot zo.', 500, chatTop + 0.1 * IEM + 0.73 * IEM, IEM),
    // 2. A day separator.
    ...lineCentred('Vandaag 14:05', IW, 640, small),
    // 3. A left bubble of two rows.
    ...line('Hoi, heb je het formulier al', LEFT_X, 760, IEM),
    ...line('ingevuld?', LEFT_X, 760 + ROW, IEM),
    // 4. A short right bubble.
    ...lineRight('Ja, bijna klaar.', RIGHT_X1, 760 + ROW + 2.3 * IEM, IEM),
    // 5. A right bubble wrapped at the bubbles' largest width, then the delivery status.
    ...line('Mijn BSN is 123456782 en het', 294, 1100, IEM),
    ...line('IBAN NL91 ABNA 0417 1643 00.', 294, 1100 + ROW, IEM),
    ...lineRight('Afgeleverd', RIGHT_X1, 1100 + ROW + 0.9 * IEM, small),
    // 6. Another day, dated.
    ...lineCentred('ma 12 mrt. om 09:30', IW, 1400, small),
    // 7. A left bubble with an emoji OCR read as a symbol.
    ...line('Top &', LEFT_X, 1520, IEM),
    // 8. A left bubble cut by the input bar: its last row ends right above it.
    ...line('Tot morgen bij de', LEFT_X, chatBottom - 0.3 * IEM - ROW, IEM),
    ...line('ingang aan de Kerkstraat', LEFT_X, chatBottom - 0.3 * IEM, IEM),
    // Input bar.
    ...line('iMessage', 213, 2350, IEM),
  ];
  return page('IMG_0001.PNG', IW, IH, words);
}

// Google Messages at 3× (1236 × 2676): body 16 dp = 48 px, meta 12 dp, title 20 dp.
const AW = 1236;
const AH = 2676;
const AEM = 48;

function androidPage(): OcrPage {
  const small = 12 * 3;
  const arow = (22 / 16) * AEM;
  const leftX = 68 * 3;
  const rightX1 = 386 * 3;
  const words: OcrWord[] = [
    ...line('09:38', 60, 50, 42),
    ...line('85%', 1096, 50, 42),
    ...line('&', 40, 180, 60, 60),
    ...line('B', 191, 180, 55),
    ...line('Bram Meijer', 330, 180, 60),
    // A left bubble with the sender's avatar letter beside its last row, and its time under it.
    ...line('Zaterdag BBQ bij ons? Neem je de', leftX, 420, AEM),
    ...line('kinderen mee?', leftX, 420 + arow, AEM),
    ...line('B', 70, 420 + arow + 0.1 * AEM, 40),
    ...line('10:54', 318, 420 + arow + 1.1 * AEM, small),
    // A separator as Android writes it ("·" read as ":").
    ...lineCentred('Gisteren : 14:05', AW, 760, small),
    // A right bubble and its time.
    ...lineRight('Goed idee', rightX1, 900, AEM),
    ...lineRight('14:05', rightX1, 900 + 1.1 * AEM, small),
    // A right bubble of two rows (wrapped), no time.
    ...line('Heb maandag een afspraak bij de', 294, 1150, AEM),
    ...line('psycholoog, ben pas om 19:20 terug.', 294, 1150 + arow, AEM),
    ...line('Sms-bericht', 243, 2520, AEM),
  ];
  return page('Screenshot_20240312.png', AW, AH, words);
}

describe('screenshots: layout of OCR words', () => {
  it('lays out an iMessage screenshot: title, bubbles with their sides, separators, chrome dropped, cut edges', () => {
    const p = imessagePage();
    assert.equal(detectStyle(p).name, 'imessage');
    const layout = layoutPage(p);
    assert.equal(layout.file, 'IMG_0001.PNG');
    assert.equal(layout.title, 'Anouk Bos');
    assert.deepEqual(
      layout.items.map((i) => [i.kind, i.kind === 'bubble' ? i.side : '', i.text]),
      [
        ['bubble', 'right', 'einde van de zin, tot zo.'],
        ['separator', '', 'Vandaag 14:05'],
        ['bubble', 'left', 'Hoi, heb je het formulier al\ningevuld?'],
        ['bubble', 'right', 'Ja, bijna klaar.'],
        ['bubble', 'right', 'Mijn BSN is 123456782 en het\nIBAN NL91 ABNA 0417 1643 00.'],
        ['separator', '', 'ma 12 mrt. om 09:30'],
        ['bubble', 'left', 'Top &'],
        ['bubble', 'left', 'Tot morgen bij de\ningang aan de Kerkstraat'],
      ],
    );
    const [today, monday] = separators(layout.items);
    assert.deepEqual([today.date, today.time], [{ relativeDays: 0 }, '14:05']);
    assert.deepEqual([monday.date, monday.time], [{ month: 3, day: 12 }, '09:30']);
    assert.equal(layout.cutTop, true, 'the first bubble runs under the top bar');
    assert.equal(layout.cutBottom, true, 'the last bubble runs under the input bar');
    for (const b of bubbles(layout.items)) {
      assert.ok(b.confidence > 0.9 && b.confidence <= 1, 'confidence is 0–1');
      assert.equal(b.time, undefined, 'iMessage shows no times under bubbles');
    }
  });

  it('gives each bubble a box around its text (with padding, inside the chat)', () => {
    const layout = layoutPage(imessagePage());
    const two = bubbles(layout.items)[1];
    const words = line('Hoi, heb je het formulier al', LEFT_X, 760, IEM);
    assert.ok(two.box.x < words[0].box.x && two.box.y < words[0].box.y, 'box starts above and left of the text');
    assert.ok(two.box.y + two.box.height > 760 + ROW, 'box reaches below the last row');
    const first = bubbles(layout.items)[0];
    assert.ok(first.box.y >= IMESSAGE_STYLE.topBarBottom * IH - 1, 'a cut bubble is boxed inside the chat band');
  });

  it('says whole when the first and last bubbles keep their padding', () => {
    const words = [
      ...line('9:41', 150, 100, IEM),
      ...lineCentred('Anouk Bos ›', IW, 360, 36),
      ...line('Hoi, heb je het formulier al', LEFT_X, 399 + 1.0 * IEM + 0.73 * IEM, IEM),
      ...lineRight('Ja, bijna klaar.', RIGHT_X1, 1200, IEM),
    ];
    const layout = layoutPage(page('a.png', IW, IH, words));
    assert.equal(layout.items.length, 2);
    assert.equal(layout.cutTop, false);
    assert.equal(layout.cutBottom, false);
  });

  it('lays out a Google Messages screenshot: avatar dropped, time labels become the bubbles’ times', () => {
    const p = androidPage();
    assert.equal(detectStyle(p).name, 'android');
    const layout = layoutPage(p);
    assert.equal(layout.title, 'Bram Meijer');
    const items = layout.items;
    assert.deepEqual(
      items.map((i) => [i.kind, i.kind === 'bubble' ? i.side : '', i.text, i.time ?? '']),
      [
        ['bubble', 'left', 'Zaterdag BBQ bij ons? Neem je de\nkinderen mee?', '10:54'],
        ['separator', '', 'Gisteren : 14:05', '14:05'],
        ['bubble', 'right', 'Goed idee', '14:05'],
        ['bubble', 'right', 'Heb maandag een afspraak bij de\npsycholoog, ben pas om 19:20 terug.', ''],
      ],
    );
    assert.deepEqual(separators(items)[0].date, { relativeDays: -1 });
    assert.equal(layout.cutTop, false);
    assert.equal(layout.cutBottom, false);
  });

  it('takes a small time at the end of a bubble’s last row as its time, not its text', () => {
    const words = [
      ...line('9:41', 150, 100, IEM),
      ...lineCentred('Anouk Bos ›', IW, 360, 36),
      ...line('Ben er over tien minuten', LEFT_X, 700, IEM),
      ...line('14:05', LEFT_X + 14 * IEM, 700, 30),
    ];
    const [bubble] = bubbles(layoutPage(page('a.png', IW, IH, words)).items);
    assert.equal(bubble.text, 'Ben er over tien minuten');
    assert.equal(bubble.time, '14:05');
  });

  it('keeps a time of the body text’s size as text ("om 14:05")', () => {
    const words = [...line('9:41', 150, 100, IEM), ...lineCentred('Jan ›', IW, 360, 36), ...line('Kom je om 14:05', LEFT_X, 700, IEM)];
    const [bubble] = bubbles(layoutPage(page('a.png', IW, IH, words)).items);
    assert.equal(bubble.text, 'Kom je om 14:05');
    assert.equal(bubble.time, undefined);
  });

  it('names the sender of a group chat’s bubble from the small name above it', () => {
    const x = 60 * 3;
    const words = [
      ...line('9:41', 150, 100, IEM),
      ...lineCentred('Crisisteam ›', IW, 360, 36),
      ...line('Chloë Hendriks', x, 620, 33),
      ...line('Is goed, ik bel', x, 620 + 0.9 * IEM, IEM),
      ...line('CH', 36 * 3 - 40, 620 + 0.9 * IEM, 33),
      ...lineRight('Dank je!', RIGHT_X1, 900, IEM),
    ];
    const items = layoutPage(page('a.png', IW, IH, words)).items;
    const [received, sent] = bubbles(items) as LaidOutBubble[];
    assert.equal(received.text, 'Is goed, ik bel');
    assert.equal(received.side, 'left');
    assert.equal(received.sender, 'Chloë Hendriks');
    assert.equal(sent.side, 'right');
    assert.equal(sent.sender, undefined);
  });

  it('tells bubbles apart by the gap between them, rows of one bubble by their line spacing', () => {
    const words = [
      ...line('9:41', 150, 100, IEM),
      ...lineCentred('Jan ›', IW, 360, 36),
      ...line('Eerste bericht, met een', LEFT_X, 700, IEM),
      ...line('tweede regel.', LEFT_X, 700 + ROW, IEM),
      // The next bubble of the same sender: 2 pt between the bubbles plus their padding.
      ...line('Tweede bericht.', LEFT_X, 700 + ROW + (38 / 17) * IEM, IEM),
    ];
    const items = layoutPage(page('a.png', IW, IH, words)).items;
    assert.deepEqual(
      items.map((i) => i.text),
      ['Eerste bericht, met een\ntweede regel.', 'Tweede bericht.'],
    );
  });

  it('sides a bubble whose emoji OCR did not read by the margin it comes closest to', () => {
    const words = [
      ...line('9:41', 150, 100, IEM),
      ...lineCentred('Jan ›', IW, 360, 36),
      ...line('Een gewoon bericht links.', LEFT_X, 600, IEM),
      // "👍 Top" (left): the emoji not read, the text starts 1.5 em right of the margin.
      ...line('Top', LEFT_X + 1.5 * IEM, 800, IEM),
      // "Top 👍" (right): ends 1.5 em short of the right margin.
      ...line('Top', RIGHT_X1 - 1.5 * IEM - 1.5 * IEM, 1000, IEM),
      ...lineRight('Rechts tot aan de kant.', RIGHT_X1, 1200, IEM),
    ];
    const sides = bubbles(layoutPage(page('a.png', IW, IH, words)).items).map((b) => `${b.text}:${b.side}`);
    assert.deepEqual(sides, ['Een gewoon bericht links.:left', 'Top:left', 'Top:right', 'Rechts tot aan de kant.:right']);
  });

  it('drops rows of cut glyphs at the edge and marks the bubble they belong to as cut', () => {
    const chatTop = IMESSAGE_STYLE.topBarBottom * IH;
    const words = [
      ...line('9:41', 150, 100, IEM),
      ...lineCentred('Jan ›', IW, 360, 36),
      // The lower half of a row: short boxes starting at the edge, unsure.
      ...[{ text: 'VUE', confidence: 30, box: { x: LEFT_X, y: Math.round(chatTop), width: 80, height: 18 } }],
      ...line('zin die doorloopt.', LEFT_X, chatTop + 18 + 0.35 * IEM + 0.73 * IEM, IEM),
      ...lineRight('Ok', RIGHT_X1, 1200, IEM),
    ];
    const layout = layoutPage(page('a.png', IW, IH, words));
    assert.deepEqual(
      layout.items.map((i) => i.text),
      ['zin die doorloopt.', 'Ok'],
    );
    assert.equal(layout.cutTop, true);
    // The cut bubble's box takes in the dropped glyphs: blacking it out leaves none of them.
    const cut = layout.items[0].box;
    assert.ok(cut.y <= chatTop && cut.x <= LEFT_X && cut.y + cut.height > chatTop + 18, 'the box reaches the band’s edge');
  });

  it('knows where each word of a bubble’s text stands in the image', () => {
    const layout = layoutPage(imessagePage());
    for (const b of bubbles(layout.items)) {
      const read = b.words.map((w) => b.text.slice(w.start, w.end));
      assert.deepEqual(read, b.text.split(/[ \n]/), 'the offsets cut the text into its words');
      for (const w of b.words) {
        assert.ok(w.box.x >= b.box.x && w.box.y >= b.box.y && w.box.x + w.box.width <= b.box.x + b.box.width + 0.5, 'a word lies inside its bubble');
      }
    }
    const bsn = bubbles(layout.items)[3];
    const word = bsn.words.find((w) => w.start === bsn.text.indexOf('123456782'))!;
    assert.deepEqual(word.box, imessagePage().words.find((w) => w.text === '123456782')!.box);
  });

  it('is empty for a page without words, and takes a given style over its guess', () => {
    const empty = layoutPage(page('e.png', IW, IH, []));
    const { band, ...rest } = empty;
    assert.deepEqual(rest, { file: 'e.png', title: null, items: [], cutTop: false, cutBottom: false });
    assert.ok(band && band.y > 0 && band.y + band.height < IH && band.width === IW, 'the chat band lies between the bars');
    const p = imessagePage();
    assert.deepEqual(layoutPage(p, IMESSAGE_STYLE), layoutPage(p));
    // Android's top bar is lower on the screen: the iOS name is in its chat band, not its title.
    assert.notEqual(layoutPage(p, ANDROID_STYLE).title, 'Anouk Bos');
  });
});

describe('screenshots: day separators and times', () => {
  const cases: Array<[string, ReturnType<typeof parseSeparator>]> = [
    ['Vandaag', { date: { relativeDays: 0 } }],
    ['Gisteren', { date: { relativeDays: -1 } }],
    ['Eergisteren 09:12', { date: { relativeDays: -2 }, time: '09:12' }],
    ['Vandaag 14:05', { date: { relativeDays: 0 }, time: '14:05' }],
    ['Vandaag · 14:05', { date: { relativeDays: 0 }, time: '14:05' }],
    ['Vandaag : 08:09', { date: { relativeDays: 0 }, time: '08:09' }],
    ['Gisteren - 14:05', { date: { relativeDays: -1 }, time: '14:05' }],
    ['ma 12 mrt. om 14:05', { date: { month: 3, day: 12 }, time: '14:05' }],
    ['di 6 okt. 2020 om 7:36', { date: { year: 2020, month: 10, day: 6 }, time: '07:36' }],
    ['maandag 12 maart 2020', { date: { year: 2020, month: 3, day: 12 } }],
    ['Donderdag 12 maart · 14:05', { date: { month: 3, day: 12 }, time: '14:05' }],
    ['Zaterdag 16:38', { date: { weekday: 6 }, time: '16:38' }],
    ['zondag', { date: { weekday: 0 } }],
    ['12-03-2020', { date: { year: 2020, month: 3, day: 12 } }],
    ['12/03/20', { date: { year: 2020, month: 3, day: 12 } }],
    ['2020-03-12', { date: { year: 2020, month: 3, day: 12 } }],
    ['3/13/2020', { date: { year: 2020, month: 3, day: 13 } }],
    ['Today 2:05 PM', { date: { relativeDays: 0 }, time: '14:05' }],
    ['Today 12:10 AM', { date: { relativeDays: 0 }, time: '00:10' }],
    ['Yesterday', { date: { relativeDays: -1 } }],
    ['Yesterday at 9:05 am', { date: { relativeDays: -1 }, time: '09:05' }],
    ['Mon, 12 Mar at 14:05', { date: { month: 3, day: 12 }, time: '14:05' }],
    ['Thursday, March 12, 2020', { date: { year: 2020, month: 3, day: 12 } }],
    ['Sunday, 6 October · 07:17', { date: { month: 10, day: 6 }, time: '07:17' }],
    ['Friday · 14:26', { date: { weekday: 5 }, time: '14:26' }],
    ['6 Sept 2019', { date: { year: 2019, month: 9, day: 6 } }],
    ['14:05', { time: '14:05' }],
    ['29 feb. 2020', { date: { year: 2020, month: 2, day: 29 } }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseSeparator(text), expected));
  }

  it('reads nothing into text that is not a date (every word must be part of one) or a date that does not exist', () => {
    for (const text of ['Vandaag ben ik ziek', 'Ok', 'Top &', '12', 'ma 12', 'Gisteren 12 maart', '31-04-2020', '29 feb. 2021', '25:10', 'Jan Meijer', '']) {
      assert.equal(parseSeparator(text), null, text);
    }
  });

  it('reads time labels', () => {
    assert.equal(parseTime('14:05'), '14:05');
    assert.equal(parseTime('9.05'), '09:05');
    assert.equal(parseTime('2:05 PM'), '14:05');
    assert.equal(parseTime('10:73'), null);
    assert.equal(parseTime('Gelezen 14:07'), null);
  });
});
