// The cable as it will be read, beside the editor: telegram pages with their banners, rendered by the
// server (cable/render) and kept in step with the text as it is typed (debounced, the page updated in
// place, so no flicker) and with the editor's scrolling both ways. One panel per document; a strict
// Content-Security-Policy (a nonce for the page's one style and script, nothing remote). Export as HTML
// writes the same pages as a self-contained file that prints with the banners.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { cableFor } from './activeCable';
import { renderRequest } from './commandIds';

const UPDATE_DELAY_MS = 150;
/** A scroll this soon after one we caused is its echo, not the user's. */
const ECHO_MS = 300;

/** The page's script: replaces the pages in place, scrolls to a line, reports the top line as the user scrolls. */
const PREVIEW_SCRIPT = `
const vscode = acquireVsCodeApi();
const pages = document.getElementById('pages');
let quietUntil = 0;
function lineElement(line) {
  let best;
  for (const element of document.querySelectorAll('.line')) {
    if (Number(element.dataset.line) > line) break;
    best = element;
  }
  return best;
}
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'update') {
    const top = window.scrollY;
    pages.innerHTML = message.body;
    window.scrollTo(0, top);
  } else if (message.type === 'scroll') {
    const element = lineElement(message.line);
    // The first line of a page: show the page from its banner.
    const target = element && (element.previousElementSibling ? element : element.closest('.page'));
    if (target) { quietUntil = Date.now() + ${ECHO_MS}; target.scrollIntoView({ block: 'start' }); }
  }
});
let pending = false;
window.addEventListener('scroll', () => {
  if (pending || Date.now() < quietUntil) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    for (const element of document.querySelectorAll('.line')) {
      if (element.getBoundingClientRect().bottom > 0) { vscode.postMessage({ type: 'reveal', line: Number(element.dataset.line) }); break; }
    }
  });
});
`;

interface PreviewSettings {
  pageLines: number;
  pageBanner: 'overall' | 'page';
}

function previewSettings(document: vscode.TextDocument): PreviewSettings {
  const settings = vscode.workspace.getConfiguration('cable.preview', document.uri);
  const banner = settings.get<string>('pageBanner', 'overall');
  return { pageLines: Math.max(5, Number(settings.get('pageLines', 60)) || 60), pageBanner: banner === 'page' ? 'page' : 'overall' };
}

function nonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let index = 0; index < 32; index++) text += alphabet[Math.floor(Math.random() * alphabet.length)];
  return text;
}

class Preview {
  readonly panel: vscode.WebviewPanel;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private quietUntil = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: BaseLanguageClient,
    readonly document: vscode.TextDocument,
    toSide: boolean,
    onDispose: () => void,
  ) {
    const title = `Preview ${document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1)}`;
    this.panel = vscode.window.createWebviewPanel('cable.preview', title, { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide }, { enableScripts: true, localResourceRoots: [] });
    this.panel.webview.html = this.page('');
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((message: { type: string; line: number }) => this.revealInEditor(message)),
      vscode.workspace.onDidChangeTextDocument((event) => event.document === document && this.schedule()),
      vscode.languages.onDidChangeDiagnostics((event) => event.uris.some((uri) => uri.toString() === document.uri.toString()) && this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('cable.preview') && this.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => event.textEditor.document === document && this.scrollPreview(event.visibleRanges[0]?.start.line ?? 0)),
    );
    this.panel.onDidDispose(() => {
      clearTimeout(this.timer);
      for (const subscription of this.subscriptions) subscription.dispose();
      onDispose();
    });
    void this.update();
  }

  /** The page, its style (the renderer's) under the nonce; the pages themselves come by message. */
  private page(style: string, body = '<p>Rendering…</p>'): string {
    const key = nonce();
    const csp = `default-src 'none'; style-src 'nonce-${key}'; script-src 'nonce-${key}'; img-src 'none'`;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${key}">${style}</style></head>
<body><main id="pages">${body}</main><script nonce="${key}">${PREVIEW_SCRIPT}</script></body></html>`;
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private styled = false;

  private async update(): Promise<void> {
    const rendered = await this.client
      .sendRequest<{ style: string; body: string } | null>(renderRequest, { uri: this.document.uri.toString(), ...previewSettings(this.document) })
      .catch(() => null);
    if (rendered === null) return;
    // The first time the page is written whole, with the style; after that only the pages change, in place.
    if (!this.styled) {
      this.styled = true;
      this.panel.webview.html = this.page(rendered.style, rendered.body);
    } else {
      await this.panel.webview.postMessage({ type: 'update', body: rendered.body });
    }
  }

  private scrollPreview(line: number): void {
    if (Date.now() < this.quietUntil) return;
    void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  private revealInEditor(message: { type: string; line: number }): void {
    if (message.type !== 'reveal') return;
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === this.document);
    if (!editor) return;
    this.quietUntil = Date.now() + ECHO_MS;
    const position = new vscode.Position(message.line, 0);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  }
}

export class CablePreviews implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();

  constructor(private readonly client: BaseLanguageClient) {}

  async show(argument: unknown, toSide: boolean): Promise<vscode.WebviewPanel | undefined> {
    const document = await cableFor(argument, toSide ? 'Open Preview to the Side' : 'Open Preview');
    if (!document) return undefined;
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(toSide ? vscode.ViewColumn.Beside : undefined, toSide);
      return existing.panel;
    }
    const preview = new Preview(this.client, document, toSide, () => this.previews.delete(key));
    this.previews.set(key, preview);
    return preview.panel;
  }

  /** Writes the cable as a self-contained HTML page (no script) that prints with its banners. */
  async exportHtml(argument: unknown): Promise<vscode.Uri | undefined> {
    const document = await cableFor(argument, 'Export as HTML');
    if (!document) return undefined;
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    const html = await this.client.sendRequest<string | null>(renderRequest, { uri: document.uri.toString(), ...previewSettings(document), document: { title: name } });
    if (html === null) {
      void vscode.window.showWarningMessage('Cable: the language server has not read this cable yet. Try again in a moment.');
      return undefined;
    }
    const suggested = document.uri.scheme === 'untitled' ? undefined : document.uri.with({ path: document.uri.path.replace(/(\.cable)?$/i, '.html') });
    const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { HTML: ['html'] }, saveLabel: 'Export' });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
    void vscode.window.showInformationMessage(`Cable: exported ${target.path.slice(target.path.lastIndexOf('/') + 1)}; print it for the banner on every page.`);
    return target;
  }

  dispose(): void {
    for (const preview of this.previews.values()) preview.panel.dispose();
  }
}
