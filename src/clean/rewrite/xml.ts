import type { Message, Redaction } from '../../model';
import type { CleaningPlan, LineRewriter } from '../lines';
import { cannotPlace } from './text';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as the text it stands for (the five named entities and character references). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? all;
    return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
  });
}

/** A text as an attribute value between `quote`s; line breaks and tabs as references, so they survive. */
export function encodeAttribute(text: string, quote: '"' | "'"): string {
  return text.replace(/[&<>"'\n\r\t]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '\n': return '&#10;';
      case '\r': return '&#13;';
      case '\t': return '&#9;';
      default: return c === quote ? (c === '"' ? '&quot;' : '&apos;') : c;
    }
  });
}

/** An attribute in a run of markup: where its value stands and what it says. */
interface AttributeValue { start: number; end: number; quote: '"' | "'"; text: string }

function attributesNamed(markup: string, name: string, within?: RegExp): AttributeValue[] {
  const found: AttributeValue[] = [];
  const elements = within ? [...markup.matchAll(within)] : [{ 0: markup, index: 0 } as RegExpMatchArray];
  for (const element of elements) {
    const re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'g');
    for (const a of element[0].matchAll(re)) {
      const quote = a[1][0] as '"' | "'";
      const start = element.index! + a.index! + a[0].length - a[1].length + 1;
      found.push({ start, end: start + a[1].length - 2, quote, text: decodeAttribute(a[2] ?? a[3]) });
    }
  }
  return found;
}

/**
 * SMS Backup & Restore: an `<sms>`'s text is its `body` attribute; an `<mms>`'s is its text/plain
 * parts' `text` attributes joined by line breaks. Each value is written again with the spans
 * that fall in it redacted (a span across parts leaves its marker in the first). Only those
 * attribute values change; the markup around them stays byte for byte.
 */
export const smsRewriter: LineRewriter = (raw: string[], m: Message, redactions: readonly Redaction[], plan: CleaningPlan) => {
  const block = raw.join('');
  const values = /^\s*<sms\b/.test(block)
    ? attributesNamed(block.slice(0, block.indexOf('>') + 1), 'body')
    : attributesNamed(block, 'text', /<part\b[^>]*\bct\s*=\s*("text\/plain"|'text\/plain')[^>]*>/g);
  if (values.map((v) => v.text).join('\n') !== m.text) throw cannotPlace(m, redactions, 'its element does not hold the text that was reviewed');
  let out = block;
  let offset = m.text.length;
  // Last value first, so the positions of the earlier ones still hold.
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    offset -= v.text.length;
    const from = offset;
    const to = offset + v.text.length;
    offset -= 1;
    let text = '';
    let at = from;
    for (const r of [...redactions].sort((a, b) => a.start - b.start)) {
      if (r.end <= from || r.start >= to) continue;
      text += m.text.slice(at, Math.max(at, r.start)) + (r.start >= from ? plan.marker(r.tag) : '');
      at = Math.min(to, r.end);
    }
    text += m.text.slice(at, to);
    if (text !== v.text) out = out.slice(0, v.start) + encodeAttribute(text, v.quote) + out.slice(v.end);
  }
  const lines = out.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  // The element keeps its lines (attribute values hold no raw line breaks, references instead).
  return raw.map((_, i) => lines[i] ?? null);
};
