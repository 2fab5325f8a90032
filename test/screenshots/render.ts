/**
 * Synthetic screenshot sets with ground truth, for the screenshot pipeline (issue 7): a Dutch
 * crisis-team chat (test/screenshots/content.ts) rendered as one long HTML page in headless
 * Chromium (Debian's, through playwright-core), in an iMessage-like or an SMS-like (Android
 * Messages) style, then photographed at scroll offsets the way a person scrolls through a thread:
 * consecutive screenshots share one to five bubbles, sometimes a bubble is cut at an edge,
 * sometimes a scroll step leaves a gap, sometimes the same screen is taken twice. The files get
 * iPhone-like names (`IMG_4821.PNG`) that say nothing about the order.
 *
 *   npx tsx test/screenshots/render.ts <outDir> [--sets N] [--seed S] [--scale 2|3]
 *       [--style imessage|sms] [--no-capture-time]
 *
 * writes `<outDir>/set-000/…` (PNGs + truth.json, see {@link SetTruth}) and `<outDir>/index.json`.
 * The same seed gives byte-identical truth.json files on the same machine (fonts and Chromium
 * decide the boxes); PNG bytes may differ by font rendering.
 *
 * Capture time: most sets write one into each PNG, as an `eXIf` chunk (DateTimeOriginal,
 * OffsetTimeOriginal, UserComment "Screenshot") or as XMP in an `iTXt` chunk
 * (photoshop:DateCreated, xmp:CreateDate); the rest carry none, as after a messenger stripped it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  deriveSeed,
  generateConversation,
  Rng,
  toMinutes,
  type GeneratedConversation,
  type MessageLabel,
  type Span,
} from './content';

// --- Truth ------------------------------------------------------------------------------------

/** A rectangle in image pixels (origin top left), as in src/parsers/screenshots/types.ts. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type StyleName = 'imessage' | 'sms';

/** What a day separator's text says (ISO weekday: 1 = Monday … 7 = Sunday; relative days: 0 today, −1 yesterday). */
export type SeparatorSays =
  | { year?: number; month: number; day: number }
  | { relativeDays: number }
  | { weekday: number };

export interface TruthSeparator {
  kind: 'separator';
  id: string;
  text: string;
  /** The date it stands for (resolved against the capture date), `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM` when the text names a time. */
  time: string | null;
  says: SeparatorSays;
}

export interface TruthMessage {
  kind: 'message';
  id: string;
  side: 'left' | 'right';
  sender: string;
  /** The text exactly as rendered in the bubble (`\n` where the message has a line break). */
  text: string;
  /** The true local time, `YYYY-MM-DDTHH:MM`. */
  time: string;
  /**
   * What the screenshots tell about the time (given every screenshot): the date from the
   * separator above, the minute only when a separator or a time label names this message's time.
   */
  shown: { timestamp: string; precision: 'day' | 'minute' };
  /** A small time under the bubble (SMS style), `HH:MM`. */
  timeLabel: string | null;
  /** A status under the owner's last sent bubble (iMessage style: "Afgeleverd", "Gelezen 14:07", "Delivered"). */
  status: string | null;
  /** The sender's name above the bubble (group chats). */
  label: string | null;
  /** Initials or letter in the avatar beside the bubble. */
  avatar: string | null;
  spans: Span[];
  labels: MessageLabel[];
}

export type TruthItem = TruthSeparator | TruthMessage;

export interface VisibleText {
  text: string;
  box: Box;
  cut: 'top' | 'bottom' | null;
}

/** A bubble or separator as one screenshot shows it. */
export interface VisibleItem {
  id: string;
  kind: 'message' | 'separator';
  /** The visible part, clipped to the chat area, in image pixels. */
  box: Box;
  /** The whole box, in image pixels (may reach outside the image or under the bars). */
  fullBox: Box;
  /** Cut by the chat area's top or bottom edge (by the bars), or null when wholly visible. */
  cut: 'top' | 'bottom' | null;
  /** The rendered (wrapped) text lines that are at least partly visible. */
  lines: Array<VisibleText & { index: number }>;
  /** Name above, time or status under, avatar beside the bubble: when visible. */
  label?: VisibleText;
  timeLabel?: VisibleText;
  status?: VisibleText;
  avatar?: VisibleText;
}

export interface TruthScreenshot {
  file: string;
  /** 0-based position in scroll order (top of the conversation first). */
  position: number;
  /** window.scrollY in CSS pixels; × scale for image pixels. */
  scrollY: number;
  /** Local capture time `YYYY-MM-DDTHH:MM:SS` (also the status bar's clock). */
  capturedAt: string;
  /** Where the capture time is written in the PNG, if anywhere. */
  metadata: 'eXIf' | 'XMP' | null;
  /** The status bar's clock text. */
  statusTime: string;
  items: VisibleItem[];
}

export interface TruthJoin {
  /** Consecutive screenshots in scroll order. */
  from: string;
  to: string;
  /** Items (bubbles and separators) visible, at least partly, in both. */
  overlap: number;
  /** Of those, the ones wholly visible in both. */
  overlapWhole: number;
  shared: string[];
  gap: boolean;
  /** The same screen twice (same scroll offset). */
  duplicate: boolean;
}

export interface SetTruth {
  version: 1;
  seed: number;
  set: number;
  style: {
    name: StyleName;
    /** imessage: `imessage` (blue) or `sms` (green); sms: the sent-bubble palette. */
    variant: string;
    language: 'nl' | 'en';
    scale: number;
    viewport: { width: number; height: number };
    image: { width: number; height: number };
    /** The band between the top bar and the input bar where bubbles scroll, image pixels. */
    chatArea: { top: number; bottom: number };
    fonts: {
      family: string;
      /** CSS pixels (× scale for image pixels). */
      bubblePx: number;
      lineHeightPx: number;
      separatorPx: number;
      labelPx: number;
      metaPx: number;
    };
    colors: Record<string, string>;
  };
  /** The top bar's text. */
  title: string;
  owner: string;
  participants: string[];
  group: boolean;
  /** The local date the screenshots were taken (what "Vandaag" means). */
  capturedOn: string;
  /** Capture times rise with scroll order (`down`) or fall (`up`: scrolled from the bottom up). */
  captureDirection: 'down' | 'up';
  /**
   * Fixed texts around the chat (status bar, top bar, input bar), image pixels. The status bar's
   * clock (`statusTime`) has an empty text here: it differs per screenshot (screenshots[].statusTime).
   */
  chrome: Array<{ kind: string; text: string; box: Box }>;
  conversation: TruthItem[];
  /** File names as on disk (sorted): shuffled relative to the order. */
  files: string[];
  /** File names in true scroll order. */
  order: string[];
  screenshots: TruthScreenshot[];
  joins: TruthJoin[];
  /** Joins without overlap, with the items no screenshot shows between them. */
  gaps: Array<{ after: string; before: string; missing: string[] }>;
  /** Items that no screenshot shows at all. */
  unseen: string[];
}

