const CONTEXT = 3;

interface HunkLine {
  prefix: ' ' | '-' | '+';
  text: string;
}

/**
 * Writes a git-style unified diff of one file from a stream of line events, in one pass and
 * without comparing files: the caller knows which lines it removed or changed. Lines carry
 * their own line ends, so CRLF files diff and re-apply byte for byte. Three lines of context,
 * as `git apply` expects; hunks whose context would touch are merged.
 */
export class UnifiedDiffWriter {
  private readonly before: string[] = [];
  private hunk: { oldStart: number; newStart: number; lines: HunkLine[]; reasons: string[]; trailing: number } | null = null;
  private oldLine = 0;
  private newLine = 0;
  private started = false;

  constructor(private readonly path: string, private readonly write: (text: string) => void) {}

  /** An unchanged line. */
  same(line: string): void {
    this.oldLine++;
    this.newLine++;
    if (this.hunk) {
      if (this.hunk.trailing < 2 * CONTEXT) {
        this.hunk.lines.push({ prefix: ' ', text: line });
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
    hunk.lines.push({ prefix: '-', text: line });
    this.oldLine++;
    if (replacement !== null) {
      hunk.lines.push({ prefix: '+', text: replacement });
      this.newLine++;
    }
    if (!hunk.reasons.includes(reason)) hunk.reasons.push(reason);
  }

  /** A line added where nothing stood (a BOM that outlives every line of its file). */
  add(line: string, reason: string): void {
    this.openHunk();
    const hunk = this.hunk!;
    hunk.trailing = 0;
    hunk.lines.push({ prefix: '+', text: line });
    this.newLine++;
    if (!hunk.reasons.includes(reason)) hunk.reasons.push(reason);
  }

  end(): void {
    if (this.hunk) this.closeHunk();
  }

  private openHunk(): void {
    if (this.hunk) return;
    if (!this.started) {
      this.started = true;
      this.write(`diff --git a/${this.path} b/${this.path}\n--- a/${this.path}\n+++ b/${this.path}\n`);
    }
    const context = this.before.splice(0);
    this.hunk = {
      oldStart: this.oldLine + 1 - context.length,
      newStart: this.newLine + 1 - context.length,
      lines: context.map((text) => ({ prefix: ' ', text })),
      reasons: [],
      trailing: 0,
    };
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
    let oldCount = 0;
    let newCount = 0;
    for (const l of kept) {
      if (l.prefix !== '+') oldCount++;
      if (l.prefix !== '-') newCount++;
    }
    // An empty side starts at the line before it (unified-diff convention).
    const oldStart = oldCount === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = newCount === 0 ? hunk.newStart - 1 : hunk.newStart;
    let text = `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@ ${hunk.reasons.join('; ')}\n`;
    for (const l of kept) {
      text += l.prefix + l.text;
      if (!/[\r\n]$/.test(l.text)) text += '\n\\ No newline at end of file\n';
    }
    this.write(text);
  }
}

/** A file the cleaning removed entirely (an attachment of a removed message), as git writes it. */
export function deletedBinaryFile(path: string, gitBlobSha1: string): string {
  return `diff --git a/${path} b/${path}\ndeleted file mode 100644\nindex ${gitBlobSha1}..${'0'.repeat(40)}\nBinary files a/${path} and /dev/null differ\n`;
}
