// Classification guides (32 CFR 2001.15(b), 2001.22): per element of information, its level, dissemination
// controls, reasons and declassification. A guide is a `.cableguide.json` (JSON with comments); each topic's
// `match` entries are phrases (whole words, any case, across line wraps) or `/regex/flags`. The matches of a
// cable's text against its guides are found once per model and read by the rules CBL032-CBL034 and the hover.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ConfigFile, ConfigPosition, ConfigProblem } from './configLoader';
import { LEVELS, levelRank, type CableModel, type Level, type Portion } from './model';
import { normaliseControl } from './parser/marks';

export const GUIDE_FILE_NAME = '.cableguide.json';

/** The guides that apply to a cable: the nearest `.cableguide.json` above it, then those its configuration lists, each once. */
export function applyingGuideNames(nearest: string | undefined, configured: readonly string[]): string[] {
  return [...new Set([nearest, ...configured].filter((name): name is string => Boolean(name)))];
}

/** How long a topic's information stays classified: years after the DTG, a date, or an exemption (`25X1`). */
export type GuideDuration = { years: number } | { date: { year: number; month: number; day: number } } | { exemption: string };

export interface GuideTopic {
  id: string;
  title: string;
  level: Level;
  controls: readonly string[];
  reasons: readonly string[];
  declassify?: GuideDuration;
  /** Phrases of plain words, lower case, word by word: found through one index of the cable's words. */
  phrases: ReadonlyArray<readonly string[]>;
  /** The other `match` entries (regexes, phrases with punctuation) as global regular expressions. */
  patterns: readonly RegExp[];
  guide: Guide;
}

export interface Guide {
  /** The guide's title (`"guide"`), as a `Derived From:` line names it. */
  name: string;
  file: string;
  topics: GuideTopic[];
}

export interface GuideMatch {
  topic: GuideTopic;
  /** Zero-based line and character of the matched text (it may span lines). */
  start: ConfigPosition;
  end: ConfigPosition;
  /** The innermost portion the match starts in; undefined in the header outside SUBJECT. */
  portion?: Portion;
}

const TOPIC_KEYS = ['id', 'topic', 'match', 'level', 'controls', 'reasons', 'declassify'];
const LEVEL_WORDS: Record<string, Level> = { U: 'U', SBU: 'SBU', C: 'C', S: 'S', TS: 'TS' };

