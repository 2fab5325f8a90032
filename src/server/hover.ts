import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Message } from '../model';
import type { Analysis } from './analysis';

const IMAGE = /\.(?:jpe?g|png|gif|webp)$/i;

/** The key of a screenshot message's bubble crop among a hover's previews. */
export const BUBBLE_PREVIEW = '\u0000bubble';

/** Escapes what Markdown would interpret inside a line of text (emphasis, code, links, HTML). */
function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** Whether an attachment is an image worth previewing. */
export function isPreviewable(name: string): boolean {
  return IMAGE.test(name);
}

/**
 * The hover of a message line: metadata, where it sits in the original export, every flag
 * with its explanation and whether it is resolved, and image previews.
 */
export function messageHover(m: Message, analysis: Analysis, line: number, previews: Map<string, string>, quoted: Message | null = null): Hover {
  const parts: string[] = [];
  const who = m.sender === null ? 'system event' : escape(m.sender);
  // As precise as the export is: a day-precision time would be made up.
  const when = m.precision === 'day' ? m.timestamp.slice(0, 10) : m.precision === 'minute' ? m.timestamp.slice(0, 16).replace('T', ' ') : m.timestamp.replace('T', ' ');
  parts.push(`**${who}** · ${when} (${m.precision} precision) · ${m.kind} · \`${m.id}\``);
  // Screenshots have no chat text of their own: lines are those of the transcript made from them.
  parts.push(`${m.meta?.image ? 'Transcript' : 'Original export'}: line ${m.source.line}${m.source.lines > 1 ? `–${m.source.line + m.source.lines - 1}` : ''}`);
  if (quoted) parts.push(`↪ Reply to **${quoted.sender === null ? 'system event' : escape(quoted.sender)}** (${quoted.timestamp.replace('T', ' ')}, \`${quoted.id}\`):\n\n> ${escape(quoted.text).replace(/\n/g, '\n> ')}`);
  else if (m.meta?.quote) parts.push(`↪ Reply to a message that is not in the export:\n\n> ${escape(m.meta.quote).replace(/\n/g, '\n> ')}`);
  for (const a of m.attachments) {
    parts.push(`📎 ${escape(a.name)}${a.present ? '' : ' — not in the export'}`);
    const preview = previews.get(a.name);
    if (preview) parts.push(`![${escape(a.name)}](${preview}|height=160)`);
  }
  if (m.meta?.edited) parts.push('Edited after sending (the export keeps only the last version).');
  if (m.meta?.image) {
    const { file, confidence } = m.meta.image;
    parts.push(`Read by OCR from ${escape(file)} (confidence ${Math.round(confidence * 100)}%): check the text against the bubble.`);
    const crop = previews.get(BUBBLE_PREVIEW);
    if (crop) parts.push(`![bubble](${crop})`);
  }
  if (m.meta?.gapBefore) parts.push('⚠ The screenshots before this message do not overlap with its own: messages may be missing just before it.');
  const flags = analysis.flags.filter((f) => f.line === line);
  if (flags.length) {
    parts.push('---');
    for (const { flag, resolved } of flags) {
      const state = resolved ? ' — resolved' : '';
      parts.push(`- **${flag.category}** \`${flag.rule}\` (${Math.round(flag.confidence * 100)}%): ${escape(flag.explanation)}${state}`);
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') } };
}
