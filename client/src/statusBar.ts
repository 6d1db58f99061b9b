// The status bar item: the classification the portions require, warning when the banner disagrees and
// error above system high. Fed by the server's `cable/classificationSummary`; the client parses nothing.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { classificationSummaryRequest, clientCommands } from './commandIds';
import { isCable } from './activeCable';

/** What the server answers (server/src/service/classification.ts, the fields the client reads). */
export interface ClassificationSummary {
  required: string;
  banner?: string;
  bannerMatches: boolean;
  aboveSystemHigh: boolean;
  systemHigh?: string;
  portions: Array<{ level: string; mark: string; kind?: string; line: number; character: number; preview: string }>;
  /** Portions the classification guide would raise (CBL032). */
  raisedByGuide?: number;
}

export function requestSummary(client: LanguageClient, document: vscode.TextDocument): Promise<ClassificationSummary | null> {
  return client.sendRequest<ClassificationSummary | null>(classificationSummaryRequest, { textDocument: { uri: document.uri.toString() } });
}

export class ClassificationStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cable.classification', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped: only the latest generation may update the item. */
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Cable Classification';
    this.item.command = clientCommands.showPortionMarks;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule(250);
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!isCable(document) || !this.client.isRunning()) {
      this.item.hide();
      return;
    }
    let summary: ClassificationSummary | null;
    try {
      summary = await requestSummary(this.client, document);
    } catch {
      summary = null;
    }
    if (generation !== this.generation) return;
    if (!summary) {
      this.item.hide();
      return;
    }
    const raised = summary.raisedByGuide ?? 0;
    this.item.text = `$(shield) ${summary.required}${raised > 0 ? ` $(book) ${raised}` : ''}`;
    const lines = [`Portions require ${summary.required}.`, summary.banner ? `Banner: ${summary.banner}.` : 'No banner.'];
    if (raised > 0) lines.push(`${raised} portion${raised === 1 ? '' : 's'} to raise by the classification guide (CBL032).`);
    if (summary.aboveSystemHigh || raised > 0) {
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      if (summary.aboveSystemHigh) lines.push(`Above the system high (${summary.systemHigh ?? 'cable.classification.systemHigh'}): this system may not hold it.`);
    } else if (!summary.bannerMatches) {
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      lines.push('The banner disagrees: run "Cable: Update Banner from Portions".');
    } else {
      this.item.backgroundColor = undefined;
    }
    lines.push('Click to show every portion mark.');
    this.item.tooltip = lines.join('\n');
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
