import type { Conversation, Message } from '../model/conversation';
import type { ExportInput } from './input';

export type DayOrder = 'day-first' | 'month-first';

export interface ParseOptions {
  /** Overrides the per-file day-order decision (CLI `--day-first` / `--month-first`). */
  dayOrder?: DayOrder;
  signal?: AbortSignal;
}

/**
 * Receives messages in source order as they are parsed, so big exports never sit in memory
 * whole. `drain` lets a writer apply back-pressure between chunks.
 */
export interface MessageSink {
  message(message: Message): void;
  drain?(): Promise<void>;
}

export interface ExportFormat {
  /** `--format` name and the `format` field of `chatreview parse`. */
  name: string;
  label: string;
  /** How sure the format is that it can read this input, 0 (not at all) to 1 (certain). */
  sniff(input: ExportInput): Promise<number>;
  /** Streams the messages to the sink; resolves with the conversation once all are read. */
  parse(input: ExportInput, options: ParseOptions, sink: MessageSink): Promise<Conversation>;
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
