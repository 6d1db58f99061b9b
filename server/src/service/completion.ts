// Completion where a drafter fills in a field: TAGS codes, portion marks, the next paragraph number or
// sub-paragraph letter, REF letters, reason letters, header keywords, precedence words, captions and
// DECL dates. Each context is recognised from the model plus the text before the cursor on its line.
import { describeError } from './logger';
import { CompletionItemKind, type CompletionItem, type MarkupContent, type Position, type Range } from 'vscode-languageserver-types';
import { captions, controlInfo, levelInfo, markCombinations } from './data/markings';
import { countryOfPost, postInfo } from './data/posts';
import { precedences } from './data/precedences';
import { reasons } from './data/reasons';
import { matchGuides } from './guides';
import { levelRank, type CableModel } from './model';
import type { RuleContext } from './rules/rule';
import { RELEASED_CABLES_COUNTED } from './tagVocabulary';

/** The cursor's line as completion sees it; a position beyond the text is an empty line. */
interface Cursor {
  line: number;
  character: number;
  /** The whole line. */
  text: string;
  /** The line up to the cursor. */
  before: string;
  /** The line after the cursor. */
  after: string;
}

type Provider = (context: RuleContext, cursor: Cursor) => CompletionItem[] | undefined;

/** Never throws: a position anywhere (even past the end of the text) gives a list, maybe empty. */
export function completions(context: RuleContext, position: Position): CompletionItem[] {
  try {
    const cursor = cursorAt(context.model, position);
    for (const provider of providers) {
      const items = provider(context, cursor);
      if (items) return items;
    }
    return [];
  } catch (error) {
    context.logger?.error(describeError('Completion', error));
    return [];
  }
}

function cursorAt(model: CableModel, position: Position): Cursor {
  const line = Math.max(0, Math.floor(position.line));
  const text = model.lines[line] ?? '';
  const character = Math.max(0, Math.min(Math.floor(position.character), text.length));
  return { line, character, text, before: text.slice(0, character), after: text.slice(character) };
}

const markdown = (value: string): MarkupContent => ({ kind: 'markdown', value });
const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const suggestAgain = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
/** Sort keys compare as strings: pad numbers so 9 sorts before 10. */
const pad = (value: number, width = 7): string => String(Math.max(0, Math.floor(value))).padStart(width, '0');

/** The word (letters, digits, hyphens) ending at the cursor and the rest of it after the cursor. */
function wordAround(cursor: Cursor): { start: number; end: number; prefix: string } {
  const prefix = /[A-Za-z0-9-]*$/.exec(cursor.before)![0];
  const rest = /^[A-Za-z0-9-]*/.exec(cursor.after)![0];
  return { start: cursor.character - prefix.length, end: cursor.character + rest.length, prefix };
}

// --- TAGS ---

