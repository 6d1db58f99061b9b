// Keeps the workspace index of cables current: scans the workspace folders in the background (headers
// only, in batches), then follows file events and open documents. The index itself is pure (service/workspaceIndex.ts).
import { promises as fsPromises } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, FileEvent, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findCableFiles } from './cableFiles';
import type { CableService } from './service';
import { CableIndex, citedKey, headerEnd, type IndexedCable } from './service/workspaceIndex';

/** The header of a cable fits well inside this many bytes; the rest of the file is never read. */
const HEADER_BYTES = 16 * 1024;
const BATCH_SIZE = 16;

/** File event types of the protocol. */
const FILE_CREATED = 1;
const FILE_CHANGED = 2;
const FILE_DELETED = 3;

export interface WorkspaceIndexerOptions {
  index?: CableIndex;
  /** Open documents: their text, not the file on disk, is what the index holds. */
  isOpen?: (uri: string) => boolean;
  /** Called (debounced) when what the index holds has changed, e.g. to revalidate open documents. */
  onChanged?: () => void;
  log?: (message: string) => void;
}

/** Reads files this many bytes at a time, stopping once the header has ended. */
const READ_CHUNK = 4 * 1024;

/**
 * Reads the start of a file, up to the end of its header (at most `bytes`). It reads in chunks into one
 * buffer and stops at the first numbered paragraph, so that a large cable costs no more than a small one.
 */
