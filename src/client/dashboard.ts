import * as vscode from 'vscode';
import type { ExportReview } from './exportReview';
import { parseReviewUri, reviewUri, type ReviewFileSystem } from './reviewFileSystem';
import { messageCount, openCount, type StatsStore } from './reviewStats';

export type DashboardNode = Node;

type Node =
  | { kind: 'export'; review: ExportReview }
  | { kind: 'page'; review: ExportReview; label: string | undefined; messages: number }
  | { kind: 'rule'; uri: vscode.Uri; rule: string; count: number };

/**
 * The activity-bar dashboard: opened exports, their pages with open-flag counts, and per page
 * the open flags by rule. Clicking a page opens it; clicking a rule jumps to its first flag.
 */
export class DashboardProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private refresh: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly reviews: ReviewFileSystem, private readonly stats: StatsStore) {
    // Stats arrive after every edit: refresh at most a few times a second.
    const later = () => {
      clearTimeout(this.refresh);
      this.refresh = setTimeout(() => this.changed.fire(undefined), 250);
    };
    reviews.onDidOpenExport(later);
    reviews.onDidChangeConversationFlags(later);
    stats.onDidChange(later);
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'page') return { kind: 'export', review: node.review };
    if (node.kind === 'rule') {
      const { reviewId, page } = parseReviewUri(node.uri);
      const review = this.reviewsById.get(reviewId);
      if (!review) return undefined;
      const range = review.page(page) ?? { start: 0, end: review.parsed.messages.length };
      return { kind: 'page', review, label: page, messages: range.end - range.start };
    }
    return undefined;
  }

  private reviewsById = new Map<string, ExportReview>();

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const reviews = await this.reviews.openReviews();
      this.reviewsById = new Map(reviews.map((r) => [r.id, r]));
      return reviews.map((review) => ({ kind: 'export', review }));
    }
    if (node.kind === 'export') {
      const { review } = node;
      if (review.pages.length === 0) return [{ kind: 'page', review, label: undefined, messages: review.parsed.messages.length }];
      return review.pages.map((p) => ({ kind: 'page', review, label: p.label, messages: p.end - p.start }));
    }
    if (node.kind === 'page') {
      const uri = reviewUri(node.review.id, node.label);
      const s = this.stats.get(uri);
      return s ? Object.entries(s.openByRule).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([rule, count]) => ({ kind: 'rule', uri, rule, count })) : [];
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'export') {
      const item = new vscode.TreeItem(node.review.parsed.conversation.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `export:${node.review.id}`;
      item.description = node.review.fileName;
      item.tooltip = vscode.l10n.t('{0} messages · {1}', node.review.parsed.messages.length, node.review.exportId);
      item.iconPath = new vscode.ThemeIcon('comment-discussion');
      return item;
    }
    if (node.kind === 'page') {
      const uri = reviewUri(node.review.id, node.label);
      const s = this.stats.get(uri);
      const item = new vscode.TreeItem(node.label ?? vscode.l10n.t('Conversation'), s && openCount(s) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `page:${uri.toString()}`;
      // An open page's live count; otherwise the count from the saved state, once scanned.
      const open = s ? openCount(s) : this.reviews.conversationFlags(node.review.id)?.perPage.get(node.label ?? '')?.open;
      item.description = open === undefined ? messageCount(node.messages) : vscode.l10n.t('{0} open flags · {1} messages', open, node.messages);
      item.iconPath = new vscode.ThemeIcon(open === undefined ? 'file' : open ? 'warning' : 'pass');
      item.command = { command: 'chatreview.openReviewAt', title: vscode.l10n.t('Open'), arguments: [uri] };
      return item;
    }
    const item = new vscode.TreeItem(node.rule);
    item.id = `rule:${node.uri.toString()}:${node.rule}`;
    item.description = String(node.count);
    item.iconPath = new vscode.ThemeIcon('tag');
    const first = vscode.languages.getDiagnostics(node.uri).find((d) => d.code === node.rule);
    item.command = { command: 'chatreview.openReviewAt', title: vscode.l10n.t('Go to flag'), arguments: [node.uri, first?.range.start.line] };
    return item;
  }
}
