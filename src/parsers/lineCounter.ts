/**
 * The 1-based line of byte offsets in a stream, counting LF, CRLF and lone CR as the line readers
 * (and so the cleaner) do: the Telegram and RSMF readers get byte offsets from the JSON tokenizer
 * and report lines. Offsets are asked in increasing order and lie in the chunk being tokenized.
 */
export class LineCounter {
  private line = 1;
  private chunk: Uint8Array = new Uint8Array(0);
  private chunkStart = 0;
  /** Bytes of the current chunk already counted. */
  private counted = 0;
  /** The last byte counted is a CR: an LF right after it (maybe in the next chunk) ends no other line. */
  private afterCR = false;

  /** The tokenizer moves on to the next chunk of the stream. */
  next(chunk: Uint8Array): void {
    this.countTo(this.chunk.length);
    this.chunkStart += this.chunk.length;
    this.chunk = chunk;
    this.counted = 0;
  }

  /** The line of the byte at `offset`; for an offset of an earlier chunk, the line counted so far. */
  at(offset: number): number {
    this.countTo(Math.min(offset - this.chunkStart, this.chunk.length));
    return this.line;
  }

  /** Native searches, not a loop over every byte: this runs over hundreds of megabytes. */
  private countTo(end: number): void {
    const bytes = this.chunk;
    const start = this.counted;
    if (end <= start) return;
    for (let i = bytes.indexOf(13, start); i !== -1 && i < end; i = bytes.indexOf(13, i + 1)) this.line++;
    for (let i = bytes.indexOf(10, start); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) {
      if (i === 0 ? !this.afterCR : bytes[i - 1] !== 13) this.line++;
    }
    this.afterCR = bytes[end - 1] === 13;
    this.counted = end;
  }
}
