import * as fs from 'node:fs';

const CONTEXT = 3;

interface HunkLine {
  prefix: ' ' | '-' | '+';
  text: string;
}

/** Hunk lines kept in memory before they go to a spill file (a hunk's header needs its counts first). */
const HUNK_MEMORY_BYTES = 8 * 1024 * 1024;

/** Where a hunk's early lines wait on disk, so a hunk of any size takes bounded memory. */
export interface SpillFile {
  append(text: string): void;
  /** Hands back what was appended, in chunks, and empties the file. */
  drain(write: (chunk: Buffer) => void): void;
}

/** A spill file at `file`, created on first use, written and read with plain synchronous calls. */
export function spillFile(file: string): SpillFile & { remove(): void } {
  let fd: number | undefined;
  let size = 0;
  return {
    append(text) {
      fd ??= fs.openSync(file, 'w+');
      size += fs.writeSync(fd, text, size);
    },
    drain(write) {
      if (fd === undefined) return;
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      for (let at = 0; at < size;) {
        const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
        write(chunk.subarray(0, n));
        at += n;
      }
      size = 0;
    },
    remove() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
      fs.rmSync(file, { force: true });
    },
  };
}

interface Hunk {
  oldStart: number;
  newStart: number;
  /** Lines not yet spilled; the last `trailing` of them are context after the latest change. */
  lines: HunkLine[];
  bytes: number;
  spilled: boolean;
  oldCount: number;
  newCount: number;
  reasons: string[];
  trailing: number;
}

function hunkText(l: HunkLine): string {
  return l.prefix + l.text + (/[\r\n]$/.test(l.text) ? '' : '\n\\ No newline at end of file\n');
}

/**
 * Writes a git-style unified diff of one file from a stream of line events, in one pass and
 * without comparing files: the caller knows which lines it removed or changed. Lines carry
 * their own line ends, so CRLF files diff and re-apply byte for byte. Three lines of context,
 * as `git apply` expects; hunks whose context would touch are merged. A hunk's header needs its
 * line counts, so its lines wait; beyond a few MB they wait in a spill file, not in memory.
 */
export class UnifiedDiffWriter {
  private readonly before: string[] = [];
  private hunk: Hunk | null = null;
  private oldLine = 0;
  private newLine = 0;
  private started = false;

  constructor(
    private readonly path: string,
    private readonly write: (data: string | Buffer) => void,
    private readonly spill?: SpillFile,
  ) {}

  /** An unchanged line. */
  same(line: string): void {
    this.oldLine++;
    this.newLine++;
    if (this.hunk) {
      if (this.hunk.trailing < 2 * CONTEXT) {
        this.push({ prefix: ' ', text: line });
        this.hunk.trailing++;
        return;
      }
      this.closeHunk();
    }
    this.before.push(line);
    if (this.before.length > CONTEXT) this.before.shift();
  }

  /** A line removed, or replaced by `replacement`; `reason` names why in the hunk heading. */
  change(line: string, replacement: string | null, reason: string): void {
    this.openHunk();
    const hunk = this.hunk!;
    hunk.trailing = 0;
    this.push({ prefix: '-', text: line });
    this.oldLine++;
    if (replacement !== null) {
      this.push({ prefix: '+', text: replacement });
      this.newLine++;
    }
    if (!hunk.reasons.includes(reason)) hunk.reasons.push(reason);
  }

  /** A line added where nothing stood (a BOM that outlives every line of its file). */
  add(line: string, reason: string): void {
    this.openHunk();
    const hunk = this.hunk!;
    hunk.trailing = 0;
    this.push({ prefix: '+', text: line });
    this.newLine++;
    if (!hunk.reasons.includes(reason)) hunk.reasons.push(reason);
  }

  end(): void {
    if (this.hunk) this.closeHunk();
  }

  private push(line: HunkLine): void {
    const hunk = this.hunk!;
    hunk.lines.push(line);
    hunk.bytes += line.text.length;
    if (line.prefix !== '+') hunk.oldCount++;
    if (line.prefix !== '-') hunk.newCount++;
    // Spill all but the trailing context, which may still leave the hunk when it closes.
    if (this.spill && hunk.bytes > HUNK_MEMORY_BYTES && line.prefix !== ' ') {
      this.spill.append(hunk.lines.map(hunkText).join(''));
      hunk.lines = [];
      hunk.bytes = 0;
      hunk.spilled = true;
    }
  }

  private openHunk(): void {
    if (this.hunk) return;
    if (!this.started) {
      this.started = true;
      this.write(`diff --git a/${this.path} b/${this.path}\n--- a/${this.path}\n+++ b/${this.path}\n`);
    }
    const context = this.before.splice(0);
    this.hunk = {
      oldStart: this.oldLine + 1 - context.length, newStart: this.newLine + 1 - context.length,
      lines: [], bytes: 0, spilled: false, oldCount: 0, newCount: 0, reasons: [], trailing: 0,
    };
    for (const text of context) this.push({ prefix: ' ', text });
  }

  private closeHunk(): void {
    const hunk = this.hunk!;
    this.hunk = null;
    // Context beyond CONTEXT lines after the last change belongs before the next hunk.
    const extra = Math.max(0, hunk.trailing - CONTEXT);
    const kept = hunk.lines.slice(0, hunk.lines.length - extra);
    for (const l of hunk.lines.slice(hunk.lines.length - extra)) {
      this.before.push(l.text);
      if (this.before.length > CONTEXT) this.before.shift();
    }
    const oldCount = hunk.oldCount - extra;
    const newCount = hunk.newCount - extra;
    // An empty side starts at the line before it (unified-diff convention).
    const oldStart = oldCount === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = newCount === 0 ? hunk.newStart - 1 : hunk.newStart;
    this.write(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@ ${hunk.reasons.join('; ')}\n`);
    if (hunk.spilled) this.spill!.drain(this.write);
    this.write(kept.map(hunkText).join(''));
  }
}

/** A file the cleaning removed entirely (an attachment of a removed message), as git writes it. */
export function deletedBinaryFile(path: string, gitBlobSha1: string): string {
  return `diff --git a/${path} b/${path}\ndeleted file mode 100644\nindex ${gitBlobSha1}..${'0'.repeat(40)}\nBinary files a/${path} and /dev/null differ\n`;
}
