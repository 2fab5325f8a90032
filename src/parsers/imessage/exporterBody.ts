import type { Attachment, MessageKind, MessageMeta } from '../../model/conversation';
import { parseReaction, type Reaction } from './reactions';

/** Lines imessage-exporter writes into a message's body that the sender never typed. */
export const NOTES = {
  /** Under the top-level copy of a thread reply (its in-thread copy sits under the message it answers). */
  responded: 'This message responded to an earlier message.',
  deleted: 'This message was deleted from the conversation!',
  missing: 'Attachment missing!',
} as const;

const REACTIONS_HEADINGS = new Set(['Tapbacks:', 'Reactions:']);

/** `Edited 2 minutes later: …`, the edit history imessage-exporter writes under an edited message. */
const EDIT_HISTORY = /^Edited .+ later: /;

/**
 * An attachment line: the path of the file, absolute (`/Users/…`, `~/Library/Messages/…`) or
 * relative to the export (`attachments/…`, `./…`). Other text containing a slash stays text.
 */
const ATTACHMENT_PATH = /^(?:~?\/|\.{1,2}\/|attachments\/)\S(?:.*\S)?\.[A-Za-z0-9]{2,5}$/i;

export interface BodyContent {
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
  meta: MessageMeta | undefined;
  /** The body carries the note of a thread reply's top-level copy. */
  responded: boolean;
}

/**
 * Reads the body lines of one message (indentation of a thread reply already removed). Reactions
 * follow a `Tapbacks:` (newer) or `Reactions:` (older) heading, their entries indented or not (older
 * versions indent them unevenly); the section ends at the first line that is no reaction.
 */
export function readBody(lines: readonly string[], present: (name: string) => boolean): BodyContent {
  const text: string[] = [];
  const attachments: Attachment[] = [];
  const reactions: Reaction[] = [];
  const notes = new Set<string>();
  let edited = false;
  let inReactions = false;
  for (const line of lines) {
    if (inReactions) {
      const reaction = parseReaction(line);
      if (reaction) {
        reactions.push(reaction);
        continue;
      }
      inReactions = false;
      // Older versions end the list with an empty line of its own.
      if (line.trim() === '') continue;
    }
    if (REACTIONS_HEADINGS.has(line)) {
      inReactions = true;
    } else if (line === NOTES.responded || line === NOTES.deleted || line === NOTES.missing) {
      notes.add(line);
    } else if (ATTACHMENT_PATH.test(line)) {
      // A path outside the export (absolute, or in the home folder) is never present.
      attachments.push({ name: line, present: !/^[~/]/.test(line) && present(line) });
    } else {
      if (EDIT_HISTORY.test(line)) edited = true;
      text.push(line);
    }
  }
  while (text.length && text[text.length - 1].trim() === '') text.pop();

  const meta: MessageMeta = {};
  if (reactions.length) meta.reactions = reactions;
  if (edited) meta.edited = true;
  const deleted = notes.has(NOTES.deleted);
  if (deleted) meta.placeholder = NOTES.deleted;
  else if (notes.has(NOTES.missing)) meta.placeholder = NOTES.missing;
  const joined = text.join('\n');
  const media = joined === '' && (attachments.length > 0 || notes.has(NOTES.missing));
  return {
    // A deleted message's text is still in the export (recovered): kept, with the notice as placeholder.
    kind: deleted ? 'deleted' : media ? 'media' : 'message',
    text: joined,
    attachments,
    meta: Object.keys(meta).length ? meta : undefined,
    responded: notes.has(NOTES.responded),
  };
}
