// Classification guides (32 CFR 2001.15(b), 2001.22): per element of information, its level, dissemination
// controls, reasons and declassification. A guide is a `.cableguide.json` (JSON with comments); each topic's
// `match` entries are phrases (whole words, any case, across line wraps) or `/regex/flags`. The matches of a
// cable's text against its guides are found once per model and read by the rules CBL032-CBL034 and the hover.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ConfigFile, ConfigPosition, ConfigProblem } from './configLoader';
import { LEVELS, levelRank, type CableModel, type Level, type Portion } from './model';

export const GUIDE_FILE_NAME = '.cableguide.json';

/** How long a topic's information stays classified: years after the DTG, a date, or an exemption (`25X1`). */
export type GuideDuration = { years: number } | { date: { year: number; month: number; day: number } } | { exemption: string };

export interface GuideTopic {
  id: string;
  title: string;
  level: Level;
  controls: readonly string[];
  reasons: readonly string[];
  declassify?: GuideDuration;
  /** Each `match` entry as a global regular expression. */
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
      patterns.push(phrasePattern(text));
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
  const controls = list('controls', (item) => /^[A-Z][A-Z0-9 /-]*$/i.test(item.trim()), 'dissemination controls such as NOFORN or REL TO USA, GBR').map((item) => item.toUpperCase());
  const reasons = list('reasons', (item) => /^[a-h]$/i.test(item.trim()), 'E.O. 13526 section 1.4 letters a-h').map((item) => item.toLowerCase());
  const declassifyNode = value('declassify');
  const declassify = declassifyNode ? parseDuration(declassifyNode.value) : undefined;
  if (declassifyNode && !declassify) report(`${where}: "declassify" must be a span such as "10y", a date such as "2035-01-15", or an exemption such as "25X1"; ignored.`, declassifyNode.node);
  const title = value('topic');
  return { id: id.value.trim(), title: typeof title?.value === 'string' ? title.value : id.value, level: levelWord, controls, reasons, declassify, patterns, guide };
}

const matchCache = new WeakMap<readonly Guide[], { model: CableModel; matches: GuideMatch[] }>();

/** Every match of the guides' topics in the cable, in text order; the innermost portion holds each. */
export function matchGuides(model: CableModel, guides: readonly Guide[]): GuideMatch[] {
  if (guides.length === 0 || guides.every((guide) => guide.topics.length === 0)) return [];
  const cached = matchCache.get(guides);
  if (cached?.model === model) return cached.matches;
  const text = model.lines.join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of model.lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const position = (at: number): ConfigPosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: at - lineStarts[low] };
  };
  const matches: GuideMatch[] = [];
  for (const guide of guides) {
    for (const topic of guide.topics) {
      for (const pattern of topic.patterns) {
        pattern.lastIndex = 0;
        for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
          if (found[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          const start = position(found.index);
          matches.push({ topic, start, end: position(found.index + found[0].length), portion: innermostPortion(model, start) });
        }
      }
    }
  }
  matches.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  matchCache.set(guides, { model, matches });
  return matches;
}

/** The smallest portion whose range holds the position. */
function innermostPortion(model: CableModel, at: ConfigPosition): Portion | undefined {
  let best: Portion | undefined;
  let bestSize = Infinity;
  for (const portion of model.portions) {
    const range = portion.range;
    if (range.startLine > at.line) break;
    if (range.endLine < at.line || (range.startLine === at.line && range.startCharacter > at.character) || (range.endLine === at.line && range.endCharacter < at.character)) continue;
    const size = (range.endLine - range.startLine) * 10_000 + range.endCharacter - range.startCharacter;
    if (size < bestSize) {
      best = portion;
      bestSize = size;
    }
  }
  return best;
}

/** The topic with the highest level among matches (the first such on a tie). */
export function highestTopic(matches: readonly GuideMatch[]): GuideTopic | undefined {
  let best: GuideTopic | undefined;
  for (const match of matches) if (!best || levelRank(match.topic.level) > levelRank(best.level)) best = match.topic;
  return best;
}
