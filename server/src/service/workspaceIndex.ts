// The workspace index: every cable in the workspace by its normalised message reference (`08STATE109154`),
// built from file headers only. Pure: the server feeds it texts (see ../workspaceIndexing.ts).
import { levelInfo } from './data/markings';
import type { CableModel, Level, MessageRef, Range } from './model';
import { parse } from './parser';

export interface IndexedCable {
  uri: string;
  /** `08STATE109154`. */
  key: string;
  /** The banner's message reference as written, `STATE 109154`. */
  reference: string;
  /** Where the banner's message reference is written. */
  range: Range;
  level?: Level;
  /** `CONFIDENTIAL`. */
  classification?: string;
  subject?: string;
  /** The DTG as written, `102030Z OCT 08`. */
  dtg?: string;
  /** The DTG's date, `2008-10-10`. */
  date?: string;
  /** The DTG's four-digit year. */
  year?: number;
  /** The cables named by this cable's REF entries, as written. */
  cites: MessageRef[];
}

export interface WorkspaceIndex {
  /** The cable with this normalised key (`08STATE109154`). */
  lookup(key: string): IndexedCable | undefined;
  /** The cable a reference names; a reference without a year is read in `contextYear`, then the year before. */
  resolve(reference: MessageRef, contextYear?: number): IndexedCable | undefined;
  /** The cables whose REF entries resolve to the cable with this key. */
  citing(key: string): IndexedCable[];
  /** The indexed cable stored for a document. */
  byUri(uri: string): IndexedCable | undefined;
}

/** `STATE`, `109154`, 2008 -> `08STATE109154`; undefined year -> `STATE109154`. */
export function messageRefKey(post: string, serial: string, year?: number): string {
  const normalisedPost = post.toUpperCase().replace(/\s+/g, '') === 'SECSTATE' ? 'STATE' : post.toUpperCase().replace(/\s+/g, '');
  const normalisedSerial = serial.replace(/^0+(?=\d)/, '');
  const prefix = year === undefined ? '' : String(year % 100).padStart(2, '0');
  return `${prefix}${normalisedPost}${normalisedSerial}`;
}

/**
 * Normalises a written reference: `08 STATE 95573`, `08STATE095573`, `SECSTATE 74879` (with `year`),
 * `STATE 109154` (with `year`). Undefined when the text is not a reference.
 */
export function normaliseMessageReference(text: string, year?: number): string | undefined {
  const match = /^\s*(?:(\d{2})\s*)?([A-Z][A-Z ]*?[A-Z])\s*(\d{1,7})\s*$/i.exec(text);
  if (!match) return undefined;
  const writtenYear = match[1] !== undefined ? twoDigitYear(match[1]) : year;
  return messageRefKey(match[2], match[3], writtenYear);
}

function twoDigitYear(digits: string): number {
  const value = Number(digits);
  return value >= 70 ? 1900 + value : 2000 + value;
}

/** The key of a reference read in the citing cable's year (or its own, when written). */
function keyOf(reference: MessageRef, year?: number): string | undefined {
  const effective = reference.year ?? year;
  return effective === undefined ? undefined : messageRefKey(reference.post, reference.serial, effective);
}

