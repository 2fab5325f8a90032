/**
 * How Telegram Desktop lays out `result.json`, for writers that remove messages by deleting
 * their lines. Every message object sits on lines of its own, the comma that separates it from
 * the next one at the end of its closing line (the parser refuses files laid out otherwise):
 *
 *     "messages": [
 *      {                 ← source.line
 *       "id": 41,
 *       …
 *      },                ← source.line + source.lines - 1: the closing brace and its comma
 *      {
 *       "id": 42,
 *       …
 *      }                 ← the last message of the list has no comma
 *     ]
 *
 * Deleting any message's lines therefore leaves valid JSON, with one exception: when the deleted
 * messages end their list, the comma on the closing line of the message before them is left
 * dangling before `]`. (JSON strings hold no raw line breaks, so every line starts and ends
 * outside a string: a final comma and a leading bracket are always structure.)
 */

const CLOSES = /^[ \t]*[\]}]/;
const FINAL_COMMA = /,([ \t]*(?:\r\n|\r|\n)?)$/;

/**
 * Given a kept line and the kept line that follows it (line ends attached, as
 * readLinesWithEnds gives them), returns the first without its final comma when the second
 * closes the list, i.e. when the messages between them were the last of the list; otherwise
 * the line itself.
 */
export function withoutDanglingComma(line: string, next: string | undefined): string {
  return next !== undefined && CLOSES.test(next) ? line.replace(FINAL_COMMA, '$1') : line;
}
