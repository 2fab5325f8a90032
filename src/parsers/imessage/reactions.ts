import type { MessageMeta } from '../../model/conversation';

export type Reaction = NonNullable<MessageMeta['reactions']>[number];

/** The classic tapbacks as exporters name them (`Loved by Bram`), and the emoji they show. */
const TAPBACK_EMOJI: Record<string, string> = {
  Loved: '❤️',
  Liked: '👍',
  Disliked: '👎',
  Laughed: '😂',
  Emphasized: '‼️',
  Questioned: '❓',
};

/** `Loved by Bram`, `☕️ by Bram` (a custom emoji tapback). */
const BY = /^(\S+) by (.+)$/u;
/** `Sticker from Bram: /path/to/sticker.heic` (a sticker placed on the message). */
const STICKER = /^Sticker from (.+?)(?:: .*| not found!)$/u;
/** `Bram: 👍`, as a reactions column may list them. */
const NAMED = /^(.+?): (\S+)$/u;

/**
 * One reaction as an exporter writes it, or undefined when the text is not one. Classic tapbacks
 * become their emoji; a sticker reaction is recorded as the word `sticker`.
 */
export function parseReaction(entry: string): Reaction | undefined {
  const text = entry.trim();
  const sticker = STICKER.exec(text);
  if (sticker) return { by: sticker[1], emoji: 'sticker' };
  const by = BY.exec(text);
  if (by && (TAPBACK_EMOJI[by[1]] || !/^\p{L}/u.test(by[1]))) return { by: by[2], emoji: TAPBACK_EMOJI[by[1]] ?? by[1] };
  const named = NAMED.exec(text);
  if (named && !/^\p{L}/u.test(named[2])) return { by: named[1], emoji: named[2] };
  return undefined;
}

/**
 * A reactions cell (iMazing): entries on separate lines or separated by `;`. An entry in no form
 * we know is kept whole as the emoji with no one named, so nothing the export says is lost.
 */
export function parseReactionsCell(cell: string): Reaction[] {
  return cell.split(/\r\n|\r|\n|;/).map((e) => e.trim()).filter(Boolean)
    .map((entry) => parseReaction(entry) ?? { by: '', emoji: entry });
}
