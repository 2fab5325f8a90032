import { randomInt } from 'node:crypto';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { renderMessageLine, spotCheckSample, type Settings, type SpotCheck } from '../model';
import { activeExport } from './cleaning';
import { revealMessage } from './reveal';
import type { ReviewFileSystem } from './reviewFileSystem';

/**
 * Spot-Check Sample: the second reviewer walks a seeded sample of removed and kept messages,
 * each shown in its review page, and approves or disputes each with the keyboard. Verdicts go
 * into the review state (and so the report); disputes become flags for the first reviewer.
 */
export function spotCheck(reviews: ReviewFileSystem, settings: () => Settings) {
  return async (): Promise<void> => {
    const review = await activeExport(reviews);
    if (!review) return;
    const s = settings();
    const state = review.reviewState;
    const seed = state.spotCheckSeed ?? randomInt(2 ** 31);
    const messages = review.parsed.messages;
    const sizes = reviews.policy().policy.spotCheck;
    const sample = spotCheckSample(messages, state, sizes.removed, sizes.kept, seed);
    if (sample.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to spot-check yet.'));
      return;
    }
    const index = new Map(messages.map((m, i) => [m.id, i]));
    const tags = new Map(state.tags.map((t) => [t.id, t]));
    const by = s.reviewer || os.userInfo().username;
    const verdicts: SpotCheck[] = [];
    for (let i = 0; i < sample.length; i++) {
      const item = sample[i];
      const at = index.get(item.id)!;
      await revealMessage(review, item.id);
      const tag = tags.get(item.id);
      const approve = { label: `$(check) ${vscode.l10n.t('Approve')}`, verdict: 'approve' as const };
      const dispute = { label: `$(comment) ${vscode.l10n.t('Dispute…')}`, verdict: 'dispute' as const };
      const skip = { label: `$(arrow-right) ${vscode.l10n.t('Skip')}`, verdict: undefined };
      const stop = { label: `$(close) ${vscode.l10n.t('Stop')}`, verdict: null };
      const pick = await vscode.window.showQuickPick([approve, dispute, skip, stop], {
        title: vscode.l10n.t('Spot check {0} of {1}: {2} — {3}', i + 1, sample.length, item.id,
          tag ? vscode.l10n.t('removed as {0} (rule {1}, by {2})', tag.tag, tag.rule ?? '—', tag.by) : vscode.l10n.t('kept')),
        placeHolder: renderMessageLine(messages[at]).slice(6, 200),
        ignoreFocusOut: true,
      });
      if (!pick || pick.verdict === null) break;
      if (pick.verdict === undefined) continue;
      let comment: string | undefined;
      if (pick.verdict === 'dispute') {
        comment = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Why do you dispute the decision on {0}?', item.id), ignoreFocusOut: true });
        if (!comment) continue;
      }
      verdicts.push({ id: item.id, verdict: pick.verdict, ...(comment ? { comment } : {}), by, at: new Date().toISOString() });
    }
    if (verdicts.length === 0) return;
    await review.recordSpotChecks(seed, verdicts);
    reviews.reviewStateChanged(review.id);
    const disputed = verdicts.filter((v) => v.verdict === 'dispute').length;
    void vscode.window.showInformationMessage(vscode.l10n.t('Spot check recorded: {0} approved, {1} disputed (sample seed {2}).', verdicts.length - disputed, disputed, seed));
  };
}
