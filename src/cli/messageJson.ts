import type { Message } from '../model/conversation';

const quote = JSON.stringify;

/**
 * `JSON.stringify(message)` for the one shape `chatreview parse` prints a million times: ids,
 * timestamps and enum values are known to need no escaping, and quoted senders are reused.
 * Output is identical to JSON.stringify (a unit test holds it to that).
 */
export class MessageJson {
  private readonly senders = new Map<string, string>();

  stringify(m: Message): string {
    let sender = 'null';
    if (m.sender !== null) {
      sender = this.senders.get(m.sender) ?? quote(m.sender);
      if (this.senders.size < 10_000) this.senders.set(m.sender, sender);
    }
    let s = '{"id":"' + m.id + '","timestamp":"' + m.timestamp + '","precision":"' + m.precision
      + '","sender":' + sender + ',"direction":' + (m.direction === null ? 'null' : '"' + m.direction + '"')
      + ',"kind":"' + m.kind + '","text":' + quote(m.text) + ',"attachments":'
      + (m.attachments.length === 0 ? '[]' : quote(m.attachments))
      + ',"replyTo":' + (m.replyTo === null ? 'null' : quote(m.replyTo))
      + ',"source":{"line":' + m.source.line + ',"lines":' + m.source.lines + '}';
    if (m.meta !== undefined) s += ',"meta":' + quote(m.meta);
    return s + '}';
  }
}
