import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import yazl from 'yazl';
import type { Conversation, Message } from '../model/conversation';
import { InputError } from '../model/errors';
import { sha256 } from '../model/hash';
import { MAX_RSMF_ZIP_BYTES, ZIP_ATTACHMENT } from '../parsers/rsmf/mail';
import { writeCustom } from '../parsers/rsmf/custom';
import { kindOf } from '../parsers/rsmf/events';
import { MANIFEST, readInstant, RsmfManifest, schemaProblems, type RsmfEvent, type RsmfParticipant } from '../parsers/rsmf/manifest';
import { checkTimeZone, wallClock } from '../parsers/time';
import { getFormat, readExport } from '../parsers';
import { openExport } from '../parsers/input';

export const RSMF_VERSION = '2.0.0';

export interface WriteRsmfOptions {
  /** The bytes of an attachment by name; undefined when the file is not at hand. */
  attachments?: (name: string) => Promise<Uint8Array | undefined>;
  /** The format the messages were read from (`whatsapp`): the conversation's platform. */
  format: string;
  /** When the file is written (its `Date` header, the zip's entry times); default: now. */
  now?: Date;
  /** The zone the messages' wall-clock times are in; default: this machine's. */
  timeZone?: string;
}


/** Minutes east of UTC that `zone` was at an instant. */
function offsetMinutes(epochMs: number, zone: string | undefined): number {
  return Math.round((Date.parse(`${wallClock(epochMs, zone)}Z`) - epochMs) / 60_000);
}

/**
 * A message's wall-clock time as ISO 8601 with the offset its zone had then. The times were
 * read as local times in that zone (epoch exports through wallClock with the same zone), so this
 * gives back the instant they came from, and a reader anywhere sees the same moment. A time in
 * the hour skipped when summer time starts exists in no zone offset; it is written with the
 * offset in force before the change (reading it back shows it an hour later). A time in the
 * repeated autumn hour gets the later offset and reads back as written.
 */
