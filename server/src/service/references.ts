// REF citations and paragraph cross-references as live objects: hover, definition, references,
// highlights, rename, and links to referenced cables found in the workspace index.
import type { DocumentHighlight, DocumentLink, Hover, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isLetteredSubParagraph, letteredEntries, type CableModel, type CitedLetter, type Paragraph, type ParagraphTarget, type ParagraphXref, type RefCitation, type RefEntry, type SubParagraph } from './model';
import { citationPartEdits, inCaseOf } from './reletter';
import type { RuleContext } from './rules/rule';
import type { IndexedCable } from './workspaceIndex';

const RENAME_REFUSED = 'Only a REF letter can be renamed: put the cursor on the letter of a REF entry or of a citation such as REF C.';

export function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

// --- what the cursor is on ---

type Target =
  | { kind: 'entry'; entry: RefEntry; onLetter: boolean }
  | { kind: 'citation'; citation: RefCitation; letter?: CitedLetter }
  | { kind: 'xref'; xref: ParagraphXref; target?: ParagraphTarget }
  | { kind: 'banner' };

function targetAt(model: CableModel, position: Position): Target | undefined {
  for (const citation of model.refCitations) {
    if (!contains(citation.range, position)) continue;
    for (const part of citation.parts) {
      for (const cited of part.to ? [part.from, part.to] : [part.from]) {
        if (contains(cited.range, position)) return { kind: 'citation', citation, letter: cited };
      }
    }
    return { kind: 'citation', citation };
  }
  for (const entry of model.refs?.entries ?? []) {
    if (entry.letterRange && contains(entry.letterRange, position)) return { kind: 'entry', entry, onLetter: true };
    if (contains(entry.range, position)) return { kind: 'entry', entry, onLetter: false };
  }
  for (const xref of model.paragraphXrefs) {
    // Another document's paragraph (`para 5 of reftel`) is not this cable's to show or follow.
    if (xref.external || !contains(xref.range, position)) continue;
    for (const part of xref.parts) {
      for (const target of part.to ? [part.from, part.to] : [part.from]) if (contains(target.range, position)) return { kind: 'xref', xref, target };
    }
    return { kind: 'xref', xref };
  }
  if (model.banner?.messageRef && contains(model.banner.messageRef.range, position)) return { kind: 'banner' };
  return undefined;
}

// --- references: which entries a citation names, which citations name an entry ---

/** The entry each letter names (the first entry written with it). */
export function entryForLetter(model: CableModel, letter: string): RefEntry | undefined {
  return model.structure.refEntries.get(letter.toUpperCase());
}

/** REFTEL names the only reference; with several it names none. */
function reftelEntry(model: CableModel): RefEntry | undefined {
  const entries = model.refs?.entries ?? [];
  return entries.length === 1 ? entries[0] : undefined;
}

/** The entries a citation names, in order, with the letters that name no entry. */
export function citedEntries(model: CableModel, citation: RefCitation): { entries: RefEntry[]; undefinedLetters: string[] } {
  if (citation.reftel) {
    const only = reftelEntry(model);
    return { entries: only ? [only] : [], undefinedLetters: [] };
  }
  const entries: RefEntry[] = [];
  const undefinedLetters: string[] = [];
  for (const letter of citation.letters) {
    const entry = entryForLetter(model, letter);
    if (entry) {
      if (!entries.includes(entry)) entries.push(entry);
    } else if (!undefinedLetters.includes(letter)) {
      undefinedLetters.push(letter);
    }
  }
  return { entries, undefinedLetters };
}

/** Where a citation names an entry: the letter, or the whole range part `D-J` it falls in, or REFTEL. */
export function citationsOf(model: CableModel, entry: RefEntry): Range[] {
  return (model.structure.entryCitations.get(entry) ?? []).map(({ citation, part }) =>
    !part ? citation.range : !part.to ? part.from.range : { start: part.from.range.start, end: part.to.range.end },
  );
}

// --- paragraphs ---

export function paragraphNumbered(model: CableModel, number: number): Paragraph | undefined {
  const index = model.structure.paragraphIndex.get(number);
  return index === undefined ? undefined : model.paragraphs[index];
}

