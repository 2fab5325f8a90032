import * as assert from 'node:assert/strict';
import { joinConfidence, normaliseForMatch, orderScreens } from '../../../src/parsers/screenshots/order';
import { adjacentPairAccuracy, kendallTau } from '../../../src/parsers/screenshots/orderMetrics';
import type { Bubble, DaySeparator, OrderedConversation, ScreenHint, ScreenItem, ScreenLayout, Side } from '../../../src/parsers/screenshots/types';
import { seededRandom } from '../../../src/model/spotCheck';

// ---------------------------------------------------------------------------------------------
// Synthetic scrolled conversations with ground truth: a conversation laid out as a tall column
// of bubbles, photographed through a phone-sized window at increasing scroll offsets. No OCR and
// no images: the layouts are what a perfect layout stage would give, plus simulated OCR noise.

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const WORDS = [
  'de', 'het', 'een', 'en', 'van', 'voor', 'met', 'om', 'uur', 'morgen', 'vandaag', 'graag', 'even', 'nog', 'niet', 'wel', 'ook',
  'vergadering', 'OMT', 'zaal', 'rapport', 'vaccinatie', 'bellen', 'stukken', 'minister', 'persbericht', 'cijfers', 'GGD', 'regio',
  'overleg', 'concept', 'versie', 'akkoord', 'agenda', 'besluit', 'scenario', 'update', 'RIVM', 'mail', 'kamerbrief', 'planning',
  'locatie', 'teststraat', 'capaciteit', 'bezetting', 'ziekenhuis', 'IC', 'maatregelen', 'advies', 'woordvoering', 'burgemeester',
  'veiligheidsregio', 'draaiboek', 'dinsdag', 'vrijdag', 'middag', 'ochtend', 'straks', 'bijgewerkt', 'gestuurd', 'klaar', 'komt',
  'wachten', 'reactie', 'Den Haag', 'Utrecht', 'Rotterdam', 'prioriteit', 'levering', 'doses', 'prikken', 'personeel', 'zorg',
];
/** Short replies recur everywhere in a chat: they must never join two screenshots by themselves. */
const SHORT_REPLIES = ['ok', 'Ok', 'oké', '👍', 'Ja', 'ja', 'Nee', 'Top!', 'Prima', 'Dank je', 'Thx', 'Klopt', '👍👍', '😂', 'Check'];
const WEEKDAYS_SHORT = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const WEEKDAYS_LONG = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const LINE_HEIGHT = 44;
const BUBBLE_PADDING = 12;
const ITEM_SPACING = 12;
const CHARS_PER_LINE = 26;
const DAY_MS = 86_400_000;

/** How the set's separators name their day. `none`: no separators at all. */
type SeparatorStyle = 'full' | 'monthDay' | 'relative' | 'none';
/** `ordered`: capture times follow the scroll; `scrolledBack`: neighbours sometimes swapped; `none`: no capture times. */
type CaptureStyle = 'ordered' | 'scrolledBack' | 'none';

interface TruthItem {
  id: number;
  kind: 'bubble' | 'separator';
  side: Side;
  lines: string[];
  time?: string;
  date?: DaySeparator['date'];
  top: number;
  bottom: number;
}

interface Scenario {
  seed: number;
  noiseRate: number;
  layouts: ScreenLayout[];
  hints: ScreenHint[];
  /** Per file: the window it shows (a duplicated screenshot shares its original's window). */
  windowOfFile: Map<string, number>;
  /** Per window: truth ids of its items, and whether each is cut; the same for each copy. */
  windows: { ids: number[]; cut: boolean[] }[];
  /** Per window after the first: joined by overlap, or a gap. */
  gapBefore: boolean[];
  duplicatedWindow: number | null;
}

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > CHARS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