const tagsCompletions: Provider = ({ model, vocabulary }, cursor) => {
  const tagsLine = model.tags;
  if (!tagsLine) return undefined;
  const lastLine = tagsLine.lineRanges[tagsLine.lineRanges.length - 1]?.start.line ?? tagsLine.range.end.line;
  // A line after a TAGS line that ends with a comma continues it even before it holds a code.
  const continues = cursor.line === lastLine + 1 && (model.lines[lastLine] ?? '').trimEnd().endsWith(',');
  if (!continues && !tagsLine.lineRanges.some((lineRange) => lineRange.start.line === cursor.line)) return undefined;
  const onFirstLine = tagsLine.keyword.range.start.line === cursor.line;
  let keywordEnd = onFirstLine ? tagsLine.keyword.range.end.character : 0;
  if (onFirstLine && cursor.text[keywordEnd] === ':') keywordEnd++;
  if (onFirstLine && cursor.character < keywordEnd) return undefined;
  if (onFirstLine && cursor.character === keywordEnd && cursor.text[keywordEnd - 1] !== ':') return undefined;

  const word = wordAround(cursor);
  // The separator already written between the previous code (or the keyword) and the word.
  let gapStart = word.start;
  while (gapStart > keywordEnd && /[\s,]/.test(cursor.text[gapStart - 1])) gapStart--;
  const gap = cursor.text.slice(gapStart, word.start);
  const afterKeyword = onFirstLine && gapStart <= keywordEnd;
  const atLineStart = !onFirstLine && gapStart === 0;
  const wanted = atLineStart ? '' : afterKeyword || tagsLine.separator === ' ' ? ' ' : ', ';
  const gapFits = atLineStart || (afterKeyword || tagsLine.separator === ' ' ? gap.length > 0 : gap.includes(','));
  const editStart = gapFits ? word.start : gapStart;
  const lead = gapFits ? '' : wanted;

  const present = new Set(
    tagsLine.tags
      .filter((tag) => !(tag.range.start.line === cursor.line && tag.range.start.character <= cursor.character && tag.range.end.character >= cursor.character))
      .map((tag) => tag.code),
  );
  const addressed = addresseeTags(model);
  // A line written in lower case (`Tags: mtcr, parm`) gets its codes in lower case.
  const lowerCase = tagsLine.tags.length > 0 && tagsLine.tags.every((tag) => tag.text === tag.text.toLowerCase());
  const items: CompletionItem[] = [];
  for (const entry of vocabulary.entries()) {
    if (present.has(entry.code)) continue;
    const rank = addressed.indexOf(entry.code);
    const common = entry.count > 0 ? `in ${entry.count.toLocaleString('en-US')} of ${RELEASED_CABLES_COUNTED.toLocaleString('en-US')} released cables` : 'not seen in the released cables counted';
    // Kept short: a TAGS list holds every code, and each keystroke sends it again.
    items.push({
      label: entry.code,
      kind: CompletionItemKind.EnumMember,
      detail: `${entry.kind} tag${entry.meaning ? `: ${entry.meaning}` : ''}`,
      documentation: markdown(`${capitalise(entry.kind)} tag, ${common}.${rank >= 0 ? ' The country or organisation of an addressee.' : ''}`),
      sortText: rank >= 0 ? `0${pad(rank, 3)}` : `1${pad(1_000_000 - entry.count)}${entry.code}`,
      filterText: gapFits ? entry.code : gap + entry.code,
      textEdit: { range: range(cursor.line, editStart, word.end), newText: lead + (lowerCase ? entry.code.toLowerCase() : entry.code) },
    });
  }
  return items;
};

