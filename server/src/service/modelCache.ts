// One parse per document version: a small LRU of models keyed by document URI.
import type { CableModel } from './model';
import { parse } from './parser';

interface Entry {
  version: number;
  model: CableModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity = 200,
    /** Where a parser failure is reported (the service's log). */
    private readonly onParseError?: (error: unknown) => void,
  ) {}

  /** The model of this version of the document; `text` is read only when the version is not cached. */
  get(uri: string, version: number, text: () => string): CableModel {
    const cached = this.current(uri, version);
    if (cached) return cached;
    // The old version goes first: it is garbage while the new one is parsed, not a survivor to copy. No
    // variable here may hold it: V8 keeps an unoptimised frame's variables alive, so a local naming the old
    // entry kept the whole old model (3 MB for a long cable) through every collection during the parse.
    this.entries.delete(uri);
    const model = parse(text(), this.onParseError);
    this.entries.set(uri, { version, model });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return model;
  }

  /** The cached model of this version, marked most recently used; undefined when another version (or none) is cached. */
  private current(uri: string, version: number): CableModel | undefined {
    const cached = this.entries.get(uri);
    if (!cached || cached.version !== version) return undefined;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(uri);
    this.entries.set(uri, cached);
    return cached.model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}
