import * as path from 'node:path';
import { messageId, type Conversation, type Participant, type SourceRef } from '../../model/conversation';
import { InputError } from '../../model/errors';
import type { ExportInput } from '../input';
import { registerFormat, type ConversationInfo, type ExportFormat, type ParseOptions } from '../registry';
import { decodeSample } from '../text';
import { openZip, type ZipArchive } from '../zip';
import { eventMessage, participantName } from './events';
import { looksLikeRsmfMail, readRsmfMail } from './mail';
import { MANIFEST, RsmfEvent, RsmfManifestHead, schemaProblems, type RsmfConversation } from './manifest';
import { readManifest, type EventHandler } from './manifestReader';

export { MANIFEST } from './manifest';
export { looksLikeRsmfMail } from './mail';

/*
 * Cleaning. Every event occupies whole lines of rsmf_manifest.json (the reader refuses other
 * layouts) and `source` names them, so the line engine cleans a manifest with separator `,`:
 * deleting an event's lines removes it, and a kept event left last in the list loses its comma.
 * - A bare manifest is cleaned in place like a text export; removed attachments are the files
 *   beside it (`attachmentEntry` names them inside a zip).
 * - A zip holding the manifest (an unpacked rsmf.zip) is a zip export: chatEntry is
 *   `manifestEntry(zip)`.
 * - A `.rsmf` needs its rsmf.zip decoded (readRsmfMail), cleaned as a zip, encoded again as
 *   base64 and put back in the mail; `X-RSMF-EventCount` (and Begin/EndDate when the first or
 *   last event goes) must then be rewritten, so rewriting with writeRsmf (src/clean/rsmf.ts) from
 *   the kept messages is the simpler route for it.
 * - A removed event another event names as its `parent` leaves that reference dangling; the
 *   importer reads it as a reply to nothing (replyTo null).
 */

/** The manifest inside a zip: at its root, or the only one in a folder. */
export function manifestEntry(zip: ZipArchive): string | undefined {
  if (zip.entries.has(MANIFEST)) return MANIFEST;
  const nested = [...zip.entries.keys()].filter((n) => path.posix.basename(n) === MANIFEST);
  return nested.length === 1 ? nested[0] : undefined;
}

/** Where a zip keeps an attachment: its id is a file name beside the manifest. */
export function attachmentEntry(manifest: string, id: string): string {
  const folder = path.posix.dirname(manifest);
  return folder === '.' ? id : `${folder}/${id}`;
}

/** A manifest to stream, and whether an attachment's file is in the export. */
interface ManifestFile {
  what: string;
  open(): AsyncIterable<Uint8Array>;
  present(id: string): boolean;
  close(): void;
}

