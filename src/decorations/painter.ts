import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE as SOURCE, lineId, readTag, TAG_COLUMN_WIDTH, type LineTag } from '../model';

type Tagged = 'tag-privé' | 'tag-AVG' | 'tag-scope' | 'keep';
type State = Tagged | `${Tagged}-icon` | 'flag-AVG' | 'flag-privé' | 'flag-scope' | 'flag-info' | 'redacted';


/** Lines painted around the visible ones, so scrolling a little shows no unpainted lines. */
const MARGIN = 100;
const DEBOUNCE_MS = 60;

function icon(extension: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(extension, 'media', 'icons', `${name}.svg`);
}

function createTypes(extension: vscode.Uri): Record<State, vscode.TextEditorDecorationType> {
  // Backgrounds cover the whole line; gutter icons sit on an empty range so a wrapped line
  // shows its icon once.
  const tagged = (color: string, ruler: string) => vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor(color),
    overviewRulerColor: new vscode.ThemeColor(ruler),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const gutter = (name: string) => vscode.window.createTextEditorDecorationType({ gutterIconPath: icon(extension, name) });
  return {
    'tag-privé': tagged('chatReview.taggedPrive.background', 'chatReview.taggedPrive.overviewRuler'),
    'tag-AVG': tagged('chatReview.taggedAvg.background', 'chatReview.taggedAvg.overviewRuler'),
    'tag-scope': tagged('chatReview.taggedScope.background', 'chatReview.taggedScope.overviewRuler'),
    keep: tagged('chatReview.kept.background', 'chatReview.kept.overviewRuler'),
    'tag-privé-icon': gutter('tag-prive'),
    'tag-AVG-icon': gutter('tag-avg'),
    'tag-scope-icon': gutter('tag-scope'),
    'keep-icon': gutter('keep'),
    'flag-AVG': gutter('flag-avg'),
    'flag-privé': gutter('flag-prive'),
    'flag-scope': gutter('flag-scope'),
    'flag-info': gutter('flag-info'),
    redacted: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('chatReview.redaction.background'),
      color: new vscode.ThemeColor('chatReview.redaction.foreground'),
      textDecoration: 'line-through',
      overviewRulerColor: new vscode.ThemeColor('chatReview.redaction.overviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    }),
  };
}

const TAG_STATE: Record<LineTag, Tagged> = { 'privé': 'tag-privé', AVG: 'tag-AVG', scope: 'tag-scope', keep: 'keep' };
const REDACTION = /⟦[^⟧]*⟧/g;

/**
 * Paints review documents (Error Lens style): one decoration type per state, created once; a
 * single debounced painter that sets every type once per editor, for the visible lines only.
 * Tags and redactions are read from the text; flags from the server's diagnostics.
 */
export class ReviewPainter implements vscode.Disposable {
  private readonly types: Record<State, vscode.TextEditorDecorationType>;
  private readonly pending = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(extension: vscode.Uri) {
    this.types = createTypes(extension);
    const all = () => vscode.window.visibleTextEditors.forEach((e) => this.schedule(e));
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(all),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.schedule(e.textEditor)),
      vscode.workspace.onDidChangeTextDocument((e) => vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document).forEach((ed) => this.schedule(ed))),
      vscode.languages.onDidChangeDiagnostics(all),
    );
    all();
  }

  schedule(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'chatreview') return;
    clearTimeout(this.pending.get(editor));
    this.pending.set(editor, setTimeout(() => {
      this.pending.delete(editor);
      this.paint(editor);
    }, DEBOUNCE_MS));
  }

  paint(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (doc.isClosed) return;
    const ranges = Object.fromEntries(Object.keys(this.types).map((k) => [k, [] as vscode.Range[]])) as Record<State, vscode.Range[]>;
    const flagged = new Map<number, State>();
    const order: State[] = ['flag-AVG', 'flag-privé', 'flag-scope', 'flag-info'];
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.source !== SOURCE || typeof d.code !== 'string' || d.code === 'edited-text' || d.code === 'more-flags') continue;
      const category = d.message.slice(0, d.message.indexOf(':'));
      const state: State = category === 'AVG' ? 'flag-AVG' : category === 'privé' ? 'flag-privé' : category === 'scope' ? 'flag-scope' : 'flag-info';
      const line = d.range.start.line;
      const current = flagged.get(line);
      if (!current || order.indexOf(state) < order.indexOf(current)) flagged.set(line, state);
    }
    for (const visible of editor.visibleRanges) {
      const from = Math.max(0, visible.start.line - MARGIN);
      const to = Math.min(doc.lineCount - 1, visible.end.line + MARGIN);
      for (let l = from; l <= to; l++) {
        const text = doc.lineAt(l).text;
        const id = lineId(text);
        if (!id) continue;
        const tag = readTag(text.slice(0, text.indexOf(id)));
        if (tag) {
          ranges[TAG_STATE[tag]].push(new vscode.Range(l, 0, l, TAG_COLUMN_WIDTH));
          ranges[`${TAG_STATE[tag]}-icon`].push(new vscode.Range(l, 0, l, 0));
        }
        else if (flagged.has(l)) ranges[flagged.get(l)!].push(new vscode.Range(l, 0, l, 0));
        if (text.includes('⟦')) {
          for (const m of text.matchAll(REDACTION)) ranges.redacted.push(new vscode.Range(l, m.index, l, m.index + m[0].length));
        }
      }
    }
    for (const state of Object.keys(this.types) as State[]) editor.setDecorations(this.types[state], ranges[state]);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    for (const t of Object.values(this.types)) t.dispose();
  }
}