function subParagraphOf(paragraph: Paragraph, letter: string): SubParagraph | undefined {
  return paragraph.subParagraphs.find((sub) => isLetteredSubParagraph(sub) && sub.letter.toUpperCase() === letter.toUpperCase());
}

/** Where a line sits, for people: `paragraph 3.B` or `line 12`. */
export function placeOf(model: CableModel, line: number): string {
  const paragraph = model.paragraphs.find((candidate) => candidate.range.start.line <= line && line <= candidate.range.end.line);
  if (!paragraph) return `line ${line + 1}`;
  const sub = paragraph.subParagraphs.find((candidate) => isLetteredSubParagraph(candidate) && candidate.range.start.line <= line && line <= candidate.range.end.line);
  return `paragraph ${paragraph.number.text}${sub ? `.${sub.letter}` : ''} (line ${line + 1})`;
}

function paragraphStart(model: CableModel, range: Range, maxLength = 240): string {
  const lines: string[] = [];
  let length = 0;
  for (let line = range.start.line; line <= range.end.line && length < maxLength; line++) {
    // From the line start: a paragraph's range may begin inside its `[3](#)` artifact.
    const text = (model.lines[line] ?? '').replace(/\[([^\]\n]*)\]\(#\)/g, '$1').trim();
    if (!text) continue;
    lines.push(text);
    length += text.length;
  }
  const joined = lines.join(' ');
  return joined.length > maxLength ? `${joined.slice(0, maxLength - 1).trimEnd()}…` : joined;
}

function targetRange(model: CableModel, target: ParagraphTarget): Range | undefined {
  const paragraph = paragraphNumbered(model, target.number);
  if (!paragraph) return undefined;
  if (target.sub) return subParagraphOf(paragraph, target.sub.letter)?.range;
  return paragraph.range;
}

function xrefTargets(xref: ParagraphXref, target?: ParagraphTarget): ParagraphTarget[] {
  if (target) return [target];
  const targets: ParagraphTarget[] = [];
  for (const part of xref.parts) {
    if (!part.to || part.from.sub || part.to.sub) {
      targets.push(part.from, ...(part.to ? [part.to] : []));
      continue;
    }
    for (let number = part.from.number; number <= part.to.number && number - part.from.number <= 100; number++) {
      targets.push({ number, range: number === part.to.number ? part.to.range : part.from.range });
    }
  }
  return targets;
}

// --- the workspace: REF entries naming cables in other files ---

function indexedCableOf(context: RuleContext, entry: RefEntry): IndexedCable | undefined {
  if (!entry.cable || !context.workspace) return undefined;
  const cable = context.workspace.resolve(entry.cable, context.model.precedence?.dtg?.year);
  return cable && cable.uri !== context.uri ? cable : undefined;
}

function describeIndexed(cable: IndexedCable): string {
  const parts = [`**${cable.reference}**${cable.dtg ? ` (${cable.dtg})` : ''}`];
  if (cable.classification) parts.push(`Classification: ${cable.classification}`);
  if (cable.subject) parts.push(`Subject: ${cable.subject}`);
  if (cable.date) parts.push(`Date: ${cable.date}`);
  return parts.join('  \n');
}

function locationOf(cable: IndexedCable): Location {
  return { uri: cable.uri, range: cable.range };
}

function entryLine(entry: RefEntry): string {
  // An unlettered reference carries its implicit letter only for citations: it is shown as written.
  return entry.letterRange ? `REF ${entry.letter}: ${entry.description}` : `REF: ${entry.description}`;
}

// --- features ---

export function referenceHover(context: RuleContext, position: Position): Hover | null {
  const { model } = context;
  const target = targetAt(model, position);
  if (!target) return null;
  if (target.kind === 'citation') {
    const { citation } = target;
    if (citation.reftel) {
      const count = model.refs?.entries.length ?? 0;
      const only = reftelEntry(model);
      const text = only ? entryLine(only) : count === 0 ? 'REFTEL: this cable has no REF line.' : `REFTEL is ambiguous: this cable has ${count} references; cite one by letter.`;
      return { contents: { kind: 'markdown', value: withIndexed(context, only ? [only] : [], text) }, range: citation.range };
    }
    const letters = target.letter ? [target.letter.letter] : citation.letters;
    const lines: string[] = [];
    const named: RefEntry[] = [];
    for (const letter of letters) {
      const entry = entryForLetter(model, letter);
      if (entry) named.push(entry);
      lines.push(entry ? entryLine(entry) : `REF ${letter}: not defined in the REF line.`);
    }
    return { contents: { kind: 'markdown', value: withIndexed(context, named, lines.join('  \n')) }, range: target.letter?.range ?? citation.range };
  }
  if (target.kind === 'entry') {
    const { entry } = target;
    const places = citationsOf(model, entry).map((range) => placeOf(model, range.start.line));
    const name = entry.letterRange ? `REF ${entry.letter}` : 'The reference';
    const count = places.length;
    const summary = count === 0 ? `${name} is not cited in the text.` : `${name} is cited ${count === 1 ? 'once' : `${count} times`}: ${places.join(', ')}.`;
    return { contents: { kind: 'markdown', value: withIndexed(context, [entry], summary) }, range: target.onLetter ? entry.letterRange! : entry.range };
  }
  if (target.kind === 'xref') {
    const lines: string[] = [];
    for (const paragraphTarget of xrefTargets(target.xref, target.target)) {
      const label = `paragraph ${paragraphTarget.number}${paragraphTarget.sub ? `.${paragraphTarget.sub.letter}` : ''}`;
      const range = targetRange(model, paragraphTarget);
      lines.push(range ? `**${label}**: ${paragraphStart(model, range)}` : `**${label}**: no such paragraph in this cable.`);
    }
    return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: target.target?.range ?? target.xref.range };
  }
  return null;
}