function isJsonSample(sample: string): boolean {
  return /^\s*[[{]/.test(sample.replace(/^\uFEFF/, ''));
}

function zipManifest(zip: ZipArchive, fileName: string, close: () => void): ManifestFile {
  const entry = manifestEntry(zip);
  if (!entry) throw new InputError(`${fileName} holds no ${MANIFEST}`);
  return { what: `${fileName} (${JSON.stringify(entry)})`, open: () => zip.openEntry(entry), present: (id) => zip.entries.has(attachmentEntry(entry, id)), close };
}

/** The three shapes: a `.rsmf` mail, its rsmf.zip (or any zip holding the manifest), a bare manifest. */
async function openManifest(input: ExportInput): Promise<ManifestFile> {
  if (input.zip) return zipManifest(input.zip, input.fileName, () => undefined);
  if (isJsonSample(decodeSample(await input.head(), input.fileName))) {
    const siblings = await input.siblings();
    return { what: input.fileName, open: () => input.open(), present: (id) => siblings.has(id), close: () => undefined };
  }
  const mail = await readRsmfMail(input.open(), input.fileName);
  const zip = await openZip(mail.zip, `${input.fileName} (rsmf.zip)`);
  try {
    return zipManifest(zip, input.fileName, () => zip.close());
  } catch (e) {
    zip.close();
    throw e;
  }
}

function readEvent(value: unknown, index: number, source: SourceRef, what: string): RsmfEvent {
  const parsed = RsmfEvent.safeParse(value);
  if (!parsed.success) throw new InputError(`${what}: line ${source.line}: ${schemaProblems(parsed.error, ['events', index])[0]}`);
  if (parsed.data.timestamp === undefined) throw new InputError(`${what}: line ${source.line}: events[${index}] has no timestamp`);
  return parsed.data;
}

interface ConversationEntry {
  conversation: RsmfConversation;
  events: number;
}

interface ManifestIndex {
  head: RsmfManifestHead;
  /** By id, in manifest order. */
  conversations: Map<string, ConversationEntry>;
  /** The conversation of an event that names none (a manifest with one conversation). */
  soleConversation: string | undefined;
  /** `conversation id` NUL `event id` → message id: where replies point. */
  messageIds: Map<string, string>;
  names: Map<string, string>;
}

/**
 * The first pass: validates every event and the rest of the manifest, counts each
 * conversation's events and notes the message id of each event id. The manifest may list its
 * participants and conversations after the events, and a parent after its reply, so messages
 * are only emitted in a second pass; only ids and counts are kept in between.
 */
async function indexManifest(file: ManifestFile, options: ParseOptions): Promise<ManifestIndex> {
  const what = file.what;
  /** Conversations as events name them ('' for none), with the line of the first such event. */
  const named = new Map<string, { key: number; line: number }>();
  const keyOfEvent: number[] = [];
  const idEvents: number[] = [];
  const idTexts: string[] = [];
  const onEvent: EventHandler = (value, index, source) => {
    const event = readEvent(value, index, source, what);
    const name = event.conversation ?? '';
    let entry = named.get(name);
    if (!entry) named.set(name, (entry = { key: named.size, line: source.line }));
    keyOfEvent.push(entry.key);
    if (event.id !== undefined) {
      idEvents.push(index);
      idTexts.push(event.id);
    }
  };
  const values = await readManifest(file.open(), what, onEvent, async () => options.signal?.throwIfAborted());
  const parsed = RsmfManifestHead.safeParse(values);
  if (!parsed.success) throw new InputError(`${what}: ${schemaProblems(parsed.error)[0]}`);
  const head = parsed.data;
  if (!/^[12]\./.test(head.version)) throw new InputError(`${what}: RSMF version ${JSON.stringify(head.version)} is not supported (1.x and 2.x are)`);

  const conversations = new Map<string, ConversationEntry>();
  for (const conversation of head.conversations) {
    if (conversations.has(conversation.id)) throw new InputError(`${what}: two conversations have the id ${JSON.stringify(conversation.id)}`);
    conversations.set(conversation.id, { conversation, events: 0 });
  }
  const soleConversation = head.conversations.length === 1 ? head.conversations[0].id : undefined;
  const resolved: string[] = [];
  for (const [name, { key, line }] of named) {
    if (name === '' && soleConversation === undefined) {
      throw new InputError(`${what}: line ${line}: the event names no conversation, and the manifest has ${head.conversations.length}`);
    }
    if (name !== '' && !conversations.has(name)) throw new InputError(`${what}: line ${line}: the event's conversation ${JSON.stringify(name)} is not among the conversations`);
    resolved[key] = name || soleConversation!;
  }
  const positions = new Uint32Array(keyOfEvent.length);
  keyOfEvent.forEach((key, i) => (positions[i] = ++conversations.get(resolved[key])!.events));
  const messageIds = new Map<string, string>();
  idEvents.forEach((event, i) => {
    const key = `${resolved[keyOfEvent[event]]}\0${idTexts[i]}`;
    if (!messageIds.has(key)) messageIds.set(key, messageId(positions[event]));
  });
  const names = new Map<string, string>();
  for (const p of head.participants) if (!names.has(p.id)) names.set(p.id, participantName(p));
  return { head, conversations, soleConversation, messageIds, names };
}

function titleOf(conversation: RsmfConversation, names: Map<string, string>): string {
  return conversation.display?.trim() || conversation.participants.map((id) => names.get(id) ?? id).join(', ') || conversation.id;
}

function listing(index: ManifestIndex): string {
  return [...index.conversations.values()].map((c) => `${JSON.stringify(c.conversation.id)} ${titleOf(c.conversation, index.names)} (${c.events} events)`).join('; ');
}

function selectConversation(index: ManifestIndex, options: ParseOptions, what: string): RsmfConversation {
  if (options.conversation !== undefined) {
    const hit = index.conversations.get(options.conversation);
    if (!hit) throw new InputError(`${what} has no conversation ${JSON.stringify(options.conversation)}; it holds ${listing(index)}`);
    return hit.conversation;
  }
  const all = [...index.conversations.values()];
  if (all.length === 1) return all[0].conversation;
  if (all.length === 0) throw new InputError(`${what} holds no conversations`);
  throw new InputError(`${what} holds ${all.length} conversations; choose one with --conversation: ${listing(index)}`);
}

async function withManifest<T>(input: ExportInput, read: (file: ManifestFile) => Promise<T>): Promise<T> {
  const file = await openManifest(input);
  try {
    return await read(file);
  } finally {
    file.close();
  }
}

function manifestScore(sample: string, fileName: string): number {
  if (!isJsonSample(sample)) return 0;
  const keys = ['participants', 'conversations', 'events'].filter((k) => new RegExp(`"${k}"\\s*:`).test(sample)).length;
  if (fileName.toLowerCase() === MANIFEST) return keys ? 0.95 : 0.5;
  return keys >= 2 ? 0.8 : 0;
}

export const rsmf: ExportFormat = {
  name: 'rsmf',
  label: 'RSMF',
  chatEntry: async (input) => (input.zip ? manifestEntry(input.zip) : undefined),
  attachmentEntry,

  async sniff(input) {
    if (input.zip) return manifestEntry(input.zip) ? 0.95 : 0;
    let sample: string;
    try {
      sample = decodeSample(await input.head(), input.fileName);
    } catch {
      return 0;
    }
    return looksLikeRsmfMail(sample) ? 1 : manifestScore(sample, input.fileName);
  },

  async conversations(input, options): Promise<ConversationInfo[]> {
    return withManifest(input, async (file) => {
      const index = await indexManifest(file, options);
      return [...index.conversations.values()].map(({ conversation, events }) => ({ id: conversation.id, title: titleOf(conversation, index.names), messages: events }));
    });
  },

  async parse(input, options, sink): Promise<Conversation> {
    return withManifest(input, async (file) => {
      const index = await indexManifest(file, options);
      const chosen = selectConversation(index, options, file.what);
      const ctx = {
        timeZone: options.timeZone,
        name: (id: string) => index.names.get(id) ?? id,
        messageOf: (eventId: string) => index.messageIds.get(`${chosen.id}\0${eventId}`),
        present: file.present,
      };
      const participants = new Map<string, Participant>();
      for (const id of chosen.participants) participants.set(ctx.name(id), { name: ctx.name(id) });
      let count = 0;
      await readManifest(file.open(), file.what, (value, _index, source) => {
        // The first pass validated this very value.
        const event = value as RsmfEvent;
        if ((event.conversation ?? index.soleConversation) !== chosen.id) return sink.skipped?.(source);
        const message = eventMessage(event, messageId(++count), source, ctx);
        if (message.sender !== null && !participants.has(message.sender)) participants.set(message.sender, { name: message.sender });
        sink.message(message);
      }, async () => {
        if (sink.drain) await sink.drain();
        options.signal?.throwIfAborted();
      });
      return { title: titleOf(chosen, index.names), participants: [...participants.values()] };
    });
  },
};

registerFormat(rsmf);
