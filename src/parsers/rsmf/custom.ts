import { MessageKind, MessageMeta, Precision } from '../../model/conversation';

/**
 * What a message says that RSMF has no field for travels in the event's `custom` name/value
 * pairs under a `chatreview.` prefix: RSMF viewers show them, and the importer reads back only
 * its own names, never another generator's. The kind is written only where the event's shape
 * would read as another one (media without a file), the precision only where it is not seconds,
 * a poll as JSON.
 */
const PREFIX = 'chatreview.';

/** Message meta that is a single text. */
export const TEXT_META = ['placeholder', 'location', 'sticker', 'service', 'quote', 'subject'] as const;
type TextMeta = (typeof TEXT_META)[number];

export interface ChatReviewCustom {
  kind?: MessageKind;
  precision?: Precision;
  meta: Partial<Pick<MessageMeta, TextMeta | 'poll'>>;
}

export function writeCustom(c: ChatReviewCustom): { name: string; value: string }[] {
  const pairs: [string, string | undefined][] = [
    ['kind', c.kind], ['precision', c.precision], ...TEXT_META.map((key) => [key, c.meta[key]] as [string, string | undefined]),
    ['poll', c.meta.poll && JSON.stringify(c.meta.poll)],
  ];
  return pairs.filter((p): p is [string, string] => !!p[1]).map(([key, value]) => ({ name: PREFIX + key, value }));
}

export function readCustom(custom: readonly { name: string; value: string }[] | undefined): ChatReviewCustom {
  const read: ChatReviewCustom = { meta: {} };
  for (const { name, value } of custom ?? []) {
    if (!name.startsWith(PREFIX)) continue;
    const key = name.slice(PREFIX.length);
    if (key === 'kind') read.kind = MessageKind.safeParse(value).data;
    else if (key === 'precision') read.precision = Precision.safeParse(value).data;
    else if (key === 'poll') {
      const poll = MessageMeta.shape.poll.safeParse(parseJson(value)).data;
      if (poll) read.meta.poll = poll;
    }
    else if ((TEXT_META as readonly string[]).includes(key)) read.meta[key as TextMeta] = value;
  }
  return read;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
