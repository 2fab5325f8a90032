import * as vscode from 'vscode';
import type { PolicyInForce } from '../model';
import { parseReviewUri, REVIEW_SCHEME, type ReviewFileSystem } from './reviewFileSystem';
import { openCount, taggedCount, type StatsStore } from './reviewStats';

/** The policy in force, in one line: name, version, fingerprint, or what is wrong with its file. */
function policyLine(p: PolicyInForce): string {
  if (p.problems.length && p.file) return vscode.l10n.t('Policy: built-in, because {0} has {1} problems (saving a cleaned export is refused)', p.file, p.problems.length);
  return vscode.l10n.t('Policy: {0} (version {1}, {2}) · sha256 {3}…', p.policy.name, p.policy.version, p.source, p.sha256.slice(0, 12));
}

/** Open flags, tags and progress of the active review page; a click opens the dashboard. */
export function createStatusBar(stats: StatsStore, reviews: ReviewFileSystem): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('chatreview.status', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('Chat Review');
  item.command = 'chatreview.showDashboard';
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const s = uri?.scheme === REVIEW_SCHEME ? stats.get(uri) : undefined;
    if (!s) {
      item.hide();
      return;
    }
    const open = openCount(s);
    const percent = s.messages ? Math.floor((100 * s.reviewed) / s.messages) : 100;
    // A paged conversation also shows its total, counted from the saved state.
    const target = parseReviewUri(uri!);
    const conversation = target.page === undefined ? undefined : reviews.conversationFlags(target.reviewId);
    const total = conversation && conversation.perPage.size ? conversation.total.open : undefined;
    const pageText = vscode.l10n.t('{0} open · {1} tagged · {2}% reviewed', open, taggedCount(s), percent);
    item.text = `$(${open ? 'shield' : 'pass'}) ${total === undefined ? pageText : vscode.l10n.t('{0} (conversation: {1} open)', pageText, total)}`;
    item.tooltip = new vscode.MarkdownString([
      vscode.l10n.t('**Chat Review** — this page'),
      vscode.l10n.t('Open flags: {0} AVG, {1} privé, {2} scope; {3} notices', s.open.AVG, s.open['privé'], s.open.scope, s.open.info),
      vscode.l10n.t('Tagged: {0} AVG, {1} privé, {2} scope; {3} kept; {4} redactions', s.tagged.AVG, s.tagged['privé'], s.tagged.scope, s.kept, s.redactions),
      s.invalidLines ? vscode.l10n.t('{0} lines with edited text: saving is refused until they are undone', s.invalidLines) : '',
      policyLine(reviews.policy()),
    ].filter(Boolean).join('\n\n'));
    const policyBroken = reviews.policy().problems.length > 0;
    item.backgroundColor = s.invalidLines
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : policyBroken ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const subscriptions = [item, stats.onDidChange(update), reviews.onDidChangePolicy(update), reviews.onDidChangeConversationFlags(update), vscode.window.onDidChangeActiveTextEditor(update)];
  update();
  return vscode.Disposable.from(...subscriptions);
}