export interface RenderOptions {
  /** Number of sets (default 10). Set k is the same whatever the number of sets. */
  sets?: number;
  seed?: number;
  /** deviceScaleFactor: 3 (default, 1170×2532 for iMessage) or 2. */
  scale?: number;
  /** Only these styles (default: both, chosen per set). */
  styles?: StyleName[];
  /** Write capture times into the PNGs (default true; some sets still carry none). */
  captureTime?: boolean;
  minMessages?: number;
  maxMessages?: number;
  chromiumPath?: string;
  /** Pages rendering at once (default 2: this machine has two cores). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface RenderSummary {
  outDir: string;
  sets: Array<{ dir: string; style: StyleName; messages: number; screenshots: number; ms: number }>;
  screenshots: number;
  ms: number;
}

// --- Chromium ---------------------------------------------------------------------------------

/** Debian's Chromium (or CHROMIUM_PATH), as the end-to-end tests use it; null when missing. */
export function findChromium(): string | null {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : null;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
  // Colours in the PNG exactly as in the CSS.
  '--force-color-profile=srgb',
  // The pages are self-contained: nothing resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

// --- Styles -----------------------------------------------------------------------------------

interface Style {
  name: StyleName;
  variant: string;
  language: 'nl' | 'en';
  viewport: { width: number; height: number };
  /** CSS pixels: status bar + top bar, input bar (+ home indicator / gesture bar). */
  topHeight: number;
  bottomHeight: number;
  family: string;
  bubblePx: number;
  lineHeightPx: number;
  separatorPx: number;
  labelPx: number;
  metaPx: number;
  colors: Record<string, string>;
}

const SMS_PALETTES: Record<string, { right: string; rightText: string }> = {
  blue: { right: '#d3e3fd', rightText: '#041e49' },
  strong: { right: '#0b57d0', rightText: '#ffffff' },
  green: { right: '#c4eed0', rightText: '#072711' },
  rose: { right: '#ffd8e4', rightText: '#31111d' },
};

function makeStyle(rng: Rng, name: StyleName): Style {
  const language = rng.chance(0.8) ? 'nl' : 'en';
  if (name === 'imessage') {
    const variant = rng.chance(0.75) ? 'imessage' : 'sms';
    return {
      name,
      variant,
      language,
      viewport: { width: 390, height: 844 },
      topHeight: 47 + 86,
      bottomHeight: 56 + 34,
      family: 'Liberation Sans',
      bubblePx: 17,
      lineHeightPx: 22,
      separatorPx: 12,
      labelPx: 11,
      metaPx: 11,
      colors: {
        background: '#ffffff',
        bars: '#f6f6f6',
        left: '#e9e9eb',
        leftText: '#000000',
        right: variant === 'imessage' ? '#007aff' : '#34c759',
        rightText: '#ffffff',
        separator: '#8e8e93',
        meta: '#8e8e93',
        accent: '#007aff',
      },
    };
  }
  const variant = rng.pick(Object.keys(SMS_PALETTES));
  const palette = SMS_PALETTES[variant];
  const grey = rng.chance(0.5);
  return {
    name,
    variant,
    language,
    viewport: { width: 412, height: 892 },
    topHeight: 28 + 64,
    bottomHeight: 72 + 24,
    family: 'DejaVu Sans',
    bubblePx: 16,
    lineHeightPx: 22,
    separatorPx: 12,
    labelPx: 12,
    metaPx: 12,
    colors: {
      background: grey ? '#f8f9fa' : '#ffffff',
      bars: grey ? '#f8f9fa' : '#ffffff',
      left: grey ? '#e3e6ea' : '#eef1f5',
      leftText: '#1f1f1f',
      right: palette.right,
      rightText: palette.rightText,
      separator: '#5f6368',
      meta: '#5f6368',
      accent: '#0b57d0',
    },
  };
}

// --- Dates ------------------------------------------------------------------------------------

const NL_DAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const NL_DAYS_SHORT = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const NL_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const NL_MONTHS_SHORT = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Civil {
  year: number;
  month: number;
  day: number;
  weekday: number; // 0 = Sunday, as Date.getUTCDay
  hhmm: string;
  dayNumber: number; // days since the epoch
}

function civil(minutes: number): Civil {
  const d = new Date(minutes * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hhmm: d.toISOString().slice(11, 16),
    dayNumber: Math.floor(minutes / 1440),
  };
}

/** A separator's text (with the part iOS shows in bold), what it says, and whether it names the time. */
function separatorText(style: Style, at: Civil, now: Civil, firstOfDay: boolean): { bold: string; rest: string; says: SeparatorSays; time: string | null } {
  const diff = now.dayNumber - at.dayNumber;
  const nl = style.language === 'nl';
  const isoWeekday = ((at.weekday + 6) % 7) + 1;
  const t = at.hhmm;
  if (style.name === 'imessage') {
    if (diff === 0) return { bold: nl ? 'Vandaag' : 'Today', rest: ` ${t}`, says: { relativeDays: 0 }, time: t };
    if (diff === 1) return { bold: nl ? 'Gisteren' : 'Yesterday', rest: ` ${t}`, says: { relativeDays: -1 }, time: t };
    if (diff < 7) return { bold: nl ? capitalize(NL_DAYS[at.weekday]) : EN_DAYS[at.weekday], rest: ` ${t}`, says: { weekday: isoWeekday }, time: t };
    const sameYear = at.year === now.year;
    if (nl) {
      const day = `${NL_DAYS_SHORT[at.weekday]} ${at.day} ${NL_MONTHS_SHORT[at.month - 1]}${sameYear ? '' : ` ${at.year}`}`;
      return { bold: day, rest: ` om ${t}`, says: sameYear ? { month: at.month, day: at.day } : { year: at.year, month: at.month, day: at.day }, time: t };
    }
    const day = `${EN_DAYS[at.weekday].slice(0, 3)}, ${at.day} ${EN_MONTHS[at.month - 1].slice(0, 3)}${sameYear ? '' : ` ${at.year}`}`;
    return { bold: day, rest: ` at ${t}`, says: sameYear ? { month: at.month, day: at.day } : { year: at.year, month: at.month, day: at.day }, time: t };
  }
  // Android Messages.
  if (diff === 0) return { bold: '', rest: `${nl ? 'Vandaag' : 'Today'} · ${t}`, says: { relativeDays: 0 }, time: t };
  if (diff === 1) return { bold: '', rest: `${nl ? 'Gisteren' : 'Yesterday'} · ${t}`, says: { relativeDays: -1 }, time: t };
  if (diff < 7) return { bold: '', rest: `${nl ? capitalize(NL_DAYS[at.weekday]) : EN_DAYS[at.weekday]} · ${t}`, says: { weekday: isoWeekday }, time: t };
  if (at.year === now.year) {
    const text = nl
      ? `${capitalize(NL_DAYS[at.weekday])} ${at.day} ${NL_MONTHS[at.month - 1]} · ${t}`
      : `${EN_DAYS[at.weekday]}, ${at.day} ${EN_MONTHS[at.month - 1]} · ${t}`;
    return { bold: '', rest: text, says: { month: at.month, day: at.day }, time: t };
  }
  // Another year: the date alone the first time that day, with the time for a later break the same day.
  const text = nl ? `${at.day} ${NL_MONTHS_SHORT[at.month - 1]} ${at.year}` : `${at.day} ${EN_MONTHS[at.month - 1].slice(0, 3)} ${at.year}`;
  const says = { year: at.year, month: at.month, day: at.day };
  return firstOfDay ? { bold: '', rest: text, says, time: null } : { bold: '', rest: `${text} · ${t}`, says, time: t };
}

/** The Netherlands' UTC offset on a local date-time (CEST from the last Sunday of March to the last of October). */
function dutchOffset(minutes: number): string {
  const c = civil(minutes);
  const lastSunday = (month: number): number => {
    const last = new Date(Date.UTC(c.year, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const march = lastSunday(3);
  const october = lastSunday(10);
  const afterStart = c.month > 3 || (c.month === 3 && (c.day > march || (c.day === march && c.hhmm >= '02:00')));
  const beforeEnd = c.month < 10 || (c.month === 10 && (c.day < october || (c.day === october && c.hhmm < '03:00')));
  return afterStart && beforeEnd ? '+02:00' : '+01:00';
}

// --- The page ---------------------------------------------------------------------------------

interface Row {
  item: TruthItem;
  /** Separator: the bold part (iMessage). */
  bold?: string;
  rest?: string;
  /** Message: position in its run. */
  first?: boolean;
  last?: boolean;
  avatarSlot?: boolean;
  avatarColor?: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase();
}

const ICONS = {
  signal: (c: string) =>
    `<svg width="18" height="12" viewBox="0 0 18 12">${[0, 1, 2, 3].map((i) => `<rect x="${i * 4.6}" y="${9 - i * 3}" width="3.2" height="${3 + i * 3}" rx="0.8" fill="${c}"/>`).join('')}</svg>`,
  wifi: (c: string) =>
    `<svg width="17" height="12" viewBox="0 0 17 12" fill="none" stroke="${c}" stroke-width="2" stroke-linecap="round"><path d="M1.5 4.2 A10 10 0 0 1 15.5 4.2"/><path d="M4.2 7 A6 6 0 0 1 12.8 7"/><circle cx="8.5" cy="10.2" r="1.2" fill="${c}" stroke="none"/></svg>`,
  battery: (c: string, level: number, text: string) =>
    `<svg width="27" height="13" viewBox="0 0 27 13"><rect x="0.5" y="0.5" width="23" height="12" rx="3.5" fill="none" stroke="${c}" stroke-opacity="0.4"/><rect x="2" y="2" width="${(20 * level) / 100}" height="9" rx="2" fill="${c}"/><rect x="24.5" y="4.5" width="1.8" height="4" rx="0.9" fill="${c}" fill-opacity="0.4"/>${text}</svg>`,
  back: (c: string) =>
    `<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="${c}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><polyline points="11,5 4,12 11,19"/><line x1="4.5" y1="12" x2="20" y2="12"/></svg>`,
  chevron: (c: string) =>
    `<svg width="13" height="22" viewBox="0 0 13 22" fill="none" stroke="${c}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"><polyline points="11,2 2,11 11,20"/></svg>`,
  phone: (c: string) =>
    `<svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="${c}" stroke-width="2" stroke-linejoin="round"><path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z"/></svg>`,
  dots: (c: string) => `<svg width="22" height="22" viewBox="0 0 24 24" fill="${c}"><circle cx="12" cy="5" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="12" cy="19" r="2"/></svg>`,
  video: (c: string) =>
    `<svg width="28" height="20" viewBox="0 0 28 20" fill="none" stroke="${c}" stroke-width="2" stroke-linejoin="round"><rect x="1" y="3" width="18" height="14" rx="3"/><path d="M19 8l7-4v12l-7-4z"/></svg>`,
  mic: (c: string) =>
    `<svg width="20" height="22" viewBox="0 0 20 24" fill="none" stroke="${c}" stroke-width="2" stroke-linecap="round"><rect x="6" y="2" width="8" height="13" rx="4"/><path d="M2 11a8 8 0 0 0 16 0"/><line x1="10" y1="19" x2="10" y2="22"/></svg>`,
  plus: (c: string) =>
    `<svg width="16" height="16" viewBox="0 0 16 16" stroke="${c}" stroke-width="2" stroke-linecap="round"><line x1="8" y1="2" x2="8" y2="14"/><line x1="2" y1="8" x2="14" y2="8"/></svg>`,
};

function pageHtml(style: Style, rows: Row[], title: string, group: boolean, battery: number, others: Array<{ name: string; color: string }>): string {
  const c = style.colors;
  const ios = style.name === 'imessage';
  const nl = style.language === 'nl';
  const css = ios
    ? `
body{margin:0;background:${c.background};font-family:'${style.family}','Noto Color Emoji',sans-serif;color:#000}
#status{position:fixed;left:0;right:0;top:0;height:47px;background:${c.bars};z-index:10;display:flex;align-items:center;justify-content:space-between;padding:4px 26px 0 50px;box-sizing:border-box}
#clock{font-size:17px;font-weight:bold;letter-spacing:-0.2px}
#status .icons{display:flex;gap:6px;align-items:center}
#top{position:fixed;left:0;right:0;top:47px;height:86px;background:${c.bars};z-index:10;border-bottom:0.5px solid #c6c6c8;box-sizing:border-box}
#back{position:absolute;left:10px;top:16px;display:flex;align-items:center;gap:4px;color:${c.accent};font-size:17px}
#back .count{background:${c.accent};color:#fff;border-radius:11px;font-size:15px;padding:2px 8px}
#top .avatar{position:absolute;left:50%;top:6px;width:52px;height:52px;margin-left:-26px;border-radius:50%;background:linear-gradient(#a5abb9,#858994);color:#fff;font-size:22px;display:flex;align-items:center;justify-content:center}
#top .avatar span{line-height:1}
#title{position:absolute;left:0;right:0;top:62px;text-align:center;font-size:12px;color:#000}
#top .video{position:absolute;right:16px;top:20px}
#thread{padding:${style.topHeight + 10}px 0 ${style.bottomHeight + 12}px}
.sep{text-align:center;font-size:${style.separatorPx}px;color:${c.separator};margin:16px 0 8px;line-height:16px}
.sep span{display:inline-block}
.row{display:flex;flex-direction:column;padding:0 16px 0 ${group ? 12 : 16}px;margin-top:2px}
.row.first{margin-top:10px}
.row.r{align-items:flex-end}
.row.l{align-items:flex-start}
.line{display:flex;align-items:flex-end;max-width:100%}
.row.r .line{justify-content:flex-end}
.avatar{width:28px;height:28px;border-radius:50%;background:linear-gradient(#a5abb9,#858994);color:#fff;font-size:11px;display:flex;align-items:center;justify-content:center;flex:none;margin-right:8px}
.avatar.slot{visibility:hidden}
.bubble{position:relative;max-width:264px;padding:7px 12px;border-radius:18px;font-size:${style.bubblePx}px;line-height:${style.lineHeightPx}px;white-space:pre-wrap;overflow-wrap:anywhere}
.r .bubble{background:${c.right};color:${c.rightText}}
.l .bubble{background:${c.left};color:${c.leftText}}
.r.last .bubble::before{content:"";position:absolute;bottom:0;right:-7px;width:20px;height:18px;background:${c.right};border-bottom-left-radius:15px 14px}
.r.last .bubble::after{content:"";position:absolute;bottom:0;right:-10px;width:10px;height:18px;background:${c.background};border-bottom-left-radius:10px}
.l.last .bubble::before{content:"";position:absolute;bottom:0;left:-7px;width:20px;height:18px;background:${c.left};border-bottom-right-radius:15px 14px}
.l.last .bubble::after{content:"";position:absolute;bottom:0;left:-10px;width:10px;height:18px;background:${c.background};border-bottom-right-radius:10px}
.label{font-size:${style.labelPx}px;color:${c.meta};margin:0 0 2px ${group ? 48 : 12}px}
.meta{font-size:${style.metaPx}px;color:${c.meta};margin:3px 4px 0;font-weight:bold}
#input{position:fixed;left:0;right:0;bottom:0;height:${style.bottomHeight}px;background:${c.background};z-index:10}
#input .plus{position:absolute;left:12px;top:9px;width:34px;height:34px;border-radius:50%;background:#e9e9eb;display:flex;align-items:center;justify-content:center}
#input .field{position:absolute;left:56px;right:12px;top:7px;height:36px;border:1px solid #c7c7cc;border-radius:18px;box-sizing:border-box;display:flex;align-items:center;justify-content:space-between;padding:0 10px 0 14px;font-size:17px;color:#a4a4a8}
#home{position:absolute;left:50%;bottom:8px;width:134px;height:5px;margin-left:-67px;border-radius:3px;background:#000}
`
    : `
body{margin:0;background:${c.background};font-family:'${style.family}','Noto Color Emoji',sans-serif;color:#1f1f1f}
#status{position:fixed;left:0;right:0;top:0;height:28px;background:${c.bars};z-index:10;display:flex;align-items:center;justify-content:space-between;padding:0 16px 0 20px;box-sizing:border-box;font-size:14px}
#status .icons{display:flex;gap:6px;align-items:center}
#top{position:fixed;left:0;right:0;top:28px;height:64px;background:${c.bars};z-index:10;display:flex;align-items:center;padding:0 8px 0 12px;box-sizing:border-box;gap:12px}
#top .avatar{width:40px;height:40px;border-radius:50%;background:${others[0].color};color:#fff;font-size:18px;display:flex;align-items:center;justify-content:center;flex:none}
#title{flex:1;font-size:20px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#top .icons{display:flex;gap:16px;margin-right:8px}
#thread{padding:${style.topHeight + 8}px 0 ${style.bottomHeight + 12}px}
.sep{text-align:center;font-size:${style.separatorPx}px;color:${c.separator};margin:18px 0 10px;line-height:16px}
.sep span{display:inline-block}
.row{display:flex;flex-direction:column;padding:0 12px;margin-top:2px}
.row.first{margin-top:12px}
.row.r{align-items:flex-end}
.row.l{align-items:flex-start}
.line{display:flex;align-items:flex-end;max-width:100%}
.avatar{width:34px;height:34px;border-radius:50%;color:#fff;font-size:15px;display:flex;align-items:center;justify-content:center;flex:none;margin-right:8px}
.avatar.slot{visibility:hidden}
.bubble{max-width:${Math.round(style.viewport.width * 0.7)}px;padding:10px 14px;border-radius:20px;font-size:${style.bubblePx}px;line-height:${style.lineHeightPx}px;white-space:pre-wrap;overflow-wrap:anywhere}
.r .bubble{background:${c.right};color:${c.rightText}}
.l .bubble{background:${c.left};color:${c.leftText}}
.r:not(.first) .bubble{border-top-right-radius:4px}
.r:not(.last) .bubble{border-bottom-right-radius:4px}
.l:not(.first) .bubble{border-top-left-radius:4px}
.l:not(.last) .bubble{border-bottom-left-radius:4px}
.label{font-size:${style.labelPx}px;color:${c.meta};margin:0 0 3px 56px}
.meta{font-size:${style.metaPx}px;color:${c.meta};margin:4px 6px 0}
.l .meta{margin-left:48px}
#input{position:fixed;left:0;right:0;bottom:0;height:${style.bottomHeight}px;background:${c.bars};z-index:10}
#input .plus{position:absolute;left:12px;top:16px;width:40px;height:40px;border-radius:50%;background:#d3e3fd;display:flex;align-items:center;justify-content:center}
#input .field{position:absolute;left:62px;right:12px;top:12px;height:48px;border-radius:24px;background:${c.left};box-sizing:border-box;display:flex;align-items:center;justify-content:space-between;padding:0 16px 0 18px;font-size:16px;color:#5f6368}
#home{position:absolute;left:50%;bottom:9px;width:108px;height:4px;margin-left:-54px;border-radius:2px;background:#1f1f1f}
`;
  const parts: string[] = [];
  for (const row of rows) {
    const it = row.item;
    if (it.kind === 'separator') {
      const inner = row.bold ? `<b>${escapeHtml(row.bold)}</b>${escapeHtml(row.rest ?? '')}` : escapeHtml(row.rest ?? '');
      parts.push(`<div class="sep" data-id="${it.id}"><span class="t">${inner}</span></div>`);
      continue;
    }
    const cls = ['row', it.side === 'right' ? 'r' : 'l', row.first ? 'first' : '', row.last ? 'last' : ''].filter(Boolean).join(' ');
    const label = it.label ? `<div class="label"><span class="t">${escapeHtml(it.label)}</span></div>` : '';
    const avatar = it.avatar
      ? `<div class="avatar"${ios ? '' : ` style="background:${row.avatarColor}"`}><span class="t">${escapeHtml(it.avatar)}</span></div>`
      : row.avatarSlot
        ? '<div class="avatar slot"></div>'
        : '';
    const metaText = it.timeLabel ?? it.status;
    const meta = metaText ? `<div class="meta"><span class="t">${escapeHtml(metaText)}</span></div>` : '';
    parts.push(`<div class="${cls}" data-id="${it.id}">${label}<div class="line">${avatar}<div class="bubble">${escapeHtml(it.text)}</div></div>${meta}</div>`);
  }
  const titleInitials = group ? (others.length > 1 ? `${initials(others[0].name)[0]}${initials(others[1].name)[0]}` : initials(title)) : initials(title);
  const top = ios
    ? `<div id="status"><span id="clock" class="chrome" data-kind="statusTime">9:41</span><span class="icons">${ICONS.signal('#000')}${ICONS.wifi('#000')}${ICONS.battery('#000', battery, '')}</span></div>
<div id="top"><div id="back">${ICONS.chevron(c.accent)}<span class="count chrome" data-kind="backCount">${(battery % 23) + 2}</span></div>
<div class="avatar"><span class="chrome" data-kind="titleAvatar">${escapeHtml(titleInitials)}</span></div>
<div id="title"><span class="chrome" data-kind="title">${escapeHtml(title)} ›</span></div><div class="video">${style.variant === 'imessage' ? ICONS.video(c.accent) : ''}</div></div>`
    : `<div id="status"><span id="clock" class="chrome" data-kind="statusTime">9:41</span><span class="icons">${ICONS.signal('#1f1f1f')}${ICONS.wifi('#1f1f1f')}<span class="chrome" data-kind="battery">${battery}%</span></span></div>
<div id="top">${ICONS.back('#1f1f1f')}<div class="avatar"><span class="chrome" data-kind="titleAvatar">${escapeHtml(titleInitials[0] ?? '')}</span></div><div id="title"><span class="chrome" data-kind="title">${escapeHtml(title)}</span></div><div class="icons">${ICONS.phone('#1f1f1f')}${ICONS.dots('#1f1f1f')}</div></div>`;
  const placeholder = ios ? (style.variant === 'imessage' ? 'iMessage' : nl ? 'Tekstbericht' : 'Text Message') : nl ? 'Sms-bericht' : 'Text message';
  const input = `<div id="input"><div class="plus">${ICONS.plus(ios ? '#8e8e93' : '#041e49')}</div><div class="field"><span class="chrome" data-kind="placeholder">${placeholder}</span>${ICONS.mic(ios ? '#8e8e93' : '#444746')}</div><div id="home"></div></div>`;
  return `<!doctype html><html lang="${style.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>${css}</style></head><body>${top}<div id="thread">${parts.join('')}</div>${input}</body></html>`;
}

// --- Measuring --------------------------------------------------------------------------------

interface CssRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface MeasuredText {
  text: string;
  rect: CssRect;
}

interface Measured {
  id: string;
  /** Bubble or separator text, document coordinates (CSS px). */
  rect: CssRect;
  lines: MeasuredText[];
  label?: MeasuredText;
  meta?: MeasuredText;
  avatar?: MeasuredText;
}

interface Layout {
  items: Measured[];
  chrome: Array<{ kind: string; text: string; rect: CssRect }>;
  docHeight: number;
}

// The browser types the page callback uses (tsconfig has no DOM lib).
interface DomRect {
  x: number;
  y: number;
  width: number;
  height: number;
  top: number;
}
interface DomNode {
  textContent: string | null;
  firstChild: DomNode | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): DomRect;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}
interface DomRange {
  setStart(node: DomNode, offset: number): void;
  setEnd(node: DomNode, offset: number): void;
  getBoundingClientRect(): DomRect;
}
declare const document: DomNode & { createRange(): DomRange; documentElement: { scrollHeight: number } };
declare const window: { scrollY: number; scrollTo(x: number, y: number): void; requestAnimationFrame(cb: () => void): void };

/** Runs in the page: every item's box, its wrapped lines (character by character), label, time, avatar. */
function measurePage(lineHeight: number): Layout {
  const round = (n: number): number => Math.round(n * 100) / 100;
  const rectOf = (r: DomRect): CssRect => ({ x: round(r.x), y: round(r.y + window.scrollY), width: round(r.width), height: round(r.height) });
  const textOf = (el: DomNode | null): MeasuredText | undefined =>
    el ? { text: el.textContent ?? '', rect: rectOf(el.getBoundingClientRect()) } : undefined;
  const range = document.createRange();
  const linesOf = (el: DomNode): MeasuredText[] => {
    const lines: Array<{ text: string; top: number; x0: number; y0: number; x1: number; y1: number }> = [];
    const collect = (node: DomNode): void => {
      // Text nodes have no firstChild and their own textContent; <b> in a separator holds one.
      const isText = (node as unknown as { nodeType: number }).nodeType === 3;
      if (!isText) {
        for (let ch = node.firstChild; ch; ch = (ch as unknown as { nextSibling: DomNode | null }).nextSibling) collect(ch);
        return;
      }
      const s = node.textContent ?? '';
      let off = 0;
      let forceNew = false;
      for (const ch of s) {
        const len = ch.length;
        if (ch === '\n') {
          forceNew = true;
          off += len;
          continue;
        }
        range.setStart(node, off);
        range.setEnd(node, off + len);
        off += len;
        const r = range.getBoundingClientRect();
        const blank = /\s/.test(ch);
        const cur = lines[lines.length - 1];
        if (!blank && (forceNew || !cur || r.top >= cur.top + lineHeight / 2)) {
          lines.push({ text: ch, top: r.top, x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });
          forceNew = false;
          continue;
        }
        if (!cur) continue;
        cur.text += ch;
        if (!blank && r.width > 0) {
          cur.x0 = Math.min(cur.x0, r.x);
          cur.y0 = Math.min(cur.y0, r.y);
          cur.x1 = Math.max(cur.x1, r.x + r.width);
          cur.y1 = Math.max(cur.y1, r.y + r.height);
        }
      }
    };
    collect(el);
    return lines.map((l) => ({
      text: l.text.replace(/\s+$/u, ''),
      rect: { x: round(l.x0), y: round(l.y0 + window.scrollY), width: round(l.x1 - l.x0), height: round(l.y1 - l.y0) },
    }));
  };
  const items: Measured[] = [];
  const nodes = document.querySelectorAll('[data-id]');
  for (let i = 0; i < nodes.length; i++) {
    const el = nodes[i];
    const id = el.getAttribute('data-id') ?? '';
    const box = el.querySelector('.bubble') ?? el.querySelector('.t');
    if (!box) continue;
    const m: Measured = { id, rect: rectOf(box.getBoundingClientRect()), lines: linesOf(box) };
    const label = textOf(el.querySelector('.label .t'));
    const meta = textOf(el.querySelector('.meta .t'));
    const avatar = textOf(el.querySelector('.avatar .t'));
    if (label) m.label = label;
    if (meta) m.meta = meta;
    if (avatar) m.avatar = avatar;
    items.push(m);
  }
  const chrome: Layout['chrome'] = [];
  const fixed = document.querySelectorAll('.chrome');
  for (let i = 0; i < fixed.length; i++) {
    const el = fixed[i];
    const r = el.getBoundingClientRect();
    chrome.push({ kind: el.getAttribute('data-kind') ?? '', text: el.textContent ?? '', rect: { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) } });
  }
  return { items, chrome, docHeight: document.documentElement.scrollHeight };
}

// --- PNG metadata -----------------------------------------------------------------------------

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A big-endian TIFF with IFD0 → Exif IFD: DateTimeOriginal, OffsetTimeOriginal, UserComment "Screenshot". */
export function exifPayload(capturedAt: string, offset: string): Buffer {
  const dateTime = `${capturedAt.slice(0, 10).replace(/-/g, ':')} ${capturedAt.slice(11, 19)}\0`; // 20 bytes
  const offsetTime = `${offset}\0`; // 7 bytes
  const comment = Buffer.concat([Buffer.from('ASCII\0\0\0', 'latin1'), Buffer.from('Screenshot', 'latin1')]);
  const ifd0At = 8;
  const ifd0Size = 2 + 12 + 4;
  const exifAt = ifd0At + ifd0Size;
  const exifEntries = 3;
  const exifSize = 2 + exifEntries * 12 + 4;
  let dataAt = exifAt + exifSize;
  const out = Buffer.alloc(dataAt + dateTime.length + offsetTime.length + comment.length + 2);
  out.write('MM\0\x2a', 0, 'latin1');
  out.writeUInt32BE(ifd0At, 4);
  // IFD0: one entry, the Exif IFD pointer.
  out.writeUInt16BE(1, ifd0At);
  out.writeUInt16BE(0x8769, ifd0At + 2);
  out.writeUInt16BE(4, ifd0At + 4); // LONG
  out.writeUInt32BE(1, ifd0At + 6);
  out.writeUInt32BE(exifAt, ifd0At + 10);
  out.writeUInt32BE(0, ifd0At + 14);
  // Exif IFD, tags ascending.
  out.writeUInt16BE(exifEntries, exifAt);
  const entry = (i: number, tag: number, type: number, count: number, value: Buffer): void => {
    const at = exifAt + 2 + i * 12;
    out.writeUInt16BE(tag, at);
    out.writeUInt16BE(type, at + 2);
    out.writeUInt32BE(count, at + 4);
    out.writeUInt32BE(dataAt, at + 8);
    value.copy(out, dataAt);
    dataAt += value.length + (value.length % 2); // word-aligned
  };
  entry(0, 0x9003, 2, dateTime.length, Buffer.from(dateTime, 'latin1'));
  entry(1, 0x9011, 2, offsetTime.length, Buffer.from(offsetTime, 'latin1'));
  entry(2, 0x9286, 7, comment.length, comment);
  out.writeUInt32BE(0, exifAt + 2 + exifEntries * 12);
  return out.subarray(0, dataAt);
}

export function xmpPacket(capturedAt: string, offset: string): string {
  const stamp = `${capturedAt}${offset}`;
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '  <rdf:Description rdf:about=""\n' +
    '    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"\n' +
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n' +
    '    xmlns:exif="http://ns.adobe.com/exif/1.0/">\n' +
    `   <photoshop:DateCreated>${stamp}</photoshop:DateCreated>\n` +
    `   <xmp:CreateDate>${stamp}</xmp:CreateDate>\n` +
    '   <exif:UserComment>Screenshot</exif:UserComment>\n' +
    '  </rdf:Description>\n' +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="r"?>'
  );
}

/** The PNG with a capture-time chunk right after IHDR (before any IDAT, as eXIf must be). */
export function withCaptureTime(png: Buffer, kind: 'eXIf' | 'XMP', capturedAt: string, offset: string): Buffer {
  const ihdrEnd = 8 + 8 + 13 + 4;
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG with IHDR first');
  const chunk =
    kind === 'eXIf'
      ? pngChunk('eXIf', exifPayload(capturedAt, offset))
      : pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmpPacket(capturedAt, offset), 'utf8')]));
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

