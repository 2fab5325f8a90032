import type { Writable } from 'node:stream';

/**
 * Writes a big JSON document piece by piece: small writes are gathered into blocks, and the
 * caller awaits `drain()` between chunks of input so a slow reader holds back the parser.
 */
export class JsonWriter {
  private buffer: string[] = [];
  private size = 0;
  private waiting: Promise<void> | null = null;

  constructor(private readonly out: Writable, private readonly blockSize = 256 * 1024) {}

  raw(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= this.blockSize) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    const ok = this.out.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
    if (!ok && !this.waiting) {
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