function sentence(random: Random): string {
  const words = Array.from({ length: between(random, 3, 16) }, () => pick(random, WORDS));
  if (random() < 0.08) words.push(`06-${between(random, 10_000_000, 99_999_999)}`);
  if (random() < 0.05) words.push(`BSN ${between(random, 100_000_000, 999_999_999)}`);
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + pick(random, ['.', '.', '?', '!', '', ',']);
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** A conversation of 40–200 bubbles over a few days before `sessionDay` (when the screenshots are taken), laid out top to bottom. */
function conversation(random: Random, separatorStyle: SeparatorStyle, bubbleTimes: boolean, sessionDay: number): TruthItem[] {
  // First the messages with their days and times, then the layout with a separator per day.
  const messages: { day: number; minute: number; side: Side; text: string }[] = [];
  let day = 0;
  let minute = between(random, 7 * 60, 10 * 60);
  let side: Side = 'left';
  const bubbleCount = between(random, 40, 200);
  while (messages.length < bubbleCount) {
    if (random() < 0.4) side = side === 'left' ? 'right' : 'left';
    const repeatedRun = random() < 0.06 ? between(random, 2, 4) : 1;
    for (let r = 0; r < repeatedRun && messages.length < bubbleCount; r++) {
      const text = repeatedRun > 1 ? pick(random, ['ok', '👍']) : random() < 0.2 ? pick(random, SHORT_REPLIES) : sentence(random);
      messages.push({ day, minute, side: repeatedRun > 1 && r % 2 ? (side === 'left' ? 'right' : 'left') : side, text });
    }
    minute += between(random, 0, 25);
    if (minute >= 22 * 60 || random() < 0.03) {
      day += between(random, 1, 2);
      minute = between(random, 7 * 60, 10 * 60);
    }
  }
  const firstDay = sessionDay - (day + between(random, 0, 2)) * DAY_MS;

  const items: TruthItem[] = [];
  let y = 0;
  const add = (item: Omit<TruthItem, 'id' | 'top' | 'bottom'>): void => {
    const height = item.lines.length * LINE_HEIGHT + 2 * BUBBLE_PADDING;
    items.push({ ...item, id: items.length, top: y, bottom: y + height });
    y += height + ITEM_SPACING;
  };
  messages.forEach((message, i) => {
    const time = `${twoDigits(Math.floor(message.minute / 60))}:${twoDigits(message.minute % 60)}`;
    if (separatorStyle !== 'none' && (i === 0 || messages[i - 1].day !== message.day)) {
      add(separatorItem(separatorStyle, firstDay + message.day * DAY_MS, time, sessionDay));
    }
    add({ kind: 'bubble', side: message.side, lines: wrap(message.text), time: bubbleTimes ? time : undefined });
  });
  return items;
}

function separatorItem(style: SeparatorStyle, day: number, time: string, sessionDay: number): Omit<TruthItem, 'id' | 'top' | 'bottom'> {
  const date = new Date(day);
  const monthDay = { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  const separator = (text: string, dateField: DaySeparator['date']): Omit<TruthItem, 'id' | 'top' | 'bottom'> => ({ kind: 'separator', side: 'left', lines: [text], date: dateField });
  if (style === 'full') return separator(`${twoDigits(monthDay.day)}-${twoDigits(monthDay.month)}-${date.getUTCFullYear()}`, { ...monthDay, year: date.getUTCFullYear() });
  const daysAgo = Math.round((sessionDay - day) / DAY_MS);
  if (style === 'relative' && daysAgo === 0) return separator(`Vandaag ${time}`, { relativeDays: 0 });
  if (style === 'relative' && daysAgo === 1) return separator(`Gisteren ${time}`, { relativeDays: -1 });
  if (style === 'relative' && daysAgo < 7) return separator(`${WEEKDAYS_LONG[date.getUTCDay()]} ${time}`, { weekday: date.getUTCDay() });
  return separator(`${WEEKDAYS_SHORT[date.getUTCDay()]} ${monthDay.day} ${MONTHS[monthDay.month - 1]}. om ${time}`, monthDay);
}

/** OCR noise: confusable characters swapped, other characters substituted, punctuation dropped. */
function ocrNoise(random: Random, text: string, rate: number, punctuationDrop: number): string {
  if (rate === 0) return text;
  const confusions: Record<string, string[]> = {
    o: ['0'], O: ['0'], l: ['1', 'I'], i: ['l', '1'], I: ['l', '1'], m: ['rn'], e: ['c'], s: ['5'], S: ['5'], B: ['8'], a: ['o'], n: ['h'],
  };
  let out = '';
  for (const char of Array.from(text)) {
    if (/[.,!?:;-]/.test(char) && random() < punctuationDrop) continue;
    if (char === ' ' && random() < rate * 3) continue;
    if (random() >= rate) {
      out += char;
      continue;
    }
    const roll = random();
    if (confusions[char] && roll < 0.6) out += pick(random, confusions[char]);
    else if (roll < 0.8) out += String.fromCharCode(97 + Math.floor(random() * 26));
    else if (roll < 0.9) out += '';
    else out += char + String.fromCharCode(97 + Math.floor(random() * 26));
  }
  return out;
}

/** A test-side notion of an item that can carry a join: at least 10 letters or digits. */
const longEnough = (item: TruthItem): boolean => item.lines.join('').replace(/[^\p{L}\p{N}]/gu, '').length >= 10;

function scenario(seed: number, forceNoiseFree = false): Scenario {
  const random = seededRandom(seed);
  const noiseFree = forceNoiseFree || random() < 0.3;
  const noiseRate = noiseFree ? 0 : 0.005 + random() * 0.035;
  const punctuationDrop = noiseFree ? 0 : 0.2 + random() * 0.4;
  const separatorStyle = pick<SeparatorStyle>(random, ['full', 'monthDay', 'relative', 'none']);
  const captureStyle = pick<CaptureStyle>(random, ['ordered', 'scrolledBack', 'none']);
  const bubbleTimes = random() < 0.4;
  const sessionDay = Date.UTC(2020, between(random, 3, 9), between(random, 1, 28));
  const truth = conversation(random, separatorStyle, bubbleTimes, sessionDay);
  const screenHeight = between(random, 900, 2200);
  const screenCount = between(random, 2, 30);
  const datesResolve = separatorStyle === 'full' || separatorStyle === 'monthDay' || (separatorStyle === 'relative' && captureStyle !== 'none');
  const gapRate = random() < 0.5 ? 0 : 0.15;

  /** The items a window at scroll offset `y` shows: lines wholly inside the screen are read. */
  const windowAt = (y: number): { ids: number[]; cut: boolean[]; text: string[] } => {
    const ids: number[] = [];
    const cut: boolean[] = [];
    const text: string[] = [];
    for (const item of truth) {
      if (item.bottom <= y || item.top >= y + screenHeight) continue;
      const visibleLines = item.lines.filter((_, line) => {
        const lineTop = item.top + BUBBLE_PADDING + line * LINE_HEIGHT;
        return lineTop >= y && lineTop + LINE_HEIGHT <= y + screenHeight;
      });
      if (!visibleLines.length) continue;
      ids.push(item.id);
      cut.push(item.top < y || item.bottom > y + screenHeight);
      text.push(visibleLines.join('\n'));
    }
    return { ids, cut, text };
  };

  const windows: { y: number; ids: number[]; cut: boolean[]; text: string[] }[] = [];
  const gapBefore: boolean[] = [];
  let y = random() < 0.6 ? 0 : between(random, 0, Math.floor(truth[truth.length - 1].bottom / 2));
  let pieceHasSeparator = false;
  while (windows.length < screenCount) {
    const current = { y, ...windowAt(y) };
    if (!current.ids.length) break;
    windows.push(current);
    pieceHasSeparator ||= current.ids.some((id) => truth[id].kind === 'separator');
    const lastId = current.ids[current.ids.length - 1];
    if (lastId === truth.length - 1 && !current.cut[current.cut.length - 1]) break;

    // A join by overlap: 1–5 shared items, at least one long and whole in both windows.
    let next: number | undefined;
    const gapBySeparator = datesResolve && pieceHasSeparator;
    const gapByCapture = captureStyle === 'ordered';
    const wantGap = random() < gapRate && (gapBySeparator || gapByCapture);
    for (let attempt = 0; attempt < 30 && next === undefined && !wantGap; attempt++) {
      const shared = between(random, 1, Math.min(5, current.ids.length));
      const candidateY = truth[current.ids[current.ids.length - shared]].top - between(random, 0, 40);
      if (candidateY <= y) continue;
      const candidate = windowAt(candidateY);
      const carriesJoin = candidate.ids.some((id, i) => {
        const inCurrent = current.ids.indexOf(id);
        return inCurrent >= 0 && !current.cut[inCurrent] && !candidate.cut[i] && longEnough(truth[id]);
      });
      // Each screenshot shows something new at both ends, so none lies inside another.
      const movesOn = candidate.ids.some((id) => id > lastId) && candidate.ids[0] > current.ids[0];
      if (carriesJoin && movesOn) next = candidateY;
    }
    if (next === undefined) {
      if (!gapBySeparator && !gapByCapture) break;
      // A gap: the next screenshot shares nothing. By separator, it starts at the next day.
      const afterCurrent = Math.max(y + screenHeight, truth[lastId].bottom) + 1;
      if (gapBySeparator) {
        const separator = truth.find((item) => item.kind === 'separator' && item.top >= afterCurrent);
        if (!separator) break;
        next = separator.top - between(random, 0, BUBBLE_PADDING);
        pieceHasSeparator = false;
      } else next = afterCurrent + between(random, 0, 600);
      gapBefore[windows.length] = true;
    } else gapBefore[windows.length] = false;
    y = next;
  }

  // Files, in a shuffled order with names that say nothing of the order.
  const names = new Set<string>();
  const fileName = (): string => {
    let name: string;
    do name = `IMG_${between(random, 1000, 9999)}.PNG`;
    while (names.has(name));
    names.add(name);
    return name;
  };
  const layoutOf = (window: (typeof windows)[number], file: string): ScreenLayout => ({
    file,
    title: 'Crisisteam',
    cutTop: window.cut[0],
    cutBottom: window.cut[window.cut.length - 1],
    items: window.ids.map((id, i): ScreenItem => {
      const truthItem = truth[id];
      let text = window.text[i];
      // A line half off screen is read as garbage, sometimes, on noisy sets.
      if (window.cut[i] && noiseRate > 0 && random() < 0.5) {
        const garbage = Array.from({ length: between(random, 3, 12) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
        text = i === 0 ? `${garbage}\n${text}` : `${text}\n${garbage}`;
      }
      text = ocrNoise(random, text, noiseRate, punctuationDrop);
      const box = { x: truthItem.side === 'right' ? 300 : 20, y: truthItem.top - window.y, width: 500, height: truthItem.bottom - truthItem.top };
      if (truthItem.kind === 'separator') {
        const separator: DaySeparator = { kind: 'separator', text, box, date: truthItem.date };
        if (truthItem.lines[0].match(/\d\d:\d\d$/)) separator.time = truthItem.lines[0].slice(-5);
        return separator;
      }
      const bubble: Bubble = { kind: 'bubble', side: truthItem.side, text, box, words: [], confidence: Math.max(0, 0.97 - 4 * noiseRate - random() * 0.05) };
      if (truthItem.time) bubble.time = truthItem.time;
      return bubble;
    }),
  });

  const layouts: ScreenLayout[] = [];
  const windowOfFile = new Map<string, number>();
  const captureTimes: number[] = [];
  let clock = sessionDay + (10 * 60 + between(random, 0, 600)) * 60_000;
  windows.forEach((window, index) => {
    const file = fileName();
    layouts.push(layoutOf(window, file));
    windowOfFile.set(file, index);
    clock += between(random, 3, 40) * 1000;
    captureTimes.push(clock);
  });
  if (captureStyle === 'scrolledBack') {
    for (let i = 1; i < captureTimes.length; i++) {
      if (random() < 0.3) [captureTimes[i - 1], captureTimes[i]] = [captureTimes[i], captureTimes[i - 1]];
    }
  }
  // The same screen twice: an identical copy of the file, or a second screenshot read anew.
  let duplicatedWindow: number | null = null;
  if (random() < 0.3) {
    duplicatedWindow = between(random, 0, windows.length - 1);
    const file = fileName();
    const original = layouts[duplicatedWindow];
    layouts.push(random() < 0.5 ? { ...original, file } : layoutOf(windows[duplicatedWindow], file));
    windowOfFile.set(file, duplicatedWindow);
    captureTimes.push(captureTimes[duplicatedWindow] + 1000);
  }
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
  const hints: ScreenHint[] = captureStyle === 'none' ? [] : layouts.map((layout, i) => ({ file: layout.file, capturedAt: iso(captureTimes[i]) }));

  // Shuffle the input: the order must come from the content alone.
  for (let i = layouts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [layouts[i], layouts[j]] = [layouts[j], layouts[i]];
  }
  return {
    seed,
    noiseRate,
    layouts,
    hints,
    windowOfFile,
    windows: windows.map(({ ids, cut }) => ({ ids, cut })),
    gapBefore,
    duplicatedWindow,
  };
}

/** Every way the result differs from the ground truth; empty when fully correct. */
function differences(set: Scenario, result: OrderedConversation): string[] {
  const problems: string[] = [];
  const windowOrder = result.screens.map((screen) => set.windowOfFile.get(screen.file)!);
  const expectedOrder = set.windows.flatMap((_, w) => (w === set.duplicatedWindow ? [w, w] : [w]));
  if (windowOrder.join() !== expectedOrder.join()) problems.push(`order ${windowOrder.join()} ≠ ${expectedOrder.join()}`);
  else {
    result.screens.forEach((screen, position) => {
      const w = windowOrder[position];
      const isSecondCopy = position > 0 && windowOrder[position - 1] === w;
      const expected = position === 0
        ? { overlap: 0, gap: false }
        : isSecondCopy
          ? { overlap: set.windows[w].ids.length, gap: false }
          : set.gapBefore[w]
            ? { overlap: 0, gap: true }
            : { overlap: set.windows[w].ids.filter((id) => set.windows[w - 1].ids.includes(id)).length, gap: false };
      if (screen.overlap !== expected.overlap || screen.gap !== expected.gap) {
        problems.push(`window ${w}: overlap ${screen.overlap} gap ${screen.gap}, expected ${expected.overlap} ${expected.gap}`);
      }
      if ((position === 0) !== (screen.joinConfidence === null)) problems.push(`window ${w}: joinConfidence ${screen.joinConfidence}`);
    });
  }

  // Items: every item seen once, in conversation order, from a whole copy when there is one.
  const layoutByFile = new Map(set.layouts.map((layout) => [layout.file, layout]));
  const expectedIds = [...new Set(set.windows.flatMap((window) => window.ids))].sort((a, b) => a - b);
  const firstIdsAfterGap = new Set(set.windows.filter((_, w) => set.gapBefore[w]).map((window) => window.ids[0]));
  const gotIds = result.items.map((placed) => {
    const window = set.windows[set.windowOfFile.get(placed.file)!];
    if (layoutByFile.get(placed.file)!.items[placed.index] !== placed.item) problems.push(`item ${placed.file}#${placed.index} is not that layout's item`);
    const id = window.ids[placed.index];
    const anyWholeCopy = set.windows.some((other) => other.ids.includes(id) && !other.cut[other.ids.indexOf(id)]);
    if (window.cut[placed.index] && anyWholeCopy) problems.push(`item ${id} taken from a cut copy`);
    if (Boolean(placed.afterGap) !== firstIdsAfterGap.has(id)) problems.push(`item ${id}: afterGap ${placed.afterGap}`);
    return id;
  });
  if (gotIds.join() !== expectedIds.join()) problems.push(`items ${gotIds.join()} ≠ ${expectedIds.join()}`);
  return problems;
}

/** The window order without the duplicated screenshot's second appearance, for the metrics. */
function windowSequence(set: Scenario, result: OrderedConversation): number[] {
  return [...new Set(result.screens.map((screen) => set.windowOfFile.get(screen.file)!))];
}

// ---------------------------------------------------------------------------------------------
// Small hand-made layouts for the rules one by one.

let boxY = 0;
const bubble = (side: Side, text: string, confidence = 0.95): Bubble => ({ kind: 'bubble', side, text, confidence, words: [], box: { x: 0, y: boxY++, width: 100, height: 40 } });
const separator = (text: string, date?: DaySeparator['date'], time?: string): DaySeparator => ({ kind: 'separator', text, date, time, box: { x: 0, y: boxY++, width: 100, height: 20 } });
const screen = (file: string, items: ScreenItem[], cutTop = false, cutBottom = false): ScreenLayout => ({ file, title: 'Team', items, cutTop, cutBottom });

const L = (text: string): Bubble => bubble('left', text);
const R = (text: string): Bubble => bubble('right', text);
const texts = (result: OrderedConversation): string[] => result.items.map((placed) => placed.item.text);

describe('screenshot order: matching items', () => {
  it('folds case, accents, whitespace, punctuation and common OCR confusions', () => {
    assert.equal(normaliseForMatch('Goedemorgen, OMT om 9:00 in zaal 2!'), normaliseForMatch('goedernorgen OMT 0m 9.OO in zaa1 2'));
    assert.equal(normaliseForMatch('Café'), normaliseForMatch('cafe'));
    assert.equal(normaliseForMatch('👍'), '👍');
    assert.equal(normaliseForMatch('vvat Iijst'), normaliseForMatch('wat lijst'));
  });

  it('rates joins by how much and how well they match', () => {
    assert.ok(Math.abs(joinConfidence(0.8) - 0.4) < 0.01, 'one long item matched fuzzily ≈ 0.4');
    assert.ok(joinConfidence(3) >= 0.95, 'three long items matched exactly ≥ 0.95');
    assert.ok(joinConfidence(10) < 1);
  });
});

describe('screenshot order: metrics', () => {
  it('counts correct adjacent pairs', () => {
    assert.equal(adjacentPairAccuracy(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']), 1);
    assert.equal(adjacentPairAccuracy(['a', 'b', 'c', 'd'], ['c', 'd', 'a', 'b']), 2 / 3);
    assert.equal(adjacentPairAccuracy(['a', 'b', 'c'], ['c', 'b', 'a']), 0);
    assert.equal(adjacentPairAccuracy(['a'], ['a']), 1);
  });

  it('computes Kendall tau over the shared ids', () => {
    assert.equal(kendallTau([1, 2, 3, 4], [1, 2, 3, 4]), 1);
    assert.equal(kendallTau([1, 2, 3, 4], [4, 3, 2, 1]), -1);
    assert.equal(kendallTau([1, 2, 3], [2, 1, 3]), 1 / 3);
    assert.equal(kendallTau([1, 2, 3], [3, 1, 9, 2]), -1 / 3);
  });
});

describe('screenshot order: joins', () => {
  const one = screen('b.png', [L('Goedemorgen allemaal, OMT om 9:00 in zaal 2.'), R('Ik ben er om kwart voor'), L('Neem de stukken mee')]);
  const two = screen('a.png', [R('Ik ben er om kwart voor'), L('Neem de stukken rnee'), R('Komt goed, tot straks'), L('Tot zo')]);

  it('joins a screenshot to the one whose bottom items its top items repeat, dropping the repeats', () => {
    const result = orderScreens([two, one]);
    assert.deepEqual(result.screens.map((s) => [s.file, s.overlap, s.gap]), [['b.png', 0, false], ['a.png', 2, false]]);
    assert.equal(result.screens[0].joinConfidence, null);
    assert.ok(result.screens[1].joinConfidence! > 0.6);
    assert.deepEqual(texts(result), ['Goedemorgen allemaal, OMT om 9:00 in zaal 2.', 'Ik ben er om kwart voor', 'Neem de stukken mee', 'Komt goed, tot straks', 'Tot zo']);
    assert.deepEqual(result.items.map((placed) => [placed.file, placed.index]), [['b.png', 0], ['b.png', 1], ['b.png', 2], ['a.png', 2], ['a.png', 3]]);
  });

  it('gives the same answer whatever the input order', () => {
    assert.deepEqual(orderScreens([one, two]), orderScreens([two, one]));
  });

  it('matches a cut item as the start or end of its text, and keeps the whole copy', () => {
    const upper = screen('1.png', [L('Het persbericht gaat om 12:00 uit'), R('Wie belt de burgemeester van Utrecht vanmiddag?'), L('Dat doe ik om drie uur'), R('Top, dan stuur ik')], false, true);
    const lower = screen('2.png', [R('de burgemeester van Utrecht vanmiddag?'), L('Dat doe ik om drie uur'), R('Top, dan stuur ik de stukken vast'), L('👍')], true, false);
    const result = orderScreens([lower, upper]);
    assert.deepEqual(result.screens.map((s) => [s.file, s.overlap]), [['1.png', 0], ['2.png', 3]]);
    assert.deepEqual(texts(result), ['Het persbericht gaat om 12:00 uit', 'Wie belt de burgemeester van Utrecht vanmiddag?', 'Dat doe ik om drie uur', 'Top, dan stuur ik de stukken vast', '👍']);
    assert.deepEqual(result.items.map((placed) => placed.file), ['1.png', '1.png', '1.png', '2.png', '2.png']);
  });

  it('keeps the copy with all its lines when the other lost one at the screen’s edge unnoticed', () => {
    const upper = screen('1.png', [L('Het persbericht gaat om 12:00 uit'), R('Agenda beleidsteam:\n1. Stand van zaken\n2. Communicatie')]);
    const lower = screen('2.png', [R('Agenda beleidsteam:\n1. Stand van zaken\n2. Communicatie\n3. Rondvraag'), L('Komt goed, tot straks')]);
    const result = orderScreens([lower, upper]);
    assert.deepEqual(result.screens.map((s) => [s.file, s.overlap]), [['1.png', 0], ['2.png', 1]]);
    assert.deepEqual(texts(result), ['Het persbericht gaat om 12:00 uit', 'Agenda beleidsteam:\n1. Stand van zaken\n2. Communicatie\n3. Rondvraag', 'Komt goed, tot straks']);
  });

  it('does not join over a cut item whose readable lines clearly differ', () => {
    const upper = screen('1.png', [L('Het persbericht gaat om 12:00 uit'), R('Wie belt de burgemeester?\nIk heb geen tijd vandaag\nxq')], false, true);
    const lower = screen('2.png', [L('Het persbericht gaat om 12:00 uit'), R('Dat doe ik morgen wel, geen probleem'), L('Dank je')]);
    assert.equal(orderScreens([upper, lower]).screens[1].gap, true);
  });

  it('never joins on short, common replies alone', () => {
    const first = screen('1.png', [L('Is het concept van de kamerbrief al klaar?'), R('ok'), L('👍')]);
    const second = screen('2.png', [R('ok'), L('👍'), R('Morgen om negen uur bellen met de GGD')]);
    const result = orderScreens([first, second]);
    assert.deepEqual(result.screens.map((s) => [s.overlap, s.gap]), [[0, false], [0, true]]);
    assert.equal(result.items.length, 6);
    assert.ok(result.screens[1].joinConfidence! <= 0.1);
  });

  it('prefers the longer overlap when short replies repeat', () => {
    const first = screen('1.png', [L('Het draaiboek is bijgewerkt'), R('ok'), L('Stuur je het door naar de regio?'), R('ok')]);
    const second = screen('2.png', [R('ok'), L('Stuur je het door naar de regio?'), R('ok'), L('Dank je')]);
    const result = orderScreens([second, first]);
    assert.deepEqual(result.screens.map((s) => [s.file, s.overlap]), [['1.png', 0], ['2.png', 3]]);
    assert.deepEqual(texts(result), ['Het draaiboek is bijgewerkt', 'ok', 'Stuur je het door naar de regio?', 'ok', 'Dank je']);
  });

  it('passes over an emoji bubble read on one screenshot and missed on the other, keeping it once in its place', () => {
    const before = L('Het persbericht gaat om 12:00 uit');
    const greeting = L('Goedemorgen allemaal, ROT-overleg om 12:45');
    const stray = L('f'); // an emoji read as a letter
    const papers = R('Stuur de stukken naar de regio');
    const after = L('Komt goed, tot straks');
    const expected = ['Het persbericht gaat om 12:00 uit', 'Goedemorgen allemaal, ROT-overleg om 12:45', 'f', 'Stuur de stukken naar de regio', 'Komt goed, tot straks'];
    const readBelow = orderScreens([screen('2.png', [greeting, stray, papers, after]), screen('1.png', [before, greeting, papers])]);
    assert.deepEqual(readBelow.screens.map((s) => [s.file, s.overlap, s.gap]), [['1.png', 0, false], ['2.png', 2, false]]);
    assert.deepEqual(texts(readBelow), expected);
    const readAbove = orderScreens([screen('2.png', [greeting, papers, after]), screen('1.png', [before, greeting, stray, papers])]);
    assert.deepEqual(readAbove.screens.map((s) => [s.file, s.overlap, s.gap]), [['1.png', 0, false], ['2.png', 2, false]]);
    assert.deepEqual(texts(readAbove), expected);
    // Passing over short items never makes a join by itself: the long item must still match.
    const unrelated = orderScreens([screen('2.png', [stray, R('Iets heel anders dan de stukken'), after]), screen('1.png', [before, greeting, stray])]);
    assert.equal(unrelated.screens[1].gap, true);
  });

  it('keeps sides apart: the same text sent and received is not the same bubble', () => {
    const first = screen('1.png', [L('Vergadering verplaatst naar dinsdag'), L('Waarom eigenlijk')]);
    const second = screen('2.png', [R('Waarom eigenlijk'), L('Omdat de minister niet kan')]);
    assert.equal(orderScreens([first, second]).screens[1].gap, true);
  });
});

describe('screenshot order: duplicates and gaps', () => {
  it('places the same screen taken twice once, without duplicated messages', () => {
    const a = screen('a.png', [L('Goedemorgen allemaal, OMT om 9:00'), R('Ik ben er om kwart voor'), L('Neem de stukken mee')]);
    const b = screen('b.png', [R('Ik ben er om kwart voor'), L('Neem de stukken mee'), R('Komt goed, tot straks')]);
    const again = { ...b, file: 'c.png' };
    const result = orderScreens([again, a, b]);
    assert.deepEqual(result.screens.map((s) => [s.file, s.overlap, s.gap]), [['a.png', 0, false], ['b.png', 2, false], ['c.png', 3, false]]);
    assert.deepEqual(texts(result), ['Goedemorgen allemaal, OMT om 9:00', 'Ik ben er om kwart voor', 'Neem de stukken mee', 'Komt goed, tot straks']);
  });

  it('orders pieces without overlap by their separators, then capture times, then file names', () => {
    const monday = screen('z.png', [separator('ma 9 mrt. om 09:00', { month: 3, day: 9 }, '09:00'), L('Het OMT begint om negen uur')]);
    const tuesday = screen('a.png', [separator('di 10 mrt. om 08:00', { month: 3, day: 10 }, '08:00'), L('Persconferentie om 19:00 vanavond')]);
    const bySeparator = orderScreens([tuesday, monday], [{ file: 'a.png', capturedAt: '2020-03-11T10:00:00' }, { file: 'z.png', capturedAt: '2020-03-11T10:05:00' }]);
    assert.deepEqual(bySeparator.screens.map((s) => [s.file, s.gap, s.joinConfidence]), [['z.png', false, null], ['a.png', true, 0.1]]);
    assert.equal(bySeparator.items[2].afterGap, true);

    const plain = (file: string, text: string): ScreenLayout => screen(file, [L(text)]);
    const byCapture = orderScreens([plain('a.png', 'Tweede deel van het gesprek'), plain('z.png', 'Eerste deel van het gesprek')], [
      { file: 'a.png', capturedAt: '2020-03-11T10:05:00' },
      { file: 'z.png', capturedAt: '2020-03-11T10:00:00' },
    ]);
    assert.deepEqual(byCapture.screens.map((s) => [s.file, s.joinConfidence]), [['z.png', null], ['a.png', 0.05]]);
    // Captured while scrolling up from the newest message: the joined screenshots show the
    // capture times falling through the conversation, so the pieces follow them backwards.
    const first = screen('m.png', [L('Eerste deel van het gesprek over de stukken'), R('Het concept komt vanmiddag')]);
    const second = screen('b.png', [R('Het concept komt vanmiddag'), L('Dan lees ik het vanavond')]);
    const later = plain('a.png', 'Laatste deel, na een stuk dat niemand vastlegde');
    const scrolledUp = [
      { file: 'a.png', capturedAt: '2020-03-11T10:00:00' },
      { file: 'b.png', capturedAt: '2020-03-11T10:00:04' },
      { file: 'm.png', capturedAt: '2020-03-11T10:00:09' },
    ];
    assert.deepEqual(orderScreens([later, second, first], scrolledUp).screens.map((s) => [s.file, s.gap]), [['m.png', false], ['b.png', false], ['a.png', true]]);
    // The same capture time of a.png, but the joined ones rising: a.png, captured first, goes first.
    const scrolledDown = [scrolledUp[0], { file: 'b.png', capturedAt: '2020-03-11T10:00:09' }, { file: 'm.png', capturedAt: '2020-03-11T10:00:04' }];
    assert.deepEqual(orderScreens([later, second, first], scrolledDown).screens.map((s) => s.file), ['a.png', 'm.png', 'b.png']);
    const byName = orderScreens([plain('b.png', 'Tweede deel van het gesprek'), plain('a.png', 'Eerste deel van het gesprek')]);
    assert.deepEqual(byName.screens.map((s) => [s.file, s.joinConfidence]), [['a.png', null], ['b.png', 0]]);
  });

  it('resolves relative days and weekdays against the capture date', () => {
    const yesterday = screen('b.png', [separator('Gisteren 14:05', { relativeDays: -1 }, '14:05'), L('Zijn de cijfers van de regio binnen?')]);
    const today = screen('a.png', [separator('Vandaag 08:10', { relativeDays: 0 }, '08:10'), L('Het advies gaat vandaag naar de minister')]);
    const tuesday = screen('c.png', [separator('dinsdag 11:00', { weekday: 2 }, '11:00'), L('Levering van de doses is vertraagd')]);
    // Captured Friday 13 March 2020: dinsdag is the 10th, gisteren the 12th.
    const hints = ['a.png', 'b.png', 'c.png'].map((file) => ({ file, capturedAt: '2020-03-13T12:00:00' }));
    assert.deepEqual(orderScreens([today, yesterday, tuesday], hints).screens.map((s) => s.file), ['c.png', 'b.png', 'a.png']);
  });
});

describe('screenshot order: without capture times', () => {
  it('orders pieces by relative days and weekdays against one capture day, its weekday from the joined screenshots', () => {
    const older = screen('z.png', [separator('wo 3 mei om 11:57', { month: 5, day: 3 }, '11:57'), L('Het draaiboek voor de oefening is bijgewerkt')]);
    const thursday = screen('a.png', [separator('Donderdag 18:53', { weekday: 4 }, '18:53'), L('Zijn de cijfers van de regio al binnen?'), R('Ik stuur ze vanavond door naar iedereen')]);
    const monday = screen('b.png', [R('Ik stuur ze vanavond door naar iedereen'), separator('Maandag 07:51', { weekday: 1 }, '07:51'), L('Persconferentie om 19:00 vanavond')]);
    const yesterday = screen('0.png', [separator('Gisteren 08:30', { relativeDays: -1 }, '08:30'), L('Levering van de doses is vertraagd')]);
    const result = orderScreens([yesterday, monday, older, thursday]);
    assert.deepEqual(result.screens.map((s) => [s.file, s.gap]), [['z.png', false], ['a.png', true], ['b.png', false], ['0.png', true]]);
    // The gaps were ordered by the separators (not by file name, which puts 0.png first).
    assert.deepEqual([result.screens[1].joinConfidence, result.screens[3].joinConfidence], [0.1, 0.1]);
  });

  it('keeps dates without a year in one year, after those dated another year', () => {
    const newYearsEve = screen('c.png', [separator('vr 31 dec. 2021 om 18:56', { year: 2021, month: 12, day: 31 }, '18:56'), L('Fijne jaarwisseling allemaal')]);
    const first = screen('b.png', [separator('za 1 jan. om 07:34', { month: 1, day: 1 }, '07:34'), L('Het draaiboek voor de oefening is bijgewerkt')]);
    const sixth = screen('a.png', [separator('do 6 jan. om 15:50', { month: 1, day: 6 }, '15:50'), L('Levering van de doses is vertraagd')]);
    assert.deepEqual(orderScreens([sixth, first, newYearsEve]).screens.map((s) => s.file), ['c.png', 'b.png', 'a.png']);
  });

  it('takes a weekday for two to six days back: the day before is Gisteren', () => {
    // Wednesday and Thursday, then (no overlap) Saturday, then Sunday and Gisteren: taken on a
    // Tuesday or Wednesday. Taken on a Friday, Thursday would have been Gisteren.
    const wednesday = screen('e.png', [separator('Woensdag 11:48', { weekday: 3 }, '11:48'), L('Zijn de cijfers van de regio al binnen?'), R('Ik stuur ze vanavond door naar iedereen')]);
    const thursday = screen('d.png', [R('Ik stuur ze vanavond door naar iedereen'), separator('Donderdag 16:52', { weekday: 4 }, '16:52'), L('Persconferentie om 19:00 vanavond')]);
    const saturday = screen('c.png', [separator('Zaterdag 07:50', { weekday: 6 }, '07:50'), L('Levering van de doses is vertraagd')]);
    const sunday = screen('b.png', [separator('Zondag 15:16', { weekday: 0 }, '15:16'), L('Het draaiboek voor de oefening is bijgewerkt'), R('Dank je, ik lees het vanavond')]);
    const yesterday = screen('a.png', [R('Dank je, ik lees het vanavond'), separator('Gisteren 08:06', { relativeDays: -1 }, '08:06'), L('Goedemorgen allemaal, OMT om negen uur')]);
    const result = orderScreens([yesterday, sunday, saturday, thursday, wednesday]);
    assert.deepEqual(result.screens.map((s) => s.file), ['e.png', 'd.png', 'c.png', 'b.png', 'a.png']);
  });
});

describe('screenshot order: synthetic scrolled conversations', () => {
  const SEEDS = 200;

  it(`orders ${SEEDS} shuffled, noisy screenshot sets like the ground truth`, function () {
    this.timeout(120_000);
    let correct = 0;
    let noiseFree = 0;
    let noiseFreeCorrect = 0;
    let adjacent = 0;
    let tau = 0;
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const set = scenario(seed);
      const result = orderScreens(set.layouts, set.hints);
      const problems = differences(set, result);
      const truthOrder = set.windows.map((_, w) => w);
      adjacent += adjacentPairAccuracy(truthOrder, windowSequence(set, result));
      tau += kendallTau(truthOrder, windowSequence(set, result));
      if (!problems.length) correct++;
      else failures.push(`seed ${seed} (noise ${set.noiseRate.toFixed(3)}): ${problems.slice(0, 3).join('; ')}`);
      if (set.noiseRate === 0) {
        noiseFree++;
        if (!problems.length) noiseFreeCorrect++;
      }
    }
    const summary = `${correct}/${SEEDS} fully correct, noise-free ${noiseFreeCorrect}/${noiseFree}, adjacent pairs ${(adjacent / SEEDS).toFixed(4)}, Kendall tau ${(tau / SEEDS).toFixed(4)}`;
    assert.equal(noiseFreeCorrect, noiseFree, `${summary}\n${failures.join('\n')}`);
    assert.ok(correct >= 0.99 * SEEDS, `${summary}\n${failures.join('\n')}`);
  });

  it('is the same for any input order', () => {
    for (let seed = 1000; seed < 1020; seed++) {
      const set = scenario(seed);
      const random = seededRandom(seed);
      const shuffled = [...set.layouts].sort(() => random() - 0.5);
      const hints = [...set.hints].reverse();
      assert.deepEqual(orderScreens(shuffled, hints), orderScreens(set.layouts, set.hints), `seed ${seed}`);
    }
  });

  it('orders 30 screenshots quickly', () => {
    let set = scenario(1);
    for (let seed = 2; set.layouts.length < 30; seed++) set = scenario(seed);
    const started = performance.now();
    orderScreens(set.layouts, set.hints);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `${set.layouts.length} screenshots took ${elapsed.toFixed(0)} ms`);
  });
});