// --- One set ----------------------------------------------------------------------------------

const AVATAR_COLORS = ['#1e8e3e', '#d93025', '#1a73e8', '#e37400', '#9334e6', '#007b83'];

interface Planned {
  style: Style;
  conv: GeneratedConversation;
  rows: Row[];
  items: TruthItem[];
  now: Civil;
  captureStart: number; // seconds since epoch, local
  battery: number;
  /** The other people with their avatar colours (top bar and beside bubbles). */
  avatars: Array<{ name: string; color: string }>;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The conversation as rows: separators where the day changes or an hour passed, run positions, labels, times. */
function plan(rng: Rng, styleName: StyleName, count: number): Planned {
  const style = makeStyle(rng, styleName);
  const year = rng.int(2020, 2024);
  const start = toMinutes(year, rng.int(1, 12), rng.int(1, 28), rng.int(7, 11), rng.int(0, 59));
  const conv = generateConversation(rng, count, start);
  const msgs = conv.messages;
  const lastMinutes = Math.floor(Date.parse(`${msgs[msgs.length - 1].time}:00Z`) / 60000);
  const later = rng.weighted<[number, number]>([
    [[3, 90], 35],
    [[1440, 6 * 1440], 25],
    [[8 * 1440, 60 * 1440], 25],
    [[300 * 1440, 500 * 1440], 15],
  ]);
  let captureMinutes = lastMinutes + rng.int(later[0], later[1]);
  const minuteOfDay = captureMinutes % 1440;
  if (minuteOfDay > 23 * 60 + 20) captureMinutes -= 60; // the whole set on one day
  if (minuteOfDay < 6 * 60 && captureMinutes - lastMinutes > 1440) captureMinutes += 9 * 60;
  if (captureMinutes <= lastMinutes) captureMinutes = lastMinutes + 2;
  const now = civil(captureMinutes);
  const battery = rng.int(18, 97);

  const othersStyled = conv.others.map((p, i) => ({ name: p.name, color: AVATAR_COLORS[(i + rng.int(0, 5)) % AVATAR_COLORS.length] }));
  const colorOf = new Map(othersStyled.map((o) => [o.name, o.color]));
  const ios = style.name === 'imessage';
  const rows: Row[] = [];
  const items: TruthItem[] = [];
  let prevMinutes = -Infinity;
  let prevSender = '';
  let sepCount = 0;
  let sepDate = '';
  let sepTime: string | null = null;
  let justAfterSep = false;
  const lastSent = msgs.map((m) => m.side).lastIndexOf('right');
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i];
    const minutes = Math.floor(Date.parse(`${m.time}:00Z`) / 60000);
    const at = civil(minutes);
    const newDay = Math.floor(prevMinutes / 1440) !== at.dayNumber;
    if (newDay || minutes - prevMinutes >= 60) {
      const t = separatorText(style, at, now, newDay);
      sepCount++;
      const sep: TruthSeparator = {
        kind: 'separator',
        id: `d${pad2(sepCount)}`,
        text: t.bold + t.rest,
        date: m.time.slice(0, 10),
        time: t.time,
        says: t.says,
      };
      items.push(sep);
      rows.push({ item: sep, bold: t.bold, rest: t.rest });
      sepDate = sep.date;
      sepTime = t.time;
      justAfterSep = true;
      prevSender = '';
    }
    const next = msgs[i + 1];
    const first = m.sender !== prevSender;
    const nextMinutes = next ? Math.floor(Date.parse(`${next.time}:00Z`) / 60000) : Infinity;
    const nextBreaks = !next || next.sender !== m.sender || civil(nextMinutes).dayNumber !== at.dayNumber || nextMinutes - minutes >= 60;
    const last = nextBreaks;
    const left = m.side === 'left';
    const showAvatar = left && last && (ios ? conv.group : true);
    const avatarSlot = left && (ios ? conv.group : true);
    let timeLabel: string | null = null;
    if (!ios && last && (!next || rng.chance(0.6))) timeLabel = at.hhmm;
    let status: string | null = null;
    if (ios && i === lastSent && style.variant === 'imessage') {
      const nl = style.language === 'nl';
      const readAt = minutes + rng.int(1, 9);
      status = rng.chance(0.6) || readAt > captureMinutes
        ? nl
          ? 'Afgeleverd'
          : 'Delivered'
        : `${nl ? 'Gelezen' : 'Read'} ${civil(readAt).hhmm}`;
    }
    const sender = conv.others.find((p) => p.name === m.sender) ?? conv.owner;
    const label = conv.group && left && first ? (ios ? sender.name : sender.first) : null;
    const minute = (justAfterSep && sepTime === at.hhmm) || timeLabel !== null;
    const message: TruthMessage = {
      kind: 'message',
      id: `m${String(i + 1).padStart(3, '0')}`,
      side: m.side,
      sender: m.sender,
      text: m.text,
      time: m.time,
      shown: minute ? { timestamp: `${sepDate}T${at.hhmm}`, precision: 'minute' } : { timestamp: sepDate, precision: 'day' },
      timeLabel,
      status,
      label,
      avatar: showAvatar ? (ios ? initials(m.sender) : initials(m.sender)[0]) : null,
      spans: m.spans,
      labels: m.labels,
    };
    items.push(message);
    rows.push({ item: message, first, last, avatarSlot, avatarColor: colorOf.get(m.sender) });
    prevMinutes = minutes;
    prevSender = m.sender;
    justAfterSep = false;
  }
  const captureStart = captureMinutes * 60 + rng.int(0, 59);
  return { style, conv, rows, items, now, captureStart, battery, avatars: othersStyled };
}

