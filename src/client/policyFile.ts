import * as vscode from 'vscode';
import { builtInPolicy, lineColumn, policyBaseFromSettings, POLICY_FILE, readPolicyText, type PolicyInForce, type Settings } from '../model';

/**
 * The workspace's `.chatreview/policy.json` (in the first workspace folder that has one), read
 * through VS Code's file system so a Live Share guest reads the host's. Followed as it changes:
 * its problems are diagnostics in that file, and while it has any the built-in policy is in
 * force (and saving a cleaned export is refused). Without a file the settings and POLICY.md's
 * defaults make the policy.
 */
export class PolicyFile implements vscode.Disposable {
  private inForce: PolicyInForce;
  private readonly problems = vscode.languages.createDiagnosticCollection('chatreview-policy');
  private readonly changed = new vscode.EventEmitter<PolicyInForce>();
  /** Fires when the policy in force changed (its sha256), or its problems did. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];
  private loading: Promise<void>;

  constructor(private readonly settings: () => Settings) {
    this.inForce = builtInPolicy(policyBaseFromSettings(settings()));
    // The folder too: creating or deleting `.chatreview` with the file in it may be reported for the folder only.
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${POLICY_FILE},${POLICY_FILE.split('/')[0]}}`);
    const reload = () => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('chatReview') && reload()),
    );
    this.loading = this.read().catch(() => undefined);
  }

  /** Resolves once the policy file (if any) has been read, with the policy then in force. */
  async loaded(): Promise<PolicyInForce> {
    await this.loading;
    return this.inForce;
  }

  /** The policy in force now. */
  current(): PolicyInForce {
    return this.inForce;
  }

  /** Reads the policy file again (serialised: the last read wins). Resolves when done. */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.read()).catch(() => undefined);
    return this.loading;
  }

  private async read(): Promise<void> {
    const base = policyBaseFromSettings(this.settings());
    const found = await this.find();
    let next: PolicyInForce;
    this.problems.clear();
    if (!found) next = builtInPolicy(base);
    else {
      const text = new TextDecoder('utf-8').decode(found.bytes);
      next = readPolicyText(text, vscode.workspace.asRelativePath(found.uri), base);
      if (next.problems.length) {
        const at = (offset: number) => {
          const { line, column } = lineColumn(text, offset);
          return new vscode.Position(line - 1, column - 1);
        };
        this.problems.set(found.uri, next.problems.map((p) => {
          const d = new vscode.Diagnostic(new vscode.Range(at(p.offset), at(p.offset + p.length)), p.message, vscode.DiagnosticSeverity.Error);
          d.source = 'chatreview';
          return d;
        }));
      }
    }
    const before = this.inForce;
    this.inForce = next;
    if (before.sha256 !== next.sha256 || before.problems.length !== next.problems.length || before.source !== next.source) this.changed.fire(next);
  }

  private async find(): Promise<{ uri: vscode.Uri; bytes: Uint8Array } | undefined> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, POLICY_FILE);
      try {
        return { uri, bytes: await vscode.workspace.fs.readFile(uri) };
      } catch {
        // No policy in this folder.
      }
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