function withIndexed(context: RuleContext, entries: RefEntry[], text: string): string {
  const found = entries.map((entry) => indexedCableOf(context, entry)).filter((cable): cable is IndexedCable => Boolean(cable));
  return found.length === 0 ? text : [text, ...found.map(describeIndexed)].join('\n\n');
}

export function definition(context: RuleContext, position: Position): Location[] {
  const { model, uri } = context;
  const target = targetAt(model, position);
  if (!target) return [];
  if (target.kind === 'citation') {
    const entries = target.letter
      ? [entryForLetter(model, target.letter.letter)].filter((entry): entry is RefEntry => Boolean(entry))
      : citedEntries(model, target.citation).entries;
    return entries.map((entry) => ({ uri, range: entry.range }));
  }
  if (target.kind === 'entry') {
    const cable = indexedCableOf(context, target.entry);
    return cable ? [locationOf(cable)] : [];
  }
  if (target.kind === 'xref') {
    return xrefTargets(target.xref, target.target).flatMap((paragraphTarget) => {
      const range = targetRange(model, paragraphTarget);
      return range ? [{ uri, range }] : [];
    });
  }
  return [];
}

/** The entries a position stands for: an entry, or the entries a citation names. */
function entriesAt(model: CableModel, position: Position): RefEntry[] {
  const target = targetAt(model, position);
  if (target?.kind === 'entry') return [target.entry];
  if (target?.kind === 'citation') {
    if (target.letter) {
      const entry = entryForLetter(model, target.letter.letter);
      return entry ? [entry] : [];
    }
    return citedEntries(model, target.citation).entries;
  }
  return [];
}

export function findReferences(context: RuleContext, position: Position, includeDeclaration: boolean): Location[] {
  const { model, uri } = context;
  const target = targetAt(model, position);
  if (target?.kind === 'banner') {
    const own = context.workspace?.byUri(uri);
    const key = own?.key;
    if (!key || !context.workspace) return [];
    const citing = context.workspace.citing(key).flatMap((cable) =>
      cable.cites
        .filter((reference) => context.workspace!.resolve(reference, cable.year)?.key === key)
        .map((reference) => ({ uri: cable.uri, range: reference.range })),
    );
    return includeDeclaration ? [{ uri, range: model.banner!.messageRef!.range }, ...citing] : citing;
  }
  const locations: Location[] = [];
  for (const entry of entriesAt(model, position)) {
    if (includeDeclaration) locations.push({ uri, range: entry.letterRange ?? entry.range });
    for (const range of citationsOf(model, entry)) locations.push({ uri, range });
  }
  return dedupe(locations);
}