const FIRST_PARAGRAPH_RE = /^\s{0,4}(?:\[\d{1,3}\]\(#\)|\d{1,3})\.(?!\d)(?=\s|\(|$)/;

/** The header of a cable: its lines up to the first numbered paragraph (at most `maxLines`). */
export function headerText(text: string, maxLines = 150): string {
  const lines = text.split(/\r?\n/, maxLines + 1);
  const kept: string[] = [];
  for (const line of lines.slice(0, maxLines)) {
    if (FIRST_PARAGRAPH_RE.test(line)) break;
    kept.push(line);
  }
  return kept.join('\n');
}

/** What the index keeps of a cable, from its model (undefined when the banner names no reference). */
export function summarise(uri: string, model: CableModel): IndexedCable | undefined {
  const reference = model.banner?.messageRef;
  if (!reference) return undefined;
  const dtg = model.precedence?.dtg;
  const year = reference.year ?? (dtg && dtg.year > 0 ? dtg.year : undefined);
  const key = keyOf(reference, year) ?? messageRefKey(reference.post, reference.serial);
  const level = model.banner?.level;
  const cites = (model.refs?.entries ?? []).flatMap((entry) => (entry.cable ? [entry.cable] : []));
  const cable: IndexedCable = { uri, key, reference: reference.text, range: reference.range, cites };
  if (level) {
    cable.level = level;
    cable.classification = levelInfo.get(level)?.name ?? level;
  }
  if (model.subject) cable.subject = model.subject.title;
  if (dtg) {
    cable.dtg = dtg.text;
    if (dtg.date) cable.date = dtg.date.toISOString().slice(0, 10);
  }
  if (year !== undefined) cable.year = year;
  return cable;
}

/** The index itself: keyed by message reference, with a second map by post and serial for references without a year. */
export class CableIndex implements WorkspaceIndex {
  private readonly byKey = new Map<string, IndexedCable[]>();
  private readonly byYearless = new Map<string, Set<string>>();
  private readonly uris = new Map<string, IndexedCable>();

  get size(): number {
    return this.uris.size;
  }

  /** Indexes (or re-indexes) a document from its text; only the header is parsed. Returns the entry, if any. */
  update(uri: string, text: string): IndexedCable | undefined {
    return this.updateFromModel(uri, parse(headerText(text)));
  }

  updateFromModel(uri: string, model: CableModel): IndexedCable | undefined {
    this.remove(uri);
    const cable = summarise(uri, model);
    if (!cable) return undefined;
    this.uris.set(uri, cable);
    const list = this.byKey.get(cable.key) ?? [];
    list.push(cable);
    this.byKey.set(cable.key, list);
    const yearless = cable.key.replace(/^\d{2}/, '');
    const keys = this.byYearless.get(yearless) ?? new Set<string>();
    keys.add(cable.key);
    this.byYearless.set(yearless, keys);
    return cable;
  }

  remove(uri: string): void {
    const previous = this.uris.get(uri);
    if (!previous) return;
    this.uris.delete(uri);
    const list = (this.byKey.get(previous.key) ?? []).filter((cable) => cable.uri !== uri);
    if (list.length > 0) {
      this.byKey.set(previous.key, list);
      return;
    }
    this.byKey.delete(previous.key);
    const yearless = previous.key.replace(/^\d{2}/, '');
    const keys = this.byYearless.get(yearless);
    keys?.delete(previous.key);
    if (keys && keys.size === 0) this.byYearless.delete(yearless);
  }

  /** Removes every cable stored under a folder URI (a deleted folder). */
  removeUnder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const uri of [...this.uris.keys()]) if (uri.startsWith(prefix)) this.remove(uri);
  }

  lookup(key: string): IndexedCable | undefined {
    const normalised = normaliseMessageReference(key) ?? key.toUpperCase();
    return this.byKey.get(normalised)?.[0];
  }

  byUri(uri: string): IndexedCable | undefined {
    return this.uris.get(uri);
  }

  resolve(reference: MessageRef, contextYear?: number): IndexedCable | undefined {
    if (reference.year !== undefined) return this.lookup(messageRefKey(reference.post, reference.serial, reference.year));
    if (contextYear !== undefined) {
      // A reference without a year is most often of the same year; in January, of the year before.
      const found = this.lookup(messageRefKey(reference.post, reference.serial, contextYear)) ?? this.lookup(messageRefKey(reference.post, reference.serial, contextYear - 1));
      if (found) return found;
    }
    const candidates = this.byYearless.get(messageRefKey(reference.post, reference.serial));
    if (candidates && candidates.size === 1) return this.lookup([...candidates][0]);
    return undefined;
  }

  citing(key: string): IndexedCable[] {
    const target = this.lookup(key);
    if (!target) return [];
    const result: IndexedCable[] = [];
    for (const cable of this.uris.values()) {
      if (cable.uri === target.uri) continue;
      if (cable.cites.some((reference) => this.resolve(reference, cable.year)?.key === target.key)) result.push(cable);
    }
    return result.sort((a, b) => a.key.localeCompare(b.key));
  }

  all(): IndexedCable[] {
    return [...this.uris.values()];
  }
}
