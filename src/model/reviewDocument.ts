import type { Conversation, Message } from './conversation';

/** What the review document's header says about the export it shows. */
export interface ReviewHeader {
  format: string;
  fileName: string;
  sha256: string;
  conversation: Conversation;
}

export const TAG_COLUMN_WIDTH = 6;
export const LINE_BREAK_MARK = '⏎';
export const ATTACHMENT_MARK = '📎';

function formatTime(m: Message): string {
  const t = m.timestamp;
  const time = m.precision === 'second' ? t.slice(11, 19) : m.precision === 'minute' ? t.slice(11, 16) : '--:--';
  return `${t.slice(0, 10)} ${time}`;
}

/** A message's text as one line: line breaks become ⏎, attachments 📎 name. */
export function renderMessageBody(m: Message): string {
  const parts: string[] = [];
  if (m.kind === 'deleted') parts.push(`⊘ ${m.meta?.placeholder ?? 'deleted'}`);
  else if (m.kind === 'media' && m.attachments.length === 0) parts.push(`${ATTACHMENT_MARK} ${m.meta?.placeholder ?? 'media'}`);
  for (const a of m.attachments) parts.push(`${ATTACHMENT_MARK} ${a.name}${a.present ? '' : ' (missing)'}`);
  if (m.text) parts.push(m.text.split(/\r\n|\r|\n/).join(` ${LINE_BREAK_MARK} `));
  return parts.join(' ');
}

/** One line per message: tag column, id, local time, sender, text (DESIGN.md). */
export function renderMessageLine(m: Message, tag = ''): string {
  const who = m.sender === null ? '—' : `${m.sender}:`;
  return `${tag.padEnd(TAG_COLUMN_WIDTH)}${m.id} ${formatTime(m)} ${who} ${renderMessageBody(m)}`;
}

export function renderHeader(h: ReviewHeader, messages: readonly Message[]): string[] {
  const first = messages[0];
  const last = messages[messages.length - 1];
  const range = first && last ? `${formatTime(first)} – ${formatTime(last)}` : 'no messages';
  return [
    `# Chat Review · ${h.conversation.title} · ${h.format}`,
    `# source: ${h.fileName} · sha256 ${h.sha256}`,
    `# ${messages.length} messages · ${range} · ${h.conversation.participants.length} participants`,
  ];
}

export function renderReviewDocument(h: ReviewHeader, messages: readonly Message[]): string {
  const lines = renderHeader(h, messages);
  for (const m of messages) lines.push(renderMessageLine(m));
  return lines.join('\n') + '\n';
}