export function zonedTimestamp(local: string, zone: string | undefined): string {
  const asUtc = Date.parse(`${local}Z`);
  const offset = offsetMinutes(asUtc - offsetMinutes(asUtc, zone) * 60_000, zone);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A participant id for a name: the same name gets the same id in every file written, whatever
 * else the conversation holds (a cleaned copy and its original agree).
 */
function participantId(name: string): string {
  return `P-${sha256(name).slice(0, 12)}`;
}

interface ZipFile {
  id: string;
  bytes: Uint8Array;
}

/** Builds the manifest and gathers the attachment files it names. */
async function buildManifest(conversation: Conversation, messages: Message[], options: WriteRsmfOptions): Promise<{ manifest: RsmfManifest; files: ZipFile[] }> {
  const participants = new Map<string, RsmfParticipant>();
  const person = (name: string): string => {
    let p = participants.get(name);
    if (!p) participants.set(name, (p = { id: participantId(name), display: name }));
    return p.id;
  };
  for (const p of conversation.participants) person(p.name);
  const conversationId = 'C1';
  const messageIds = new Set(messages.map((m) => m.id));
  const files: ZipFile[] = [];
  const usedNames = new Set<string>();
  let zipBytes = 0;
  const fileId = (name: string): string => {
    const safe = name.replace(/[/\\\p{Cc}]/gu, '_') || 'attachment';
    let id = safe;
    for (let n = 2; usedNames.has(id); n++) id = `${n}-${safe}`;
    usedNames.add(id);
    return id;
  };

  const events: RsmfEvent[] = [];
  for (const m of messages) {
    const event: RsmfEvent = {
      id: m.id,
      type: m.kind === 'system' ? 'unknown' : 'message',
      conversation: conversationId,
      timestamp: zonedTimestamp(m.timestamp, options.timeZone),
      body: m.text,
    };
    const who = m.kind === 'system' ? m.meta?.actor : m.sender;
    if (who !== undefined && who !== null) event.participant = person(who);
    if (m.replyTo !== null && messageIds.has(m.replyTo)) event.parent = m.replyTo;
    if (m.kind === 'deleted') event.deleted = true;
    if (m.direction !== null) event.direction = m.direction;
    if (m.attachments.length) {
      event.attachments = [];
      for (const a of m.attachments) {
        const id = fileId(a.name);
        const bytes = a.present && options.attachments ? await options.attachments(a.name) : undefined;
        if (bytes) {
          zipBytes += bytes.length;
          if (zipBytes > MAX_RSMF_ZIP_BYTES) throw new InputError(`the attachments come to more than ${MAX_RSMF_ZIP_BYTES / 1024 ** 2} MiB, more than an RSMF file can carry here`);
          files.push({ id, bytes });
        }
        event.attachments.push({ id, display: a.name, ...(bytes ? { size: bytes.length } : {}) });
      }
    }
    if (m.meta?.edited && event.participant) event.edits = [{ participant: event.participant }];
    if (m.meta?.reactions?.length) {
      const byEmoji = new Map<string, { count: number; ids: string[] }>();
      for (const r of m.meta.reactions) {
        let entry = byEmoji.get(r.emoji);
        if (!entry) byEmoji.set(r.emoji, (entry = { count: 0, ids: [] }));
        entry.count++;
        if (r.by) entry.ids.push(person(r.by));
      }
      event.reactions = [...byEmoji].map(([value, { count, ids }]) => ({ value, count, ...(ids.length ? { participants: ids } : {}) }));
    }
    const custom = writeCustom({
      kind: kindOf(event) === m.kind ? undefined : m.kind,
      precision: m.precision === 'second' ? undefined : m.precision,
      meta: m.meta ?? {},
    });
    if (custom.length) event.custom = custom;
    events.push(event);
  }

  const ids = [...participants.values()].map((p) => p.id);
  const owner = messages.find((m) => m.direction === 'outgoing' && m.sender !== null)?.sender;
  return {
    manifest: {
      version: RSMF_VERSION,
      participants: [...participants.values()],
      conversations: [{
        id: conversationId,
        display: conversation.title,
        platform: options.format || 'unknown',
        // RSMF: `direct` when the participants do not change, as between two people.
        type: ids.length <= 2 ? 'direct' : 'channel',
        participants: ids,
        ...(owner ? { custodian: person(owner) } : {}),
      }],
      events,
    },
    files,
  };
}

/** A header field, RFC 2047-encoded when not plain ASCII, folded below 78 characters. */
function headerField(name: string, value: string): string {
  const clean = value.replace(/[\r\n\t]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) {
    const lines = [`${name}:`];
    for (const word of clean.split(' ')) {
      if (lines[lines.length - 1].length + word.length + 1 > 78 && lines[lines.length - 1].trim()) lines.push('');
      lines[lines.length - 1] += ` ${word}`;
    }
    return lines.join('\r\n');
  }
  // 45 bytes of UTF-8 make 60 base64 characters: each encoded word stays within 75.
  const words: string[] = [''];
  for (const ch of clean) {
    if (Buffer.byteLength(words[words.length - 1] + ch) > 45) words.push('');
    words[words.length - 1] += ch;
  }
  return `${name}: ${words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ')}`;
}

/** Base64 in 76-character lines, from chunks of any size. */
class Base64Lines {
  private carry: Buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): string {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk);
    const whole = data.length - (data.length % 57);
    this.carry = data.subarray(whole);
    return Base64Lines.lines(data.subarray(0, whole));
  }

  end(): string {
    return Base64Lines.lines(this.carry);
  }

  private static lines(bytes: Buffer): string {
    return (bytes.toString('base64').match(/.{1,76}/g) ?? []).map((l) => `${l}\r\n`).join('');
  }
}

function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * Writes a conversation as an RSMF 2.0 file: an RFC 5322 mail with `X-RSMF-*` headers, a short
 * text part and the base64 attachment `rsmf.zip` holding `rsmf_manifest.json` (pretty-printed, so
 * each event is on lines of its own) and the attachment files at hand. One conversation, one
 * participant per name, one event per message. The file appears at `target` only when complete.
 */
