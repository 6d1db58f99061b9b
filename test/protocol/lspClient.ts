// A minimal LSP client for protocol tests: spawns the bundled server over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { repoRoot } from '../helpers';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspTestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly stderr: string[] = [];
  initializeResult?: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly diagnosticsWaiters: Array<{ uri: string; predicate: (d: PublishedDiagnostics) => boolean; resolve: (d: PublishedDiagnostics) => void }> = [];
  readonly latestDiagnostics = new Map<string, PublishedDiagnostics>();
  /** Edits the server asked the client to apply (workspace/applyEdit), applied by the test. */
  readonly appliedEdits: unknown[] = [];
  readonly shownMessages: Array<{ type: number; message: string }> = [];
  /** window/logMessage notifications of type Error (1): errors the server caught to stay alive. */
  readonly loggedErrors: string[] = [];
  configuration: Record<string, unknown> = {};
  /** How many times the server asked this client to pull diagnostics again. */
  diagnosticRefreshes = 0;
  /** How many workspace/configuration requests the server made (it reads the settings after initialized). */
  configurationRequests = 0;
  private readonly refreshWaiters: Array<() => void> = [];

  /** Resolves when the server next asks this client to pull diagnostics again (workspace/diagnostic/refresh). */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }
  /** Settings per workspace folder (resource scope), by folder URI; other requests get `configuration`. */
  readonly folderConfiguration = new Map<string, Record<string, unknown>>();

  constructor(args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(serverMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.latestDiagnostics.set(params.uri, params);
      for (const waiter of this.publishWaiters.splice(0)) waiter();
      for (const waiter of [...this.diagnosticsWaiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.diagnosticsWaiters.splice(this.diagnosticsWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.loggedErrors.push(params.message);
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => this.noteShown(params));
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.noteShown(params);
      return null;
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string; scopeUri?: string }> }) => {
      this.configurationRequests++;
      return params.items.map((item) => {
        const source = (item.scopeUri !== undefined && this.folderConfiguration.get(item.scopeUri)) || this.configuration;
        return item.section ? (source[item.section] ?? null) : source;
      });
    });
    this.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      for (const waiter of this.refreshWaiters.splice(0)) waiter();
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(capabilities: Record<string, unknown> = {}, initializationOptions?: unknown, workspaceFolders: string[] | null = null): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          publishDiagnostics: { relatedInformation: true },
        },
        ...capabilities,
      },
      initializationOptions,
      workspaceFolders: workspaceFolders && workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })),
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  async open(uri: string, text: string, languageId = 'cable'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: Array<{ range: Range; text: string } | { text: string }>): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  waitForDiagnostics(uri: string, predicate: (d: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    const latest = this.latestDiagnostics.get(uri);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.diagnosticsWaiters.push({ uri, predicate, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  private readonly shownWaiters: Array<{ predicate: (message: string) => boolean; resolve: () => void }> = [];
  private readonly publishWaiters: Array<() => void> = [];

  private noteShown(params: { type: number; message: string }): void {
    this.shownMessages.push(params);
    for (const waiter of [...this.shownWaiters]) {
      if (!waiter.predicate(params.message)) continue;
      this.shownWaiters.splice(this.shownWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /** Resolves when a shown message (window/showMessage or showMessageRequest) satisfies `predicate`. */
  waitForShownMessage(predicate: (message: string) => boolean, timeoutMs = 10000): Promise<void> {
    if (this.shownMessages.some((shown) => predicate(shown.message))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms: ${JSON.stringify(this.shownMessages)}`)), timeoutMs);
      this.shownWaiters.push({ predicate, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Resolves at the next publishDiagnostics for any document (the server revalidates when its index changes), or after `timeoutMs`. */
  nextPublish(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.publishWaiters.push(() => (clearTimeout(timer), resolve()));
    });
  }

  /** Sends shutdown and exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}

/**
 * A reader of the server's messages that keeps no timer. vscode-jsonrpc re-arms a 10-second "partial
 * message" timer for as long as a message is incomplete, and disposing the reader does not clear it: a
 * server killed while it wrote a message kept the test process alive for ever, and node --test waited.
 */
export function serverMessageReader(stream: Readable): StreamMessageReader {
  const reader = new StreamMessageReader(stream);
  reader.partialMessageTimeout = 0;
  return reader;
}

export function position(line: number, character: number): Position {
  return { line, character };
}
