// The workspace index: every cable in the workspace by its normalised message reference (`08STATE109154`),
// built from file headers only. Pure: the server feeds it texts (see ../workspaceIndexing.ts).
import { levelInfo } from './data/markings';
import { LEVELS, type CableModel, type Level, type MessageRef, type Range } from './model';
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
  /** The subject line's title, at most `SUBJECT_LIMIT` characters. */
  subject?: string;
  /** The DTG as written, `102030Z OCT 08`. */
  dtg?: string;
  /** The DTG's date, `2008-10-10`. */
  date?: string;
  /** The DTG's four-digit year. */
  year?: number;
  /** The cables named by this cable's REF entries. */
  cites: readonly CitedCable[];
}

/** A cable named by a REF entry, as the index keeps it: enough to resolve it and to point at where it is written. */
export interface CitedCable {
  post: string;
  serial: string;
  year?: number;
  range: Range;
}

/** What `resolve` needs of a reference. */
export type CableReference = Pick<MessageRef, 'post' | 'serial' | 'year'>;

export interface WorkspaceIndex {
  /** The cable with this normalised key (`08STATE109154`). */
  lookup(key: string): IndexedCable | undefined;
  /** The cable a reference names; a reference without a year is read in `contextYear`, then the year before. */
  resolve(reference: CableReference, contextYear?: number): IndexedCable | undefined;
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
function keyOf(reference: CableReference, year?: number): string | undefined {
  const effective = reference.year ?? year;
  return effective === undefined ? undefined : messageRefKey(reference.post, reference.serial, effective);
}

const FIRST_PARAGRAPH_RE = /^\s{0,4}(?:\[\d{1,3}\]\(#\)|\d{1,3})\.(?!\d)(?=\s|\(|$)/;

/**
 * Where a cable's header ends: the offset of its first numbered paragraph, or of the line after `maxLines`
 * lines. Undefined when the text ends first (the header may go on past what was read).
 */
export function headerEnd(text: string, maxLines = 150): number | undefined {
  let start = 0;
  for (let line = 0; line < maxLines; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (FIRST_PARAGRAPH_RE.test(text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end))) return start;
    if (newline < 0) return undefined;
    start = newline + 1;
  }
  return start;
}

/** The header of a cable: its lines up to the first numbered paragraph (at most `maxLines`). */
export function headerText(text: string, maxLines = 150): string {
  const end = headerEnd(text, maxLines) ?? text.length;
  return text.slice(0, end).replace(/\r?\n$/, '').replace(/\r\n/g, '\n');
}

/** Subjects are kept for hovers; a longer one is cut here. */
export const SUBJECT_LIMIT = 200;

/**
 * A copy of a string that shares no memory with the text it was cut from: the parser's strings are slices
 * of the whole header, and one kept slice would keep that header alive for as long as the index lives.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The level as the shared constant, so that ten thousand entries do not each hold a copy. */
function sharedLevel(level: Level | undefined): Level | undefined {
  return level === undefined ? undefined : LEVELS.find((known) => known === level);
}

// The index holds one entry per cable in the workspace, so entries are class instances (one shape, fields
// in the object) holding detached strings and plain numbers; ranges are built when asked for.

class CitedEntry implements CitedCable {
  readonly post: string;
  readonly serial: string;
  readonly year: number | undefined;
  private readonly startLine: number;
  private readonly startCharacter: number;
  private readonly endLine: number;
  private readonly endCharacter: number;

  constructor(reference: MessageRef) {
    this.post = detached(reference.post);
    this.serial = detached(reference.serial);
    this.year = reference.year;
    this.startLine = reference.range.start.line;
    this.startCharacter = reference.range.start.character;
    this.endLine = reference.range.end.line;
    this.endCharacter = reference.range.end.character;
  }

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

const NO_CITES: readonly CitedCable[] = Object.freeze([]);

class IndexEntry implements IndexedCable {
  readonly uri: string;
  readonly key: string;
  readonly reference: string;
  readonly level: Level | undefined;
  readonly subject: string | undefined;
  readonly dtg: string | undefined;
  readonly date: string | undefined;
  readonly year: number | undefined;
  readonly cites: readonly CitedCable[];
  private readonly startLine: number;
  private readonly startCharacter: number;
  private readonly endLine: number;
  private readonly endCharacter: number;

  constructor(uri: string, key: string, model: CableModel, reference: MessageRef, year: number | undefined) {
    this.uri = uri;
    this.key = detached(key);
    this.reference = detached(reference.text);
    this.level = sharedLevel(model.banner?.level);
    const subject = model.subject?.title;
    this.subject = subject === undefined ? undefined : detached(subject.length > SUBJECT_LIMIT ? `${subject.slice(0, SUBJECT_LIMIT - 1)}…` : subject);
    const dtg = model.precedence?.dtg;
    this.dtg = dtg ? detached(dtg.text) : undefined;
    this.date = dtg?.date ? dtg.date.toISOString().slice(0, 10) : undefined;
    this.year = year;
    const cited = (model.refs?.entries ?? []).filter((entry) => entry.cable);
    this.cites = cited.length === 0 ? NO_CITES : cited.map((entry) => new CitedEntry(entry.cable!));
    this.startLine = reference.range.start.line;
    this.startCharacter = reference.range.start.character;
    this.endLine = reference.range.end.line;
    this.endCharacter = reference.range.end.character;
  }

  get classification(): string | undefined {
    return this.level === undefined ? undefined : (levelInfo.get(this.level)?.name ?? this.level);
  }

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

/** What the index keeps of a cable, from its model (undefined when the banner names no reference). */
export function summarise(uri: string, model: CableModel): IndexedCable | undefined {
  const reference = model.banner?.messageRef;
  if (!reference) return undefined;
  const dtg = model.precedence?.dtg;
  const year = reference.year ?? (dtg && dtg.year > 0 ? dtg.year : undefined);
  const key = keyOf(reference, year) ?? messageRefKey(reference.post, reference.serial);
  return new IndexEntry(uri, key, model, reference, year);
}

/** A cited reference as text, e.g. to tell whether what a cable cites has changed. */
export function citedKey(reference: CableReference): string {
  return `${reference.year ?? ''}${reference.post}${reference.serial}`;
}

/** A map from text to values where most keys have one value: that one is stored as itself, more as an array. */
class OneOrMany<Value extends object | string> {
  private readonly map = new Map<string, Value | Value[]>();

  values(key: string): readonly Value[] {
    const stored = this.map.get(key);
    return stored === undefined ? [] : Array.isArray(stored) ? stored : [stored];
  }

  add(key: string, value: Value): void {
    const stored = this.map.get(key);
    if (stored === undefined) this.map.set(key, value);
    else if (Array.isArray(stored)) {
      if (!stored.includes(value)) stored.push(value);
    } else if (stored !== value) this.map.set(key, [stored, value]);
  }

  /** Removes the values `matches` picks; true when none is left under the key. */
  remove(key: string, matches: (value: Value) => boolean): boolean {
    const kept = this.values(key).filter((value) => !matches(value));
    if (kept.length === 0) this.map.delete(key);
    else this.map.set(key, kept.length === 1 ? kept[0] : kept);
    return kept.length === 0;
  }
}

/** A key without its year: the post and serial (`STATE109154`), as messageRefKey makes them without a year. */
export function yearlessKey(key: string): string {
  return key.replace(/^\d{2}/, '');
}

/** The index itself: keyed by message reference, with a second map by post and serial for references without a year. */
export class CableIndex implements WorkspaceIndex {
  private readonly byKey = new OneOrMany<IndexedCable>();
  /** Post and serial (`STATE109154`) -> the keys indexed with that post and serial, in any year. */
  private readonly byYearless = new OneOrMany<string>();
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
    this.byKey.add(cable.key, cable);
    this.byYearless.add(yearlessKey(cable.key), cable.key);
    return cable;
  }

  remove(uri: string): void {
    const previous = this.uris.get(uri);
    if (!previous) return;
    this.uris.delete(uri);
    if (this.byKey.remove(previous.key, (cable) => cable.uri === uri)) this.byYearless.remove(yearlessKey(previous.key), (key) => key === previous.key);
  }

  /** Removes every cable stored under a folder URI (a deleted folder). */
  removeUnder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const uri of [...this.uris.keys()]) if (uri.startsWith(prefix)) this.remove(uri);
  }

  lookup(key: string): IndexedCable | undefined {
    const normalised = normaliseMessageReference(key) ?? key.toUpperCase();
    return this.byKey.values(normalised)[0];
  }

  byUri(uri: string): IndexedCable | undefined {
    return this.uris.get(uri);
  }

  resolve(reference: CableReference, contextYear?: number): IndexedCable | undefined {
    if (reference.year !== undefined) return this.lookup(messageRefKey(reference.post, reference.serial, reference.year));
    if (contextYear !== undefined) {
      // A reference without a year is most often of the same year; in January, of the year before.
      const found = this.lookup(messageRefKey(reference.post, reference.serial, contextYear)) ?? this.lookup(messageRefKey(reference.post, reference.serial, contextYear - 1));
      if (found) return found;
    }
    const candidates = this.byYearless.values(messageRefKey(reference.post, reference.serial));
    if (candidates.length === 1) return this.lookup(candidates[0]);
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