export async function writeRsmf(target: string, conversation: Conversation, messages: Message[], options: WriteRsmfOptions): Promise<void> {
  checkTimeZone(options.timeZone);
  const now = options.now ?? new Date();
  const { manifest, files } = await buildManifest(conversation, messages, options);
  const problems = validateRsmfManifest(manifest);
  if (problems.length) throw new InputError(`cannot write ${path.basename(target)} as RSMF: ${problems[0]}`);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const digest = sha256(manifestText);
  const boundary = `=_chatreview_${digest.slice(0, 24)}`;

  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(manifestText, 'utf8'), MANIFEST, { mtime: now });
  for (const f of files) zip.addBuffer(Buffer.from(f.bytes), f.id, { mtime: now, compress: !/\.(jpe?g|png|gif|heic|webp|mp4|mov|m4a|opus|zip|pdf|docx|xlsx)$/i.test(f.id) });
  zip.end();

  const times = manifest.events.map((e) => ({ text: e.timestamp!, at: readInstant(e.timestamp!)!.epochMs }));
  const first = times.reduce<(typeof times)[number] | undefined>((a, t) => (a && a.at <= t.at ? a : t), undefined);
  const last = times.reduce<(typeof times)[number] | undefined>((a, t) => (a && a.at >= t.at ? a : t), undefined);
  const summary = [
    conversation.title,
    `${manifest.events.length} events${first && last ? `, ${first.text} – ${last.text}` : ''}`,
    `Written by Chat Review from a ${options.format} export.`,
  ].join('\r\n');
  const head = [
    headerField('From', 'Chat Review <chatreview@chatreview.invalid>'),
    headerField('Subject', conversation.title),
    `Date: ${rfc5322Date(now)}`,
    `Message-ID: <${digest.slice(0, 32)}@chatreview.invalid>`,
    'MIME-Version: 1.0',
    `X-RSMF-Version: ${RSMF_VERSION}`,
    'X-RSMF-Generator: Chat Review',
    headerField('X-RSMF-Application', options.format),
    ...(first && last ? [`X-RSMF-BeginDate: ${first.text}`, `X-RSMF-EndDate: ${last.text}`] : []),
    `X-RSMF-EventCount: ${manifest.events.length}`,
    `X-RSMF-AttachmentCount: ${files.length}`,
    'Content-Type: multipart/mixed;',
    ` boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(summary, 'utf8').toString('base64').match(/.{1,76}/g) ?? []),
    `--${boundary}`,
    `Content-Type: application/zip; name="${ZIP_ATTACHMENT}"`,
    `Content-Disposition: attachment; filename="${ZIP_ATTACHMENT}"`,
    'Content-Transfer-Encoding: base64',
    '',
    '',
  ].join('\r\n');

  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  const out = await fs.promises.open(tmp, 'wx');
  try {
    await out.write(head);
    const base64 = new Base64Lines();
    for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) await out.write(base64.push(chunk));
    await out.write(`${base64.end()}--${boundary}--\r\n`);
    await out.close();
    await fs.promises.rename(tmp, target);
  } catch (e) {
    await out.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Checks a manifest against the RSMF 2.0 schema (required fields, shapes, enums) and what the
 * schema only says in words: every participant, conversation and parent an event names exists,
 * event ids are unique within their conversation, attachment ids (file names in the zip) are
 * unique, and every timestamp is ISO 8601 with its UTC offset. Returns the problems, each
 * starting with its JSON path; none means valid.
 */
export function validateRsmfManifest(json: unknown): string[] {
  const parsed = RsmfManifest.safeParse(json);
  if (!parsed.success) return schemaProblems(parsed.error);
  const m = parsed.data;
  const problems: string[] = [];
  const quote = JSON.stringify;
  if (!m.version.startsWith('2.')) problems.push(`version: ${quote(m.version)} is not an RSMF 2 version`);
  const unique = (ids: string[], at: string): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((id, i) => (seen.has(id) ? problems.push(`${at}[${i}].id: ${quote(id)} is used twice`) : seen.add(id)));
    return seen;
  };
  const participants = unique(m.participants.map((p) => p.id), 'participants');
  const conversations = unique(m.conversations.map((c) => c.id), 'conversations');
  const known = (id: string, at: string) => {
    if (!participants.has(id)) problems.push(`${at}: ${quote(id)} is not among the participants`);
  };
  const timestamp = (text: string | undefined, at: string) => {
    if (text === undefined) problems.push(`${at}: missing`);
    else if (!readInstant(text)?.zoned) problems.push(`${at}: ${quote(text)} has no UTC offset (RFC 3339 date-time)`);
  };

  m.participants.forEach((p, i) => {
    if (p.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(p.email)) problems.push(`participants[${i}].email: ${quote(p.email)} is not an e-mail address`);
  });
  m.conversations.forEach((c, i) => {
    c.participants.forEach((id, j) => known(id, `conversations[${i}].participants[${j}]`));
    if (c.custodian !== undefined && !c.participants.includes(c.custodian)) problems.push(`conversations[${i}].custodian: ${quote(c.custodian)} is not among its participants`);
  });

  const sole = m.conversations.length === 1 ? m.conversations[0].id : undefined;
  const conversationOf = (e: RsmfEvent) => e.conversation ?? sole;
  const eventIds = new Map<string, Set<string>>();
  m.events.forEach((e, i) => {
    const c = conversationOf(e);
    if (c === undefined) problems.push(`events[${i}].conversation: missing, and the manifest has ${m.conversations.length} conversations`);
    else if (!conversations.has(c)) problems.push(`events[${i}].conversation: ${quote(c)} is not among the conversations`);
    if (e.id === undefined || c === undefined) return;
    const ids = eventIds.get(c) ?? eventIds.set(c, new Set()).get(c)!;
    if (ids.has(e.id)) problems.push(`events[${i}].id: ${quote(e.id)} is used twice in conversation ${quote(c)}`);
    ids.add(e.id);
  });
  const attachments = new Set<string>();
  m.events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (e.participant !== undefined) known(e.participant, `${at}.participant`);
    if (e.parent !== undefined && !eventIds.get(conversationOf(e) ?? '')?.has(e.parent)) problems.push(`${at}.parent: no event ${quote(e.parent)} in its conversation`);
    timestamp(e.timestamp, `${at}.timestamp`);
    e.attachments?.forEach((a, j) => (attachments.has(a.id) ? problems.push(`${at}.attachments[${j}].id: ${quote(a.id)} is used twice`) : attachments.add(a.id)));
    e.reactions?.forEach((r, j) => r.participants?.forEach((id, k) => known(id, `${at}.reactions[${j}].participants[${k}]`)));
    e.edits?.forEach((edit, j) => {
      known(edit.participant, `${at}.edits[${j}].participant`);
      if (edit.timestamp !== undefined) timestamp(edit.timestamp, `${at}.edits[${j}].timestamp`);
    });
    e.read_receipts?.forEach((r, j) => {
      known(r.participant, `${at}.read_receipts[${j}].participant`);
      if (r.timestamp !== undefined) timestamp(r.timestamp, `${at}.read_receipts[${j}].timestamp`);
    });
  });
  return problems;
}

/**
 * The cleaned conversation as RSMF: read back from the cleaned file (so only what was kept, with
 * its markers), attachments from the cleaned zip or from beside the export.
 */
export async function writeCleanedRsmf(
  exportPath: string, cleaned: string, target: string, format: string, conversation: string | undefined,
  options: { now?: Date; timeZone?: string },
): Promise<void> {
  const parsed = await readExport(cleaned, { format, conversation, timeZone: options.timeZone });
  const input = await openExport(cleaned);
  try {
    const reader = getFormat(format);
    const entry = input.zip ? await reader?.chatEntry?.(input, { conversation }) : undefined;
    await writeRsmf(target, parsed.conversation, parsed.messages, {
      format,
      now: options.now,
      timeZone: options.timeZone,
      async attachments(name) {
        if (input.zip && entry) {
          const at = reader?.attachmentEntry?.(entry, name) ?? name;
          if (!input.zip.entries.has(at)) return undefined;
          const chunks: Uint8Array[] = [];
          for await (const chunk of input.open(at)) chunks.push(chunk);
          return Buffer.concat(chunks);
        }
        // Beside a plain export; names come from the chat, so nothing outside its folder is read.
        const folder = path.resolve(path.dirname(exportPath));
        const file = path.resolve(folder, name);
        if (!file.startsWith(folder + path.sep)) return undefined;
        return fs.promises.readFile(file).catch(() => undefined);
      },
    });
  } finally {
    input.close();
  }
}