interface Span1D {
  id: string;
  top: number;
  bottom: number;
}

/**
 * Scroll offsets (CSS px) from the top to the bottom of the thread: each step keeps one to five
 * items of the screen before (sometimes cutting the top one), at least one of them wholly visible
 * on both screens, now and then a step with no overlap, now and then the same offset twice.
 *
 * Why the whole item: a step whose only shared item is one bubble cut at the bottom of one screen
 * and at the top of the next shares no text — to the reader (and to the pipeline) that is a gap,
 * while the truth would call it an overlap. The issue asks for sets with overlaps, and gaps that
 * are meant as gaps; the deliberate gap steps below stay.
 */
function scrollPlan(rng: Rng, spans: Span1D[], areaTop: number, areaHeight: number, maxScroll: number, maxShots: number): number[] {
  const visible = (s: number): Span1D[] => spans.filter((it) => it.bottom > s + areaTop && it.top < s + areaTop + areaHeight);
  const wholeAt = (s: number): Span1D[] => spans.filter((it) => it.top >= s + areaTop && it.bottom <= s + areaTop + areaHeight);
  const wholeShared = (a: number, b: number): number => {
    const inB = new Set(wholeAt(b));
    return wholeAt(a).filter((it) => inB.has(it)).length;
  };
  const offsets = [0];
  let s = 0;
  let gaps = 0;
  const gapBudget = maxScroll > areaHeight * 6 ? 2 : 1;
  while (s < maxScroll && offsets.length < maxShots) {
    const seen = visible(s);
    if (offsets.length >= 2 && offsets[offsets.length - 2] !== s && offsets.length < maxShots - 1 && rng.chance(0.05)) {
      offsets.push(s); // the same screen twice
      continue;
    }
    let next: number | null = null;
    if (gaps < gapBudget && maxScroll - s > areaHeight * 1.3 && offsets.length > 1 && rng.chance(0.07) && seen.length > 0) {
      const j = spans.indexOf(seen[seen.length - 1]);
      const skip = rng.int(1, 3);
      const lastSkipped = spans[j + skip];
      const after = spans[j + skip + 1];
      if (lastSkipped && after) {
        next = Math.max(Math.ceil(lastSkipped.bottom - areaTop + 1), Math.round(after.top - areaTop - rng.int(4, 14)));
        gaps++;
      }
    }
    if (next === null) {
      const k = rng.weighted([
        [1, 15],
        [2, 30],
        [3, 30],
        [4, 15],
        [5, 10],
      ]);
      const at = Math.max(0, seen.length - k);
      const target = seen[at];
      // Either cut the target at the top, or leave a little room above it without showing the item before.
      const above = at > 0 ? seen[at - 1] : spans[spans.indexOf(target) - 1];
      const room = above ? Math.floor(target.top - above.bottom) - 1 : 14;
      const pad = rng.chance(0.25) ? -Math.round((target.bottom - target.top) * (0.25 + rng.next() * 0.45)) : Math.max(0, Math.min(rng.int(2, 14), room));
      next = Math.round(target.top - areaTop - pad);
      if (next <= s + areaHeight * 0.25) next = Math.round(s + areaHeight * 0.6);
      next = Math.min(next, maxScroll);
      if (next <= s) next = Math.min(maxScroll, s + Math.round(areaHeight * 0.6));
      if (wholeShared(s, next) === 0) {
        // Keep the last item wholly visible here wholly visible on the next screen too, at its top.
        const kept = wholeAt(s)
          .reverse()
          .map((it) => Math.min(maxScroll, Math.round(it.top - areaTop - rng.int(2, 14))))
          .find((at) => at > s && wholeShared(s, at) > 0);
        if (kept !== undefined) next = kept;
      }
    }
    next = Math.min(next, maxScroll);
    if (next <= s) next = Math.min(maxScroll, s + Math.round(areaHeight * 0.6));
    offsets.push(next);
    s = next;
  }
  // The last step stops at the bottom of the thread and may share many items with the one before;
  // dropping the one before often gives a normal overlap (never a gap) instead.
  const overlap = (a: number, b: number): number => {
    const inB = new Set(visible(b));
    return visible(a).filter((it) => inB.has(it)).length;
  };
  const fits = (a: number, b: number): boolean => overlap(a, b) <= 5 && wholeShared(a, b) >= 1;
  while (offsets.length >= 3) {
    const n = offsets.length;
    if (offsets[n - 2] === offsets[n - 1] || offsets[n - 3] === offsets[n - 2]) break;
    const last = overlap(offsets[n - 2], offsets[n - 1]);
    if (last > 5) {
      // Move the one before to where it shares one to five items with both neighbours, if there is such a place.
      const [lo, hi] = [offsets[n - 3], offsets[n - 1]];
      const moved = spans
        .map((it) => Math.round(it.top - areaTop) - 2)
        .filter((p) => p > lo && p < hi)
        .reverse()
        .find((p) => fits(lo, p) && fits(p, hi));
      if (moved !== undefined) {
        offsets[n - 2] = moved;
        break;
      }
    }
    const instead = overlap(offsets[n - 3], offsets[n - 1]);
    if (last <= 5 || wholeShared(offsets[n - 3], offsets[n - 1]) < 1 || instead >= last) break;
    offsets.splice(n - 2, 1);
  }
  return offsets;
}