/** A phrase as a pattern: whole words, any case, any white space (a line end too) between its words. */
export function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![A-Za-z0-9])${words.join('\\s+')}(?![A-Za-z0-9])`, 'gi');
}

function parseDuration(value: unknown): GuideDuration | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const years = /^(\d{1,3})\s*y(?:ears?)?$/i.exec(text);
  if (years) return { years: Number(years[1]) };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return { date: { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) } };
  if (/^(?:25|50|75)X\d$/i.test(text)) return { exemption: text.toUpperCase() };
  return undefined;
}

/** Reads a guide; a bad topic or entry is reported at its place and left out, and the rest applies. */
export function parseGuide(file: ConfigFile): { guide?: Guide; problems: ConfigProblem[] } {
  const text = file.text.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const position = (offset: number): ConfigPosition => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line, character: offset - lineStarts[line] };
  };
  const problems: ConfigProblem[] = [];
  const report = (message: string, node: { offset: number; length: number }) =>
    problems.push({ file: file.name, message, range: { start: position(node.offset), end: position(node.offset + node.length) } });
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !root || root.type !== 'object') {
    const first = errors[0];
    report(first ? `not valid JSON (${printParseErrorCode(first.error)}); the guide is not used.` : 'expected an object such as {"guide": "...", "topics": [...]}; the guide is not used.', first ?? root ?? { offset: 0, length: 0 });
    return { problems };
  }
  const property = (node: Node, key: string) => node.children?.find((child) => child.children?.[0]?.value === key);
  const nameNode = property(root, 'guide')?.children?.[1];
  const name = typeof nameNode?.value === 'string' && nameNode.value.trim() ? nameNode.value.trim() : file.name.slice(Math.max(file.name.lastIndexOf('/'), file.name.lastIndexOf('\\')) + 1);
  if (!nameNode) report('"guide": the guide\'s title is missing (a Derived From line names it); the file name stands in.', root);
  for (const child of root.children ?? []) {
    const key = child.children?.[0];
    if (key && key.value !== 'guide' && key.value !== 'topics' && key.value !== '$schema') report(`"${key.value}" is not a guide key (guide, topics); ignored.`, key);
  }
  const guide: Guide = { name, file: file.name, topics: [] };
  const topicsNode = property(root, 'topics')?.children?.[1];
  if (!topicsNode || topicsNode.type !== 'array') {
    report('"topics": expected a list of topics such as {"id": "MT-3", "topic": "...", "match": ["Category I"], "level": "C"}.', topicsNode ?? root);
    return { guide, problems };
  }
  const seen = new Set<string>();
  for (const topicNode of topicsNode.children ?? []) {
    const topic = parseTopic(topicNode, guide, report, property);
    if (!topic) continue;
    if (seen.has(topic.id)) report(`"${topic.id}": a second topic with this id; both apply.`, topicNode);
    seen.add(topic.id);
    guide.topics.push(topic);
  }
  return { guide, problems };
}

function parseTopic(
  node: Node,
  guide: Guide,
  report: (message: string, node: { offset: number; length: number }) => void,
  property: (node: Node, key: string) => Node | undefined,
): GuideTopic | undefined {
  if (node.type !== 'object') {
    report('a topic is an object such as {"id": "MT-3", "topic": "...", "match": ["Category I"], "level": "C"}; ignored.', node);
    return undefined;
  }
  for (const child of node.children ?? []) {
    const key = child.children?.[0];
    if (key && !TOPIC_KEYS.includes(String(key.value))) report(`"${key.value}" is not a topic key (${TOPIC_KEYS.join(', ')}); ignored.`, key);
  }
  const value = (key: string) => {
    const found = property(node, key)?.children?.[1];
    return found ? { node: found, value: getNodeValue(found) as unknown } : undefined;
  };
  const id = value('id');
  if (typeof id?.value !== 'string' || !id.value.trim()) {
    report('a topic needs its "id" (e.g. "MT-3"); the topic is not used.', id?.node ?? node);
    return undefined;
  }
  const where = `topic ${id.value}`;
  const level = value('level');
  const levelWord = typeof level?.value === 'string' ? LEVEL_WORDS[level.value.trim().toUpperCase()] : undefined;
  if (!levelWord) {
    report(`${where}: "level" must be one of ${LEVELS.join(', ')}; the topic is not used.`, level?.node ?? node);
    return undefined;
  }
  const match = value('match');
  const patterns: RegExp[] = [];
  const phrases: string[][] = [];
  const entries = Array.isArray(match?.value) ? (match!.node.children ?? []) : [];
  if (entries.length === 0) report(`${where}: "match" needs at least one phrase or /regex/; the topic matches nothing.`, match?.node ?? node);
  for (const entry of entries) {
    const text = entry.value;
    if (typeof text !== 'string' || !text.trim()) {
      report(`${where}: a match entry is a phrase or "/regex/flags"; ignored.`, entry);
      continue;
    }
    const regex = /^\/(.+)\/([a-z]*)$/s.exec(text);
    if (!regex) {
      const words = text.trim().toLowerCase().split(/\s+/);
      if (words.every((word) => /^[a-z0-9]+$/.test(word))) phrases.push(words);
      else patterns.push(phrasePattern(text));
      continue;
    }
    try {
      patterns.push(new RegExp(regex[1], regex[2].includes('g') ? regex[2] : `${regex[2]}g`));
    } catch (error) {
      report(`${where}: ${text} is not a valid regular expression (${error instanceof Error ? error.message : String(error)}); ignored.`, entry);
    }
  }
  const list = (key: string, check: (item: string) => boolean, what: string): string[] => {
    const found = value(key);
    if (!found) return [];
    if (!Array.isArray(found.value) || !found.value.every((item) => typeof item === 'string' && check(item))) {
      report(`${where}: "${key}" must be a list of ${what}; ignored.`, found.node);
      return [];
    }
    return (found.value as string[]).map((item) => item.trim());
  };
  // Named as the marks name them (`NF` is NOFORN), so that a mark's controls and a topic's compare.
  const controls = list('controls', (item) => normaliseControl(item) !== undefined, 'known dissemination controls such as NOFORN or REL TO USA, GBR').map((item) => normaliseControl(item)!);
  const reasons = list('reasons', (item) => /^[a-h]$/i.test(item.trim()), 'E.O. 13526 section 1.4 letters a-h').map((item) => item.toLowerCase());
  const declassifyNode = value('declassify');
  const declassify = declassifyNode ? parseDuration(declassifyNode.value) : undefined;
  if (declassifyNode && !declassify) report(`${where}: "declassify" must be a span such as "10y", a date such as "2035-01-15", or an exemption such as "25X1"; ignored.`, declassifyNode.node);
  const title = value('topic');
  return { id: id.value.trim(), title: typeof title?.value === 'string' ? title.value : id.value, level: levelWord, controls, reasons, declassify, phrases, patterns, guide };
}

/** What one line holds for the guides: its words, where a phrase may start, and its regex matches. */
interface LineHits {
  words: string[];
  starts: number[];
  ends: number[];
  /** Per word, whether only white space stands between it and the word before it on the line. */
  spaceBefore: boolean[];
  /** Whether only white space stands before the first word and after the last. */
  leadingSpace: boolean;
  trailingSpace: boolean;
  /** Word index -> the phrases that begin with that word. */
  phraseStarts: Array<[number, PhraseEntry[]]>;
  regexHits: Array<{ topic: GuideTopic; start: number; end: number }>;
}

interface PhraseEntry {
  topic: GuideTopic;
  words: readonly string[];
}

interface GuideIndex {
  byFirstWord: Map<string, PhraseEntry[]>;
  /** Lines already read, by their text: typing changes one line, so the others are not read again. */
  lines: Map<string, LineHits>;
  model?: CableModel;
  matches: GuideMatch[];
}

const indexes = new WeakMap<readonly Guide[], GuideIndex>();

function indexOf(guides: readonly Guide[]): GuideIndex {
  let index = indexes.get(guides);
  if (!index) {
    const byFirstWord = new Map<string, PhraseEntry[]>();
    for (const guide of guides) for (const topic of guide.topics) for (const words of topic.phrases) byFirstWord.set(words[0], [...(byFirstWord.get(words[0]) ?? []), { topic, words }]);
    index = { byFirstWord, lines: new Map(), matches: [] };
    indexes.set(guides, index);
  }
  return index;
}

function readLine(text: string, guides: readonly Guide[], byFirstWord: Map<string, PhraseEntry[]>): LineHits {
  const lower = text.toLowerCase();
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const phraseStarts: LineHits['phraseStarts'] = [];
  const wordPattern = /[a-z0-9]+/g;
  for (let found = wordPattern.exec(lower); found; found = wordPattern.exec(lower)) {
    const candidates = byFirstWord.get(found[0]);
    if (candidates) phraseStarts.push([words.length, candidates]);
    words.push(found[0]);
    starts.push(found.index);
    ends.push(found.index + found[0].length);
  }
  const regexHits: LineHits['regexHits'] = [];
  for (const guide of guides) {
    for (const topic of guide.topics) {
      for (const pattern of topic.patterns) {
        pattern.lastIndex = 0;
        for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
          if (found[0].length === 0) pattern.lastIndex++;
          else regexHits.push({ topic, start: found.index, end: found.index + found[0].length });
        }
      }
    }
  }
  const spaceBefore = starts.map((start, word) => word > 0 && /^\s+$/.test(text.slice(ends[word - 1], start)));
  const blankBefore = words.length === 0 || /^\s*$/.test(text.slice(0, starts[0]));
  const blankAfter = words.length === 0 || /^\s*$/.test(text.slice(ends[ends.length - 1]));
  return { words, starts, ends, spaceBefore, leadingSpace: blankBefore, trailingSpace: blankAfter, phraseStarts, regexHits };
}

/**
 * Every match of the guides' topics in the cable, in text order, with the innermost portion holding each.
 * Phrases are found through the words of each line (a phrase may go on over line ends, with only white space
 * between its words); a /regex/ is matched within a line. Each line's words are read once while its text
 * stays the same, so typing costs the changed line.
 */
export function matchGuides(model: CableModel, guides: readonly Guide[]): GuideMatch[] {
  if (guides.length === 0 || guides.every((guide) => guide.topics.length === 0)) return [];
  const index = indexOf(guides);
  if (index.model === model) return index.matches;
  const lines: LineHits[] = [];
  const seen = new Map<string, LineHits>();
  for (const text of model.lines) {
    const hits = seen.get(text) ?? index.lines.get(text) ?? readLine(text, guides, index.byFirstWord);
    seen.set(text, hits);
    lines.push(hits);
  }
  index.lines = seen;
  const portionOfLine = portionsByLine(model);
  const matches: GuideMatch[] = [];
  lines.forEach((hits, line) => {
    for (const hit of hits.regexHits) matches.push({ topic: hit.topic, start: { line, character: hit.start }, end: { line, character: hit.end }, portion: portionOfLine[line] });
    for (const [first, candidates] of hits.phraseStarts) {
      for (const phrase of candidates) {
        const end = phraseEnd(lines, line, first, phrase.words);
        if (end) matches.push({ topic: phrase.topic, start: { line, character: hits.starts[first] }, end, portion: portionOfLine[line] });
      }
    }
  });
  matches.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  index.model = model;
  index.matches = matches;
  return matches;
}

/** Where the phrase beginning at word `first` of `line` ends, if the words that follow are its words. */
function phraseEnd(lines: readonly LineHits[], line: number, first: number, words: readonly string[]): ConfigPosition | undefined {
  let atLine = line;
  let at = first;
  for (let offset = 1; offset < words.length; offset++) {
    let next = at + 1;
    let nextLine = atLine;
    if (next < lines[atLine].words.length) {
      if (!lines[atLine].spaceBefore[next]) return undefined;
    } else {
      // Over the line end: only white space after this word and before the next line's first.
      if (!lines[atLine].trailingSpace) return undefined;
      nextLine = atLine + 1;
      while (nextLine < lines.length && lines[nextLine].words.length === 0) nextLine++;
      if (nextLine >= lines.length || !lines[nextLine].leadingSpace) return undefined;
      next = 0;
    }
    if (lines[nextLine].words[next] !== words[offset]) return undefined;
    atLine = nextLine;
    at = next;
  }
  return { line: atLine, character: lines[atLine].ends[at] };
}

/**
 * Per line, the innermost portion that holds it: portions come in document order, and one inside another
 * starts after it, so the later one covering a line is the inner one.
 */
function portionsByLine(model: CableModel): Array<Portion | undefined> {
  const byLine = new Array<Portion | undefined>(model.lines.length).fill(undefined);
  for (const portion of model.portions) {
    for (let line = portion.range.startLine; line <= portion.range.endLine && line < byLine.length; line++) byLine[line] = portion;
  }
  return byLine;
}

/** The topic with the highest level among matches (the first such on a tie). */
export function highestTopic(matches: readonly GuideMatch[]): GuideTopic | undefined {
  let best: GuideTopic | undefined;
  for (const match of matches) if (!best || levelRank(match.topic.level) > levelRank(best.level)) best = match.topic;
  return best;
}