export async function readHeader(file: string, bytes = HEADER_BYTES): Promise<string> {
  const handle = await fsPromises.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(bytes);
    let length = 0;
    while (length < bytes) {
      const { bytesRead } = await handle.read(buffer, length, Math.min(READ_CHUNK, bytes - length), length);
      length += bytesRead;
      if (bytesRead === 0) break;
      const text = buffer.toString('utf8', 0, length);
      const end = headerEnd(text);
      if (end !== undefined) return text.slice(0, end);
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Reads the headers of `files` a batch at a time and indexes them in file order (so that the result does not
 * depend on timing); an unreadable file is left out. Returns how many became entries.
 */
export async function indexHeaders(
  index: CableIndex,
  files: readonly string[],
  options: { skip?: (uri: string) => boolean; stop?: () => boolean; betweenBatches?: () => Promise<void> } = {},
): Promise<number> {
  let indexed = 0;
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    if (options.stop?.()) break;
    const batch = files.slice(start, start + BATCH_SIZE);
    const texts = await Promise.all(batch.map((file) => readHeader(file).catch(() => undefined)));
    batch.forEach((file, at) => {
      const uri = pathToFileURL(file).href;
      const text = texts[at];
      if (text === undefined || options.skip?.(uri)) return;
      if (index.update(uri, text)) indexed++;
    });
    await options.betweenBatches?.();
  }
  return indexed;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What of an indexed cable other cables can see; a change to anything else needs no revalidation. */
function fingerprint(cable: IndexedCable | undefined): string {
  if (!cable) return '';
  return JSON.stringify([cable.key, cable.level, cable.subject, cable.dtg, cable.cites.map(citedKey)]);
}

export class WorkspaceIndexer {
  readonly index: CableIndex;
  private readonly options: WorkspaceIndexerOptions;
  private changeTimer: NodeJS.Timeout | undefined;
  /** Bumped on every scan so that a stale scan stops writing. */
  private generation = 0;

  constructor(options: WorkspaceIndexerOptions = {}) {
    this.options = options;
    this.index = options.index ?? new CableIndex();
  }

  /** Indexes every cable under the folders (file URIs), in batches that yield to the event loop. */
  async scan(folderUris: string[]): Promise<number> {
    const generation = ++this.generation;
    const started = Date.now();
    const files: string[] = [];
    for (const folder of folderUris) {
      if (!folder.startsWith('file:')) continue;
      files.push(...(await findCableFiles(fileURLToPath(folder))));
      if (generation !== this.generation) return 0;
    }
    const indexed = await indexHeaders(this.index, files, {
      skip: this.options.isOpen,
      stop: () => generation !== this.generation,
      betweenBatches: yieldToEventLoop,
    });
    if (generation !== this.generation) return indexed;
    this.options.log?.(`Cable: indexed ${indexed} of ${files.length} cable files in ${Date.now() - started} ms.`);
    if (indexed > 0) this.changed();
    return indexed;
  }

  /** Workspace folders were added or removed: drop the cables under removed ones, rescan the folders now open. */
  async foldersChanged(folderUris: string[], removedUris: string[]): Promise<number> {
    const before = this.index.size;
    for (const removed of removedUris) this.index.removeUnder(removed);
    if (this.index.size !== before) this.changed();
    return this.scan(folderUris);
  }

  /** Follows `workspace/didChangeWatchedFiles` events for `.cable` files. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    let changed = false;
    for (const change of changes) {
      if (!change.uri.toLowerCase().endsWith('.cable')) {
        // A deleted folder arrives as one event for the folder.
        if (change.type === FILE_DELETED && this.index.all().some((cable) => cable.uri.startsWith(`${change.uri}/`))) {
          this.index.removeUnder(change.uri);
          changed = true;
        }
        continue;
      }
      if (this.options.isOpen?.(change.uri)) continue;
      const before = fingerprint(this.index.byUri(change.uri));
      if (change.type === FILE_DELETED) {
        this.index.remove(change.uri);
      } else if (change.type === FILE_CREATED || change.type === FILE_CHANGED) {
        await this.reread(change.uri);
      }
      if (fingerprint(this.index.byUri(change.uri)) !== before) changed = true;
    }
    if (changed) this.changed();
  }

  /** An open document's text is indexed as typed. */
  documentChanged(uri: string, text: string): void {
    this.update(uri, () => this.index.update(uri, text));
  }

  /** Indexes an open document from a model the service already holds (no second parse of the header). */
  documentModelChanged(uri: string, model: Parameters<CableIndex['updateFromModel']>[1]): void {
    this.update(uri, () => this.index.updateFromModel(uri, model));
  }

  /** A closed document goes back to what is on disk (or out of the index if it was never saved). */
  async documentClosed(uri: string): Promise<void> {
    const before = fingerprint(this.index.byUri(uri));
    await this.reread(uri);
    if (fingerprint(this.index.byUri(uri)) !== before) this.changed();
  }

  dispose(): void {
    this.generation++;
    if (this.changeTimer) clearTimeout(this.changeTimer);
  }

  private update(uri: string, apply: () => void): void {
    if (!uri.toLowerCase().endsWith('.cable')) return;
    const before = fingerprint(this.index.byUri(uri));
    apply();
    if (fingerprint(this.index.byUri(uri)) !== before) this.changed();
  }

  private async reread(uri: string): Promise<void> {
    if (!uri.startsWith('file:')) {
      this.index.remove(uri);
      return;
    }
    try {
      this.index.update(uri, await readHeader(fileURLToPath(uri)));
    } catch {
      this.index.remove(uri);
    }
  }

  private changed(): void {
    if (!this.options.onChanged) return;
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.options.onChanged?.();
    }, 200);
  }
}

export interface WorkspaceIndexingSetup {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: CableService;
  /** Workspace folder URIs. */
  folders: string[];
  /** Revalidates open documents (CBL030 reads the index). */
  revalidate?: () => void;
}

/** Wires the indexer to the server: the service's workspace, open documents, and a background scan. */
export function startWorkspaceIndexing(setup: WorkspaceIndexingSetup): WorkspaceIndexer {
  const { connection, documents, service } = setup;
  const indexer = new WorkspaceIndexer({
    isOpen: (uri) => documents.get(uri) !== undefined,
    onChanged: setup.revalidate,
    log: (message) => connection.console.log(message),
  });
  service.setWorkspace(indexer.index);
  const indexOpen = (document: TextDocument) => {
    try {
      indexer.documentModelChanged(document.uri, service.modelOf(document));
    } catch (error) {
      connection.console.error(`cable: indexing ${document.uri} failed: ${String(error)}`);
    }
  };
  for (const document of documents.all()) indexOpen(document);
  documents.onDidOpen((event) => indexOpen(event.document));
  documents.onDidChangeContent((event) => indexOpen(event.document));
  documents.onDidClose((event) => void indexer.documentClosed(event.document.uri));
  void indexer.scan(setup.folders).catch((error) => connection.console.error(`cable: workspace indexing failed: ${String(error)}`));
  return indexer;
}