/** Country tags of the addressees (TO first, then INFO, then FM), then mission organisations. */
function addresseeTags(model: CableModel): string[] {
  const order = { TO: 0, INFO: 1, FM: 2 } as const;
  const blocks = [...model.addresses].sort((a, b) => order[a.keyword.kind] - order[b.keyword.kind]);
  const countries: string[] = [];
  const organisations: string[] = [];
  for (const block of blocks) {
    for (const addressee of block.addressees) {
      const country = countryOfPost(addressee.name.text);
      if (country && !countries.includes(country)) countries.push(country);
      const organisation = country ? undefined : postInfo(addressee.name.text)?.organization;
      if (organisation && !organisations.includes(organisation)) organisations.push(organisation);
    }
  }
  return [...countries, ...organisations];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- E.O. line: DECL dates ---

const declarationCompletions: Provider = ({ model, config }, cursor) => {
  if (!model.eo || model.eo.range.start.line !== cursor.line) return undefined;
  const afterDecl = /\bDECL\b:?\s*([0-9/]*)$/i.exec(cursor.before);
  const afterOrder = afterDecl ? null : /^\s*E\.?\s*O\.?\s*\d+\s*:?\s*$/i.exec(cursor.before);
  if (!afterDecl && !afterOrder) return undefined;
  const typed = afterDecl ? afterDecl[1] : '';
  const rest = /^[0-9/]*/.exec(cursor.after)![0];
  const editRange = range(cursor.line, cursor.character - typed.length, cursor.character + rest.length);
  const dtg = model.precedence?.dtg;
  const base = dtg?.date ? { year: dtg.year, month: dtg.month, day: dtg.day } : undefined;
  const from = base ?? todayUtc();
  const reference = base ? 'the DTG' : 'today (the cable has no valid DTG)';
  const spans = [...new Set([config.defaultDeclassificationYears, 10, 25])].filter((years) => years > 0 && years <= 25).sort((a, b) => a - b);
  const lead = afterOrder ? `${/:\s*$/.test(cursor.before) ? '' : ':'}${/\s$/.test(cursor.before) ? '' : ' '}DECL: ` : '';
  return spans.map((years, index) => {
    const date = addYears(from, years);
    const written = `${pad(date.month, 2)}/${pad(date.day, 2)}/${date.year}`;
    const note = years === config.defaultDeclassificationYears ? ' (the default)' : years === 25 ? ' (the longest without an exemption)' : '';
    return {
      label: written,
      kind: CompletionItemKind.Value,
      detail: `${years} years after ${reference}${note}`,
      documentation: markdown(`Declassify on ${written}: ${years} years after ${reference}${base ? ` (${pad(base.month, 2)}/${pad(base.day, 2)}/${base.year})` : ''}. E.O. 13526 sec. 1.5: 10 years by default, at most 25 without an exemption.`),
      sortText: pad(index, 2),
      filterText: afterOrder ? lead + written : written,
      textEdit: { range: editRange, newText: lead + written },
    };
  });
};

function todayUtc(): { year: number; month: number; day: number } {
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: { year: number; month: number; day: number }, years: number): { year: number; month: number; day: number } {
  const year = date.year + years;
  const lastDay = new Date(Date.UTC(year, date.month, 0)).getUTCDate();
  return { year, month: date.month, day: Math.min(date.day, lastDay) };
}

// --- Reason letters after `1.4 (` ---

const reasonCompletions: Provider = (context, cursor) => {
  const match = /\b1\.[45]\s*((?:\(\s*[A-Za-z]\s*\)\s*(?:,|and\b|&)?\s*)*)\(\s*([A-Za-z]?)$/i.exec(cursor.before);
  if (!match) return undefined;
  const cited = new Set([...match[1].matchAll(/\(\s*([A-Za-z])\s*\)/g)].map((letter) => letter[1].toLowerCase()));
  const written = match[2] || (/\(\s*([A-Za-z])\s*\)/.exec(match[1])?.[1] ?? '');
  const upper = written !== '' ? written === written.toUpperCase() : false;
  const closed = cursor.after.startsWith(')');
  const editRange = range(cursor.line, cursor.character - match[2].length, cursor.character + (closed ? 1 : 0));
  // The reasons the cable's classification guides give for the topics it touches come first.
  const guided = new Map<string, string[]>();
  for (const { topic } of matchGuides(context.model, context.config.guides)) for (const reason of topic.reasons) guided.set(reason, [...new Set([...(guided.get(reason) ?? []), topic.id])]);
  const firstGuided = [...guided.keys()].filter((letter) => !cited.has(letter)).sort()[0];
  return reasons
    .filter((reason) => !cited.has(reason.letter))
    .map((reason) => {
      const letter = upper ? reason.letter.toUpperCase() : reason.letter;
      const topics = guided.get(reason.letter);
      return {
        label: `(${letter})`,
        kind: CompletionItemKind.EnumMember,
        detail: topics ? `${reason.category} (guide topic ${topics.join(', ')})` : reason.category,
        preselect: reason.letter === firstGuided,
        documentation: markdown(`**1.4 (${reason.letter})**: ${reason.category}.\n\nE.O. 13526 sec. 1.4${reason.seen > 0 ? `; cited in ${reason.seen.toLocaleString('en-US')} of ${RELEASED_CABLES_COUNTED.toLocaleString('en-US')} released cables` : ''}.`),
        sortText: `${topics ? 0 : 1}${reason.letter}`,
        filterText: letter,
        textEdit: { range: editRange, newText: `${letter})` },
      };
    });
};

// --- `Derived From: <guide>` in the Classified By block, when classification guides apply ---

const derivedFromCompletions: Provider = ({ model, config }, cursor) => {
  const classifiedBy = model.classifiedBy;
  if (!classifiedBy || config.guides.length === 0 || classifiedBy.derivedFrom) return undefined;
  if (cursor.line < classifiedBy.range.startLine || cursor.line > classifiedBy.range.endLine + 1) return undefined;
  const typed = /^\s*([A-Za-z ]*)$/.exec(cursor.before);
  if (!typed || (typed[1] !== '' && !'derived from:'.startsWith(typed[1].toLowerCase()))) return undefined;
  const start = cursor.before.length - typed[1].length;
  return config.guides.map((guide, index) => ({
    label: `Derived From: ${guide.name}`,
    kind: CompletionItemKind.Reference,
    detail: 'the classification guide this cable is classified by (32 CFR 2001.22)',
    sortText: pad(index),
    filterText: `Derived From: ${guide.name}`,
    textEdit: { range: range(cursor.line, start, cursor.character), newText: `Derived From: ${guide.name}` },
  }));
};

// --- REF letters after `REF ` / `REFS ` / `ref ` ---

const refLetterCompletions: Provider = ({ model }, cursor) => {
  const match = /\b(REFS?)\s+((?:[A-Za-z]\s*(?:-|,|\band\b|&)\s*)*)([A-Za-z]?)$/i.exec(cursor.before);
  if (!match) return undefined;
  if (/^[A-Za-z]/.test(cursor.after)) return undefined;
  const lower = match[1] === match[1].toLowerCase();
  const already = new Set([...match[2].matchAll(/\b([A-Za-z])\b/g)].map((letter) => letter[1].toUpperCase()));
  const editRange = range(cursor.line, cursor.character - match[3].length, cursor.character);
  const items: CompletionItem[] = [];
  for (const entry of model.refs?.entries ?? []) {
    if (!entry.letter || already.has(entry.letter)) continue;
    const letter = lower ? entry.letter.toLowerCase() : entry.letter;
    items.push({
      label: letter,
      labelDetails: { description: entry.description },
      kind: CompletionItemKind.Reference,
      detail: `REF ${entry.letter}: ${entry.description}`,
      documentation: markdown(`**REF ${entry.letter}.** ${entry.description}`),
      sortText: entry.letter,
      filterText: letter,
      textEdit: { range: editRange, newText: letter },
    });
  }
  return items;
};

// --- Portion marks ---

const PARTIAL_MARK = String.raw`(\([A-Za-z/ ]*)?$`;
const PARAGRAPH_START = new RegExp(String.raw`^\s*\[?\d{1,4}\]?(?:\(#\))?\.\s+` + PARTIAL_MARK);
const SUBPARAGRAPH_START = new RegExp(String.raw`^\s*(?:\[?[A-Z]\]?(?:\(#\))?|\d[A-Z])\.\s+` + PARTIAL_MARK);
const SUBJECT_START = new RegExp(String.raw`^\s*SUBJECT:\s*` + PARTIAL_MARK, 'i');
const TRAILING_MARK = /\S\s+(\([A-Za-z/ ]*)$/;

const portionMarkCompletions: Provider = ({ model }, cursor) => {
  const inHeader = isHeaderLine(model, cursor.line);
  let partial: RegExpExecArray | null = null;
  let trailing = false;
  if (!inHeader) partial = PARAGRAPH_START.exec(cursor.before) ?? SUBPARAGRAPH_START.exec(cursor.before);
  partial ??= SUBJECT_START.exec(cursor.before);
  if (!partial && /^\s*-{1,2}/.test(cursor.text) && !inHeader) {
    partial = TRAILING_MARK.exec(cursor.before);
    trailing = true;
  }
  if (!partial && /^\s*SUBJECT:/i.test(cursor.text)) {
    partial = TRAILING_MARK.exec(cursor.before);
    trailing = true;
  }
  if (!partial) return undefined;
  const typed = partial[1] ?? '';
  const closing = typed !== '' && cursor.after.startsWith(')') ? 1 : 0;
  const restOfLine = cursor.after.slice(closing);
  if (trailing && restOfLine.trim() !== '') return undefined;
  const editRange = range(cursor.line, cursor.character - typed.length, cursor.character + closing);
  const space = !trailing && !/^\s/.test(restOfLine) ? ' ' : '';
  const banner = model.banner;
  const bannerControls = new Set(model.captions.map((caption) => caption.name));
  return markCombinations
    .filter((combination) => combination.level !== 'TS')
    .map((combination, index) => {
      const levelName = levelInfo.get(combination.level)?.name ?? combination.level;
      const controls = combination.controls.map((control) => controlInfo(control)?.title ?? control);
      const raises = banner !== undefined && levelRank(combination.level) > levelRank(banner.level);
      const notes: string[] = [];
      if (raises) notes.push(`raises the banner from ${levelInfo.get(banner.level)?.name ?? banner.level} to ${levelName}`);
      if (banner && combination.controls.includes('NOFORN') && !bannerControls.has('NOFORN')) notes.push('adds NOFORN to the banner captions');
      const summary = [levelName, ...controls].join(', ');
      return {
        label: combination.mark,
        kind: CompletionItemKind.EnumMember,
        detail: notes.length > 0 ? `${summary}: ${notes.join('; ')}` : summary,
        documentation: markdown(
          [`**${combination.mark}** ${levelName}${controls.length ? ` with ${controls.join(', ')}` : ''}.`, levelInfo.get(combination.level)?.meaning ?? '', ...notes.map((note) => `This mark ${note}.`)]
            .filter(Boolean)
            .join('\n\n'),
        ),
        sortText: `${raises ? 1 : 0}${pad(index, 3)}`,
        filterText: combination.mark,
        textEdit: { range: editRange, newText: combination.mark + space },
      };
    });
};

/** True on a header line: before the first paragraph (or, with none, up to just after the header). */
function isHeaderLine(model: CableModel, line: number): boolean {
  const firstParagraph = model.paragraphs[0];
  if (firstParagraph) return line < firstParagraph.range.start.line;
  if (model.headerRange) return line <= model.headerRange.end.line + 1;
  return true;
}

// --- The next paragraph number and sub-paragraph letter ---

const numberingCompletions: Provider = ({ model }, cursor) => {
  const match = /^(\d{0,3}|[A-Za-z])$/.exec(cursor.before);
  if (!match || cursor.after.trim() !== '' || isHeaderLine(model, cursor.line)) return undefined;
  if (model.end && cursor.line >= model.end.range.start.line) return undefined;
  if (model.signature && cursor.line >= model.signature.range.start.line) return undefined;
  const typed = match[1];
  const editRange = range(cursor.line, 0, cursor.text.length);
  const items: CompletionItem[] = [];
  const paragraphs = model.paragraphs;
  const last = paragraphs[paragraphs.length - 1];
  if (/^\d*$/.test(typed) && (!last || cursor.line > last.number.range.start.line)) {
    const next = (last?.number.value ?? 0) + 1;
    items.push({
      label: `${next}. (`,
      kind: CompletionItemKind.Snippet,
      detail: last ? `paragraph ${next}, after paragraph ${last.number.value}` : 'the first paragraph',
      sortText: '0',
      filterText: `${next}. (`,
      textEdit: { range: editRange, newText: `${next}. (` },
      command: suggestAgain,
    });
  }
  const paragraph = [...paragraphs].reverse().find((candidate) => candidate.number.range.start.line < cursor.line);
  if (paragraph && /^[A-Za-z]?$/.test(typed)) {
    const lettered = paragraph.subParagraphs.filter((sub) => sub.label.range.start.line < cursor.line && /^\d?[A-Z]$/.test(sub.label.text.replace(/[[\]()#]/g, '')));
    const previous = lettered[lettered.length - 1]?.letter;
    const next = previous ? String.fromCharCode(Math.min(previous.charCodeAt(previous.length - 1) + 1, 90)) : 'A';
    const letter = typed !== '' && typed === typed.toLowerCase() ? next.toLowerCase() : next;
    if (!previous || next !== previous) {
      items.push({
        label: `${letter}. (`,
        kind: CompletionItemKind.Snippet,
        detail: previous ? `sub-paragraph ${paragraph.number.value}.${next}, after ${previous}` : `the first sub-paragraph of paragraph ${paragraph.number.value}`,
        sortText: '1',
        filterText: `${letter}. (`,
        textEdit: { range: editRange, newText: `${letter}. (` },
        command: suggestAgain,
      });
    }
  }
  return items.length > 0 ? items : undefined;
};

// --- Header: keywords at line start, captions, precedence words ---

interface HeaderKeyword {
  label: string;
  insert: (context: RuleContext) => string;
  present: (model: CableModel) => { line: number } | undefined;
  detail: string;
  again?: boolean;
}

const lineOf = (span?: { range: Range }) => (span ? { line: span.range.start.line } : undefined);

const HEADER_KEYWORDS: readonly HeaderKeyword[] = [
  { label: 'FM', insert: () => 'FM ', present: (model) => lineOf(model.addresses.find((block) => block.keyword.kind === 'FM')), detail: 'the originator (FM SECSTATE WASHDC)' },
  { label: 'TO', insert: () => 'TO ', present: () => undefined, detail: 'action addressees (TO AMEMBASSY PARIS PRIORITY)' },
  { label: 'INFO', insert: () => 'INFO ', present: () => undefined, detail: 'information addressees' },
  { label: 'E.O.', insert: ({ config }) => `E.O. ${config.executiveOrder}: DECL: `, present: (model) => lineOf(model.eo), detail: 'the executive order and the declassification instruction', again: true },
  { label: 'TAGS:', insert: () => 'TAGS: ', present: (model) => lineOf(model.tags), detail: 'subject, geographic and organisation tags', again: true },
  { label: 'SUBJECT:', insert: () => 'SUBJECT: ', present: (model) => lineOf(model.subject), detail: 'the subject line, with its portion mark', again: true },
  { label: 'REF:', insert: () => 'REF: ', present: (model) => lineOf(model.refs), detail: 'references: A. ..., B. ... one per line' },
  { label: 'Classified By:', insert: () => 'Classified By: ', present: (model) => lineOf(model.classifiedBy), detail: 'the classifier (name and position) and the reason 1.4 (x)' },
];

const headerCompletions: Provider = (context, cursor) => {
  const { model } = context;
  if (!isHeaderLine(model, cursor.line)) return undefined;
  const addressItems = precedenceWordItems(model, cursor);
  if (addressItems) return addressItems;
  const match = /^[A-Za-z.]*$/.exec(cursor.before);
  if (!match || !/^[A-Za-z.:]*\s*$/.test(cursor.after)) return undefined;
  const word = /^[A-Za-z.:]*/.exec(cursor.after)![0];
  const editRange = range(cursor.line, 0, cursor.character + word.length);
  const items: CompletionItem[] = [];
  const banner = model.banner;
  const beforeFields = [model.eo, model.tags, model.subject].find((field) => field !== undefined);
  if (banner && cursor.line > banner.range.end.line && (!beforeFields || cursor.line < beforeFields.range.start.line)) {
    const written = new Set(model.captions.filter((caption) => caption.range.start.line !== cursor.line).map((caption) => caption.name));
    captions
      .filter((caption) => caption.name !== 'EFTO' && !written.has(caption.name))
      .forEach((caption, index) =>
        items.push({
          label: caption.name,
          kind: CompletionItemKind.Constant,
          detail: caption.title,
          documentation: markdown(`**${caption.name}** (${caption.title}): ${caption.meaning}\n\nSource: ${caption.source}`),
          sortText: `0${pad(index, 2)}`,
          filterText: caption.name,
          textEdit: { range: editRange, newText: caption.name },
        }),
      );
  }
  HEADER_KEYWORDS.forEach((keyword, index) => {
    const present = keyword.present(model);
    if (present && present.line !== cursor.line) return;
    items.push({
      label: keyword.label,
      kind: CompletionItemKind.Keyword,
      detail: keyword.detail,
      sortText: `1${pad(index, 2)}`,
      filterText: keyword.label,
      textEdit: { range: editRange, newText: keyword.insert(context) },
      command: keyword.again ? suggestAgain : undefined,
    });
  });
  return items;
};

/** Precedence words after an addressee on a TO or INFO line. */
function precedenceWordItems(model: CableModel, cursor: Cursor): CompletionItem[] | undefined {
  const block = model.addresses.find((candidate) => candidate.range.start.line <= cursor.line && candidate.range.end.line >= cursor.line);
  if (!block || block.keyword.kind === 'FM') return undefined;
  if (block.keyword.range.start.line === cursor.line && cursor.character <= block.keyword.range.end.character) return undefined;
  if (cursor.after.trim() !== '' && !/^[A-Za-z]/.test(cursor.after)) return undefined;
  const typed = /[A-Za-z]*$/.exec(cursor.before)![0];
  const written = cursor.before
    .slice(0, cursor.before.length - typed.length)
    .replace(/^\s*(TO|INFO)\b/i, '')
    .trim();
  const words = written.split(/\s+/).filter(Boolean);
  // A post is two words at least (AMEMBASSY PARIS) or routed (RUEHFR/AMEMBASSY PARIS).
  if (words.length < 2 || !/\s$/.test(cursor.before.slice(0, cursor.before.length - typed.length))) return undefined;
  if (precedences.some((precedence) => written.toUpperCase().endsWith(precedence.word))) return undefined;
  const rest = /^[A-Za-z]*/.exec(cursor.after)![0];
  const editRange = range(cursor.line, cursor.character - typed.length, cursor.character + rest.length);
  return precedences.map((precedence, index) => ({
    label: precedence.word,
    kind: CompletionItemKind.Keyword,
    detail: precedence.letter ? `precedence ${precedence.letter}` : 'precedence (O on the precedence line)',
    documentation: markdown(`**${precedence.word}**: ${precedence.meaning}`),
    sortText: pad(index, 2),
    filterText: precedence.word,
    textEdit: { range: editRange, newText: precedence.word },
  }));
}

/** Tried in order; the first that recognises the cursor's context answers. */
const providers: readonly Provider[] = [
  tagsCompletions,
  declarationCompletions,
  reasonCompletions,
  derivedFromCompletions,
  refLetterCompletions,
  portionMarkCompletions,
  headerCompletions,
  numberingCompletions,
];