function toImageBox(r: CssRect, scroll: number, scale: number): Box {
  const x0 = Math.floor(r.x * scale);
  const y0 = Math.floor((r.y - scroll) * scale);
  const x1 = Math.ceil((r.x + r.width) * scale);
  const y1 = Math.ceil((r.y + r.height - scroll) * scale);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The box clipped to the band [top, bottom) (image px); null when nothing is left. */
function clip(box: Box, top: number, bottom: number): { box: Box; cut: 'top' | 'bottom' | null } | null {
  const y0 = Math.max(box.y, top);
  const y1 = Math.min(box.y + box.height, bottom);
  if (y1 <= y0) return null;
  const cut = box.y < top ? 'top' : box.y + box.height > bottom ? 'bottom' : null;
  return { box: { x: box.x, y: y0, width: box.width, height: y1 - y0 }, cut };
}

function localStamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

interface SetResult {
  truth: SetTruth;
  pngs: Map<string, Buffer>;
}

async function renderSet(page: Page, index: number, options: Required<Pick<RenderOptions, 'seed' | 'scale' | 'captureTime' | 'minMessages' | 'maxMessages'>> & { styles: StyleName[] }): Promise<SetResult> {
  const rng = new Rng(deriveSeed(options.seed, index));
  const styleName = options.styles.length === 1 ? options.styles[0] : index % 2 === 0 ? options.styles[0] : options.styles[1];
  let count = rng.int(options.minMessages, options.maxMessages);
  const scale = options.scale;

  // Lay out; a thread that fits on one screen gets more messages (from its own stream).
  let planned: Planned | null = null;
  let layout: Layout | null = null;
  for (let attempt = 0; attempt < 6; attempt++) {
    const prng = new Rng(deriveSeed(options.seed, index, attempt + 1));
    planned = plan(prng, styleName, count);
    const p = planned;
    await page.setViewportSize(p.style.viewport);
    await page.setContent(pageHtml(p.style, p.rows, p.conv.title, p.conv.group, p.battery, p.avatars), { waitUntil: 'load' });
    // tsx compiles with esbuild's keepNames: page callbacks with inner functions call `__name`.
    await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
    layout = await page.evaluate(measurePage, p.style.lineHeightPx);
    const areaHeight = p.style.viewport.height - p.style.topHeight - p.style.bottomHeight;
    if (layout.docHeight - p.style.viewport.height >= areaHeight * 0.4) break;
    count += 8;
  }
  if (!planned || !layout) throw new Error('no layout');
  const { style, items, conv } = planned;
  const vh = style.viewport.height;
  const areaTop = style.topHeight;
  const areaHeight = vh - style.topHeight - style.bottomHeight;
  const maxScroll = Math.max(0, layout.docHeight - vh);
  const spans: Span1D[] = layout.items.map((m) => ({ id: m.id, top: m.rect.y, bottom: m.rect.y + m.rect.height }));
  const offsets = scrollPlan(rng, spans, areaTop, areaHeight, maxScroll, 30);
  if (offsets.length < 2) offsets.push(offsets[0]);

  // Capture times: a few seconds apart, in scroll order or against it.
  const direction: 'down' | 'up' = rng.chance(0.7) ? 'down' : 'up';
  const stamps: number[] = [];
  let t = planned.captureStart;
  for (let i = 0; i < offsets.length; i++) {
    stamps.push(t);
    t += rng.chance(0.85) ? rng.int(2, 9) : rng.int(10, 45);
  }
  if (direction === 'up') stamps.reverse();
  const metadata: 'eXIf' | 'XMP' | null = !options.captureTime ? null : rng.weighted<'eXIf' | 'XMP' | null>([
    ['eXIf', 45],
    ['XMP', 25],
    [null, 30],
  ]);

  // iPhone-like names in no particular order.
  const numbers = new Set<number>();
  const base = rng.int(1000, 8000);
  while (numbers.size < offsets.length) numbers.add(base + rng.int(0, 1900));
  const names = rng.shuffle([...numbers]).map((n) => `IMG_${n}.PNG`);

  const bandTop = areaTop * scale;
  const bandBottom = (vh - style.bottomHeight) * scale;
  const byId = new Map(items.map((it) => [it.id, it]));
  const pngs = new Map<string, Buffer>();
  const screenshots: TruthScreenshot[] = [];
  for (let pos = 0; pos < offsets.length; pos++) {
    const scroll = offsets[pos];
    const capturedAt = localStamp(stamps[pos]);
    const clock = capturedAt.slice(11, 16);
    const statusTime = style.name === 'imessage' ? clock.replace(/^0/, '') : clock;
    const actual = await page.evaluate(
      ([y, text]) =>
        new Promise<number>((resolve) => {
          const c = document.querySelector('#clock');
          if (c) (c as unknown as { textContent: string }).textContent = text;
          window.scrollTo(0, y);
          window.requestAnimationFrame(() => window.requestAnimationFrame(() => resolve(window.scrollY)));
        }),
      [scroll, statusTime] as const,
    );
    if (actual !== scroll) throw new Error(`set ${index}: scrolled to ${actual}, wanted ${scroll}`);
    let png = await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
    if (metadata) png = withCaptureTime(png, metadata, capturedAt, dutchOffset(Math.floor(stamps[pos] / 60)));
    const file = names[pos];
    pngs.set(file, png);

    const visible: VisibleItem[] = [];
    for (const m of layout.items) {
      const full = toImageBox(m.rect, scroll, scale);
      const c = clip(full, bandTop, bandBottom);
      if (!c) continue;
      const kind = byId.get(m.id)?.kind ?? 'message';
      const v: VisibleItem = { id: m.id, kind, box: c.box, fullBox: full, cut: c.cut, lines: [] };
      m.lines.forEach((l, index) => {
        const lc = clip(toImageBox(l.rect, scroll, scale), bandTop, bandBottom);
        if (lc) v.lines.push({ index, text: l.text, box: lc.box, cut: lc.cut });
      });
      const extra = (x: MeasuredText | undefined): VisibleText | undefined => {
        if (!x) return undefined;
        const xc = clip(toImageBox(x.rect, scroll, scale), bandTop, bandBottom);
        return xc ? { text: x.text, box: xc.box, cut: xc.cut } : undefined;
      };
      const label = extra(m.label);
      const meta = extra(m.meta);
      const avatar = extra(m.avatar);
      if (label) v.label = label;
      if (meta) {
        const it = byId.get(m.id);
        if (it?.kind === 'message' && it.timeLabel) v.timeLabel = meta;
        else v.status = meta;
      }
      if (avatar) v.avatar = avatar;
      visible.push(v);
    }
    screenshots.push({ file, position: pos, scrollY: scroll, capturedAt, metadata, statusTime, items: visible });
  }

  const joins: TruthJoin[] = [];
  const gaps: SetTruth['gaps'] = [];
  const seenAnywhere = new Set(screenshots.flatMap((s) => s.items.map((v) => v.id)));
  const order = items.map((it) => it.id);
  for (let i = 0; i + 1 < screenshots.length; i++) {
    const a = screenshots[i];
    const b = screenshots[i + 1];
    const inB = new Map(b.items.map((v) => [v.id, v]));
    const shared = a.items.filter((v) => inB.has(v.id));
    const whole = shared.filter((v) => v.cut === null && inB.get(v.id)?.cut === null);
    const gap = shared.length === 0;
    joins.push({ from: a.file, to: b.file, overlap: shared.length, overlapWhole: whole.length, shared: shared.map((v) => v.id), gap, duplicate: a.scrollY === b.scrollY });
    if (gap) {
      const lastA = order.indexOf(a.items[a.items.length - 1].id);
      const firstB = order.indexOf(b.items[0].id);
      gaps.push({ after: a.file, before: b.file, missing: order.slice(lastA + 1, firstB) });
    }
  }

  const scaleBox = (r: CssRect): Box => toImageBox(r, 0, scale);
  const truth: SetTruth = {
    version: 1,
    seed: options.seed,
    set: index,
    style: {
      name: style.name,
      variant: style.variant,
      language: style.language,
      scale,
      viewport: style.viewport,
      image: { width: style.viewport.width * scale, height: vh * scale },
      chatArea: { top: bandTop, bottom: bandBottom },
      fonts: {
        family: style.family,
        bubblePx: style.bubblePx,
        lineHeightPx: style.lineHeightPx,
        separatorPx: style.separatorPx,
        labelPx: style.labelPx,
        metaPx: style.metaPx,
      },
      colors: style.colors,
    },
    title: conv.title,
    owner: conv.owner.name,
    participants: [conv.owner.name, ...conv.others.map((o) => o.name)],
    group: conv.group,
    capturedOn: `${planned.now.year}-${pad2(planned.now.month)}-${pad2(planned.now.day)}`,
    captureDirection: direction,
    chrome: layout.chrome.filter((c) => c.kind !== 'statusTime').map((c) => ({ kind: c.kind, text: c.text, box: scaleBox(c.rect) })),
    conversation: items,
    files: [...names].sort(),
    order: screenshots.map((s) => s.file),
    screenshots: [...screenshots].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    joins,
    gaps,
    unseen: order.filter((id) => !seenAnywhere.has(id)),
  };
  const clockBox = layout.chrome.find((c) => c.kind === 'statusTime');
  if (clockBox) truth.chrome.unshift({ kind: 'statusTime', text: '', box: scaleBox(clockBox.rect) });
  return { truth, pngs };
}

// --- Many sets --------------------------------------------------------------------------------

export async function renderSets(outDir: string, options: RenderOptions = {}): Promise<RenderSummary> {
  const executablePath = options.chromiumPath ?? findChromium();
  if (!executablePath) throw new Error('No Chromium: set CHROMIUM_PATH or run scripts/e2e-setup.sh (installs /usr/bin/chromium)');
  const opts = {
    seed: options.seed ?? 1,
    scale: options.scale ?? 3,
    captureTime: options.captureTime ?? true,
    minMessages: options.minMessages ?? 10,
    maxMessages: options.maxMessages ?? 120,
    styles: options.styles && options.styles.length > 0 ? options.styles : (['imessage', 'sms'] as StyleName[]),
  };
  const sets = options.sets ?? 10;
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const summary: RenderSummary = { outDir, sets: [], screenshots: 0, ms: 0 };
  try {
    // One page per worker, sets handed out in order; each set's output depends on its index only.
    const workers = Math.max(1, Math.min(options.concurrency ?? 2, sets));
    const results: Array<RenderSummary['sets'][number] | undefined> = [];
    let next = 0;
    const work = async (): Promise<void> => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: opts.scale });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      try {
        while (next < sets) {
          const i = next++;
          const t0 = Date.now();
          const { truth, pngs } = await renderSet(page, i, opts);
          const dir = path.join(outDir, `set-${String(i).padStart(3, '0')}`);
          fs.rmSync(dir, { recursive: true, force: true });
          fs.mkdirSync(dir, { recursive: true });
          for (const [name, png] of pngs) fs.writeFileSync(path.join(dir, name), png);
          fs.writeFileSync(path.join(dir, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
          const ms = Date.now() - t0;
          const messages = truth.conversation.filter((it) => it.kind === 'message').length;
          results[i] = { dir: path.basename(dir), style: truth.style.name, messages, screenshots: pngs.size, ms };
          log(
            `${path.basename(dir)}: ${truth.style.name}/${truth.style.variant}/${truth.style.language}${truth.group ? '/group' : ''}, ${messages} messages, ` +
              `${pngs.size} screenshots, ${truth.gaps.length} gap(s), ${ms} ms`,
          );
        }
      } finally {
        await context.close();
      }
    };
    await Promise.all(Array.from({ length: workers }, work));
    for (const r of results) {
      if (!r) continue;
      summary.sets.push(r);
      summary.screenshots += r.screenshots;
    }
  } finally {
    await browser.close();
  }
  const index = {
    seed: opts.seed,
    scale: opts.scale,
    sets: summary.sets.map(({ dir, style, messages, screenshots }) => ({ dir, style, messages, screenshots })),
  };
  fs.writeFileSync(path.join(outDir, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  summary.ms = Date.now() - started;
  return summary;
}

// --- CLI --------------------------------------------------------------------------------------

function usage(): never {
  process.stderr.write('usage: npx tsx test/screenshots/render.ts <outDir> [--sets N] [--seed S] [--scale 2|3] [--style imessage|sms] [--no-capture-time]\n');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let outDir: string | undefined;
  const options: RenderOptions = { log: (line) => process.stdout.write(`${line}\n`) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) usage();
      return v;
    };
    if (a === '--sets') options.sets = num();
    else if (a === '--seed') options.seed = num();
    else if (a === '--scale') {
      options.scale = num();
      if (options.scale < 1 || options.scale > 4) usage();
    } else if (a === '--style') {
      const s = argv[++i];
      if (s !== 'imessage' && s !== 'sms') usage();
      options.styles = [s];
    } else if (a === '--no-capture-time') options.captureTime = false;
    else if (a.startsWith('-') || outDir) usage();
    else outDir = a;
  }
  if (!outDir) usage();
  const summary = await renderSets(path.resolve(outDir), options);
  const perShot = summary.screenshots ? Math.round(summary.ms / summary.screenshots) : 0;
  process.stdout.write(`${summary.sets.length} sets, ${summary.screenshots} screenshots in ${(summary.ms / 1000).toFixed(1)} s (${perShot} ms per screenshot, browser start included) → ${summary.outDir}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
