import * as vscode from 'vscode';
import { DISPUTE_RULE } from '../model';
import type { ReviewStats } from '../model/protocol';

/** The latest statistics the server sent, per review document. */
export class StatsStore {
  private readonly byUri = new Map<string, ReviewStats>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, stats: ReviewStats): void {
    this.byUri.set(uri.toString(), stats);
    this.changed.fire(uri);
  }

  get(uri: vscode.Uri): ReviewStats | undefined {
    return this.byUri.get(uri.toString());
  }
}

/** "1 message", "2 messages" (VS Code's l10n has no plural forms). */
export function messageCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 message') : vscode.l10n.t('{0} messages', n);
}

/** Open flags that ask for a decision: the three tags, and the second reviewer's disputes. */
export function openCount(s: ReviewStats): number {
  return s.open['privé'] + s.open.AVG + s.open.scope + (s.openByRule[DISPUTE_RULE] ?? 0);
}

export function taggedCount(s: ReviewStats): number {
  return s.tagged['privé'] + s.tagged.AVG + s.tagged.scope;
}
