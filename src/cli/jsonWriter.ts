import type { Writable } from 'node:stream';

/**
 * Writes a big JSON document piece by piece. Pieces are UTF-8-encoded straight into a block
 * buffer (joining millions of small strings first costs more than the parse); the caller
 * awaits `drain()` between chunks of input so a slow reader holds back the parser.
 */
export class JsonWriter {
  private block: Buffer;
  private used = 0;
  private waiting: Promise<void> | null = null;

  constructor(private readonly out: Writable, private readonly blockSize = 1024 * 1024) {
    this.block = Buffer.allocUnsafe(blockSize);
  }

  raw(text: string): void {
    // Worst case UTF-8 needs 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.block.length) {
      this.flush();
      if (text.length * 3 > this.block.length) {
        this.send(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.block.write(text, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    const full = this.block.subarray(0, this.used);
    // The stream may hold on to what it was given, so each block is a fresh buffer.
    this.block = Buffer.allocUnsafe(this.blockSize);
    this.used = 0;
    this.send(full);
  }

  private send(bytes: Buffer): void {
    if (!this.out.write(bytes) && !this.waiting) {
      this.waiting = new Promise((resolve) => this.out.once('drain', () => {
        this.waiting = null;
        resolve();
      }));
    }
  }

  drain(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }

  async end(): Promise<void> {
    this.flush();
    await this.drain();
  }
}
