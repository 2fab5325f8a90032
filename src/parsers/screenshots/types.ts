/**
 * The screenshot pipeline's data, stage by stage: OCR (words with boxes) → layout (bubbles and
 * day separators, top to bottom, per screenshot) → order (screenshots joined where they overlap)
 * → messages. Pure data: every stage is a function of the one before, testable on its own.
 */

import type { Box } from '../../model/conversation';

export type { Box };

/** One word as the OCR engine read it. `confidence` is 0–100, as tesseract gives it. */
export interface OcrWord {
  text: string;
  box: Box;
  confidence: number;
}

/** One screenshot as the OCR engine read it: its words in reading order. */
export interface OcrPage {
  /** The image's file name (relative to the screenshot folder). */
  file: string;
  /** sha256 of the image bytes: the OCR cache key. */
  sha256: string;
  width: number;
  height: number;
  words: OcrWord[];
}

/** Which side of the screen a bubble is on: `right` is the phone's owner (sent). */
export type Side = 'left' | 'right';

/** A chat bubble: the words inside one bubble, joined in reading order. */
export interface Bubble {
  kind: 'bubble';
  side: Side;
  /** Lines joined with `\n`. */
  text: string;
  box: Box;
  /** Mean word confidence, 0–1. */
  confidence: number;
  /** A time shown in or under the bubble (`HH:MM`), when the style shows one. */
  time?: string;
  /** Where each word of `text` stands in the image: a redacted span is blacked out by its words' boxes. */
  words: WordSpan[];
}

/** A word of a bubble's text: its offsets in the text (end exclusive) and its box in the image. */
export interface WordSpan {
  start: number;
  end: number;
  box: Box;
}

/**
 * A centred line between bubbles that dates what follows: "Vandaag 14:05", "Gisteren",
 * "ma 12 mrt. om 14:05", "Monday 12 March, 14:05", "12-03-2020".
 */
export interface DaySeparator {
  kind: 'separator';
  text: string;
  box: Box;
  /**
   * What the text says, as far as it says it: relative days as an offset ("Vandaag" 0,
   * "Gisteren" −1); a weekday as JavaScript numbers it (0 = Sunday … 6 = Saturday).
   */
  date?: { year?: number; month: number; day: number } | { relativeDays: number } | { weekday: number };
  /** `HH:MM` when the separator names a time. */
  time?: string;
}

export type ScreenItem = Bubble | DaySeparator;

/** One screenshot laid out: the conversation title (top bar) and its items top to bottom. */
export interface ScreenLayout {
  file: string;
  title: string | null;
  items: ScreenItem[];
  /** Items cut by the screen's top or bottom edge (partly visible): not to be trusted alone. */
  cutTop: boolean;
  cutBottom: boolean;
  /**
   * The chat's band between the top bar and the input bar: what scrolls. Above the first item
   * and below the last, the rest of a bubble may show that OCR did not read.
   */
  band?: Box;
}

/** Hints for ordering a screenshot: the capture time from its metadata, when it has one. */
export interface ScreenHint {
  file: string;
  /** ISO-like local `YYYY-MM-DDTHH:MM:SS`, from EXIF DateTimeOriginal / XMP CreateDate. */
  capturedAt?: string;
}

/** Where one screenshot goes in the conversation, and how it was joined to the one before. */
export interface PlacedScreen {
  file: string;
  /** Items shared with the screenshot before (dropped as duplicates); 0 for the first or a gap. */
  overlap: number;
  /**
   * How sure the join to the screenshot before is, 0–1 (1: a long exact overlap); null for the
   * first screenshot.
   */
  joinConfidence: number | null;
  /** No overlap with the screenshot before: the conversation may miss messages here. */
  gap: boolean;
}

/** An item of the reconstructed conversation, with the screenshot it was taken from. */
export interface PlacedItem {
  item: ScreenItem;
  file: string;
  /** Index of the item in that screenshot's layout. */
  index: number;
  /** Set on the first item after a gap. */
  afterGap?: boolean;
  /**
   * The other screenshots showing the same item (an overlap's duplicates, dropped from the
   * conversation): cleaning blacks out a removed bubble in every one of them.
   */
  copies?: { file: string; index: number }[];
}

export interface OrderedConversation {
  screens: PlacedScreen[];
  items: PlacedItem[];
}