function dedupe(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.uri}:${location.range.start.line}:${location.range.start.character}:${location.range.end.line}:${location.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function documentHighlights(context: RuleContext, position: Position): DocumentHighlight[] {
  const { model } = context;
  const highlights: DocumentHighlight[] = [];
  for (const entry of entriesAt(model, position)) {
    // Kind 3 (Write) for the entry that defines the letter, 2 (Read) for citations.
    highlights.push({ range: entry.letterRange ?? entry.range, kind: 3 });
    for (const range of citationsOf(model, entry)) highlights.push({ range, kind: 2 });
  }
  const seen = new Set<string>();
  return highlights.filter((highlight) => {
    const key = JSON.stringify(highlight.range);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The REF letter under the cursor: an entry's letter or a defined letter in a citation. */
function renameTarget(model: CableModel, position: Position): { entry: RefEntry; range: Range; written: string } | { error: string } {
  const target = targetAt(model, position);
  if (target?.kind === 'entry' && target.onLetter && target.entry.letter && target.entry.letterRange) {
    return { entry: target.entry, range: target.entry.letterRange, written: textOf(model, target.entry.letterRange) };
  }
  if (target?.kind === 'citation' && target.letter) {
    const entry = entryForLetter(model, target.letter.letter);
    if (!entry) return { error: `REF ${target.letter.letter} is not defined in the REF line, so there is nothing to rename.` };
    return { entry, range: target.letter.range, written: textOf(model, target.letter.range) };
  }
  return { error: RENAME_REFUSED };
}

function textOf(model: CableModel, range: Range): string {
  return (model.lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}

export function prepareRename(context: RuleContext, position: Position): { range: Range; placeholder: string } | { error: string } {
  const found = renameTarget(context.model, position);
  if ('error' in found) return found;
  return { range: found.range, placeholder: found.written };
}

/**
 * Re-letters one entry and every citation of it. A range that names the letter is rewritten to name the
 * same references, written as a list once they stop being contiguous: renaming D to L turns `D-J` into `E-J AND L`.
 */
export function rename(context: RuleContext, position: Position, newName: string): WorkspaceEdit | { error: string } {
  const { model } = context;
  const found = renameTarget(model, position);
  if ('error' in found) return found;
  const newLetter = newName.trim().toUpperCase();
  if (!/^[A-Z]$/.test(newLetter)) return { error: `A REF letter is a single letter A-Z, not "${newName}".` };
  const oldLetter = found.entry.letter!;
  if (newLetter === oldLetter) return { changes: { [context.uri]: [] } };
  if (letteredEntries(model).some((entry) => entry.letter === newLetter)) {
    return { error: `REF ${newLetter} is already in use; pick a free letter, or re-letter all references.` };
  }
  const edits: TextEdit[] = [];
  for (const entry of letteredEntries(model)) {
    if (entry !== found.entry) continue;
    edits.push({ range: entry.letterRange, newText: inCaseOf(newLetter, textOf(model, entry.letterRange)) });
  }
  const mapSingle = (letter: string) => (letter === oldLetter ? newLetter : undefined);
  const mapRange = (from: string, to: string) => {
    if (oldLetter < from || oldLetter > to) return undefined;
    const named: string[] = [];
    for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) {
      const letter = String.fromCharCode(code);
      named.push(letter === oldLetter ? newLetter : letter);
    }
    return named;
  };
  for (const citation of model.refCitations) {
    for (const part of citation.parts) edits.push(...citationPartEdits(model, part, mapSingle, mapRange));
  }
  return { changes: { [context.uri]: edits } };
}

export function documentLinks(context: RuleContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const entry of context.model.refs?.entries ?? []) {
    const cable = indexedCableOf(context, entry);
    if (!cable || !entry.cable) continue;
    links.push({ range: entry.cable.range, target: cable.uri, tooltip: `${cable.reference}${cable.subject ? `: ${cable.subject}` : ''}` });
  }
  return links;
}
