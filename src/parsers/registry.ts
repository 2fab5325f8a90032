import type { Conversation, Message, SourceRef } from '../model/conversation';
import type { ExportInput } from './input';

export type DayOrder = 'day-first' | 'month-first';

export interface ParseOptions {
  /** Overrides the per-file day-order decision (CLI `--day-first` / `--month-first`). */
  dayOrder?: DayOrder;
  signal?: AbortSignal;
  /**
   * For a file holding several conversations (an SMS backup, a Telegram full export): the id
   * of the one to read (`--conversation`). Without it such a file with more than one is an
   * InputError listing them.
   */
  conversation?: string;
  /** IANA zone for exports that store epoch times (`--tz`); default: this machine's zone. */
  timeZone?: string;
  /** For screenshots: where OCR results are cached (by image sha256), and OCR progress. */
  ocr?: { cacheDir?: string; workers?: number; onProgress?: (done: number, total: number) => void };
}

/** One conversation of a file that holds several, as listed before choosing one. */
export interface ConversationInfo {
  /** Stable for the file: `--conversation` takes it. */
  id: string;
  title: string;
  messages: number;
}

/**
 * Receives messages in source order as they are parsed, so big exports never sit in memory
 * whole. `drain` lets a writer apply back-pressure between chunks.
 */
export interface MessageSink {
  message(message: Message): void;
  /**
   * The lines of a message of another conversation, in a file that holds several and was asked
   * for one: the cleaner leaves them out of that conversation's cleaned file.
   */
  skipped?(source: SourceRef): void;
  drain?(): Promise<void>;
}

export interface ExportFormat {
  /** `--format` name and the `format` field of `chatreview parse`. */
  name: string;
  label: string;
  /** How sure the format is that it can read this input, 0 (not at all) to 1 (certain). */
  sniff(input: ExportInput): Promise<number>;
  /**
   * Streams the messages (of `options.conversation` in a multi-conversation file) to the sink;
   * resolves with the conversation once all are read. Message ids number the messages of that
   * conversation from m000001; `source` points at the lines that hold each one in the file.
   */
  parse(input: ExportInput, options: ParseOptions, sink: MessageSink): Promise<Conversation>;
  /**
   * For a zip: the entry holding the chat text `parse` reads with these options (the cleaner
   * rewrites that entry). Formats that never come zipped leave it out.
   */
  chatEntry?(input: ExportInput, options: ParseOptions): Promise<string | undefined>;
  /** For a zip: the entry of a file a message names (`Attachment.name`), relative to its chat entry. */
  attachmentEntry?(chatEntry: string, name: string): string;
  /** Formats whose files may hold several conversations list them (one streaming pass). */
  conversations?(input: ExportInput, options: ParseOptions): Promise<ConversationInfo[]>;
}

const formats = new Map<string, ExportFormat>();

export function registerFormat(format: ExportFormat): void {
  if (formats.has(format.name)) throw new Error(`format ${format.name} registered twice`);
  formats.set(format.name, format);
}

export function getFormat(name: string): ExportFormat | undefined {
  return formats.get(name);
}

export function allFormats(): ExportFormat[] {
  return [...formats.values()];
}
