// The header: transmission and distribution lines, precedence and DTG, addressees, banner and captions,
// E.O. line, TAGS and SUBJECT. Its parts may come in any order before the E.O. line, and it ends at the
// body, not at the first line it does not know.
import { type AddressBlock, type Addressee, type Banner, type Caption, type DeclassificationInstruction, type Dtg, type EoLine, type Level, type MessageRef, type Portion, type PortionMark, type PrecedenceLine, type Span, type Subject, type Tag, type TagsLine, type TransmissionLine } from '../model';
import { TALKING_POINT_RE, looksLikeParagraphHead } from './heads';
import { CLASSIFIED_BY_RE, HeaderBlockReader, REF_RE } from './headerBlocks';
import { trailingMarkStart } from './marks';
import { daysInMonth, isSpace, range, twoDigitYear } from './text';

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export const CAPTION_WORDS = new Set(['SIPDIS', 'NOFORN', 'SENSITIVE', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS']);

export const KNOWN_EXEMPTIONS = new Set(['25X1', '25X2', '25X3', '25X4', '25X5', '25X6', '25X7', '25X8', '25X9', '50X1-HUM', '50X2-WMD']);

export const SECURITY_LETTER_LEVELS: Record<string, Level> = { C: 'C', S: 'S', U: 'U', E: 'U', T: 'TS' };

/** A post's name may start with THE (`THE HAGUE 000123`); no other such word belongs in one. */
/** A banner with neither section nor message reference: the top of a page, repeated before the real one. */
/** Caption words at the end of a line's text (`... N/A SIPDIS`). */
export const TRAILING_CAPTION_RE = new RegExp(`\\s(${[...CAPTION_WORDS].join('|')})\\s*$`, 'i');
const CAPTION_LINE_RE = new RegExp(`^\\s*(?:(?:${[...CAPTION_WORDS].join('|')})\\s*)+$`, 'i');

/** A line of caption words only (`SIPDIS`, `NOFORN SIPDIS`). */
export function isCaptionLine(text: string): boolean {
  return CAPTION_LINE_RE.test(text);
}

/** Where a TAGS keyword stands on a line after `from` (an E.O. line with its TAGS), or -1. */
export function tagsOnLine(text: string, from: number): number {
  const match = /\sTAGS\b\s*:?/i.exec(text.slice(from));
  return match ? from + match.index + 1 : -1;
}

/** The classification words a garbled banner may mean, longest first. */
const GARBLE_TARGETS: ReadonlyArray<[string, Level]> = [
  ['TOP SECRET', 'TS'],
  ['CONFIDENTIAL', 'C'],
  ['UNCLASSIFIED', 'U'],
  ['SECRET', 'S'],
  ['UNCLAS', 'U'],
];

/** Levenshtein distance, for a garbled word against the word it means. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

export function isPageBanner(banner: Banner): boolean {
  return !banner.messageRef && !banner.section;
}

// Lines of a received cable's routing and distribution, anywhere before the E.O. line: `PAGE 01 ...`,
// `ACTION AF-00`, `INFO LOG-00 ADS-00 ...`, office lists `H-01 NSCE-00 ...`, `------352654 200910Z /23`.
export const DISTRIBUTION_RE = /^\s*(?:PAGE\s+\d{2,3}\b|ACTION\s+[A-Z]{1,6}-\d{2}\b|INFO\s+LOG-|(?:[A-Z]{1,6}-\d{2}\s+)+(?:[A-Z]{1,6}-\d{2}|\/\d{3}\s+W)\s*$|[A-Z]{1,6}-\d{2}\s+\/\d{3}\s+W\s*$|-{6,}\s*\d+\s+\d{6}Z\s+\/\d+\s*$)/;

export const PRECEDENCE_RE = /^\s*([A-Za-z])(?:\s+([A-Za-z]))?\s+((\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2}))(?:\s+[A-Z]{3,4})?\s*$/i;

export const ADDRESS_RE = /^(\s*)(FM|TO|INFO)(?=\s|$)/i;

export const BANNER_RE =
  /^\s*(T\s?O\s?P\s{1,3}S\s?E\s?C\s?R\s?E\s?T|S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D|UNCLAS(?:\s+EFTO)?)(?![A-Za-z])/i;

export const SECTION_RE = /^\s*SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})(?!\d)/i;

export const EO_RE = /^(\s*)(E\.?\s?O\.?)(?=[\s\d:])\s*(?:(\d{4,5})(?!\d))?\s*:?\s*/i;

export const DECL_ONLY_RE = /^(\s*)(?=DECL\s*:)/i;

export const TAGS_RE = /^(\s*)(TAGS)(?![A-Za-z])\s*:?/i;

export const SUBJECT_RE = /^(\s*)(SUBJ(?:ECT)?)\s*:\s*/i;

export abstract class HeaderReader extends HeaderBlockReader {
  /** Whether a line starts a paragraph (the body's reader knows): the header ends there. */
  protected abstract isParagraphHead(line: number): boolean;

  /** Parses the header lines; returns the first body line. */
  protected parseHeader(): number {
    const model = this.model;
    let line = 0;
    let firstBodyLine = this.count;
    let lastHeaderLine = -1;
    let seenEoOrLater = false;
    let headerEnd: { line: number; character: number } | undefined;
    while (line < this.count) {
      if (this.isBlank(line)) {
        line++;
        continue;
      }
      const text = this.clean[line];
      const beforeAddresses = !model.precedence && model.addresses.length === 0 && !model.banner && !seenEoOrLater;
      // Until the E.O. line, a received cable's parts come in any order: a page's banner and routing
      // lines may stand before the precedence line, and the banner with the message reference after them.
      const beforeEo = !seenEoOrLater;
      let next = line + 1;
      if (this.isParagraphHead(line)) {
        firstBodyLine = line;
        break;
      } else if (beforeEo && this.transmissionLine(line, beforeAddresses)) {
        // recorded
      } else if (beforeEo && !model.precedence && this.precedenceLine(line)) {
        // recorded
      } else if (beforeEo && ADDRESS_RE.test(text) && !/^\s*INFO\s+(?:LOG-|PAGE\b)/i.test(text)) {
        next = this.addressBlock(line);
      } else if (beforeEo && (!model.banner || isPageBanner(model.banner)) && (this.bannerLine(line) || this.malformedBannerLine(line))) {
        // recorded
      } else if (!model.eo && (EO_RE.test(text) || DECL_ONLY_RE.test(text)) && this.eoLine(line)) {
        seenEoOrLater = true;
        const tagsAt = tagsOnLine(text, 0);
        if (!model.tags && tagsAt > 0) next = this.tagsLine(line, tagsAt);
      } else if (seenEoOrLater && isCaptionLine(text) && this.captionLine(line)) {
        // A caption line below the E.O. line (`SIPDIS`), as some cables have it.
      } else if (!model.tags && TAGS_RE.test(text)) {
        next = this.tagsLine(line);
        seenEoOrLater = true;
      } else if (!model.subject && SUBJECT_RE.test(text)) {
        next = this.subjectLines(line);
        seenEoOrLater = true;
      } else if (!model.refs && REF_RE.test(text)) {
        next = this.refBlock(line);
        seenEoOrLater = true;
      } else if (!model.classifiedBy && CLASSIFIED_BY_RE.test(text)) {
        next = this.classifiedBy(line, 0);
        seenEoOrLater = true;
        if (this.pendingHead) {
          // Paragraph 1 starts on the block's last line: the header ends where the block does.
          firstBodyLine = this.pendingHead.line;
          headerEnd = model.classifiedBy!.range.end;
          break;
        }
      } else if (model.banner && !seenEoOrLater) {
        if (!this.captionLine(line)) model.passingLines.push(this.lineSpan(line));
        else if (model.eo) seenEoOrLater = true;
      } else if (seenEoOrLater || model.banner || TALKING_POINT_RE.test(text) || /^\s*\(/.test(text)) {
        // The header ends at the body, not at the first line it does not know (a TAGS line written twice,
        // `For the Ambassador`): while a part of it still follows before any paragraph, the line passes.
        if (!this.headerPartFollows(line + 1)) {
          firstBodyLine = line;
          break;
        }
        model.passingLines.push(this.lineSpan(line));
      }
      lastHeaderLine = next - 1;
      line = next;
    }
    if (line >= this.count && !headerEnd) firstBodyLine = this.count;
    const anyHeader = model.transmission.length > 0 || model.precedence || model.addresses.length > 0 || model.banner || seenEoOrLater;
    // A text with nothing of a header (a snippet, a draft's body) is all body.
    if (!anyHeader) {
      firstBodyLine = 0;
      lastHeaderLine = -1;
    }
    while (lastHeaderLine >= 0 && this.isBlank(lastHeaderLine)) lastHeaderLine--;
    if (headerEnd) model.headerRange = range(0, 0, headerEnd.line, headerEnd.character);
    else if (lastHeaderLine >= 0) model.headerRange = range(0, 0, lastHeaderLine, this.raw[lastHeaderLine].length);
    return firstBodyLine;
  }

  /** `anyLine`: before the addresses, any line after a transmission line is one too. */
  /** Whether a header part not yet read (E.O., TAGS, SUBJECT, REF, Classified By) comes before any paragraph. */
  protected headerPartFollows(from: number): boolean {
    const model = this.model;
    for (let line = from, seen = 0; line < this.count && seen < 12; line++) {
      if (this.isBlank(line)) continue;
      seen++;
      const text = this.clean[line];
      if (this.isParagraphHead(line)) return false;
      if (!model.eo && (EO_RE.test(text) || DECL_ONLY_RE.test(text))) return true;
      if ((!model.tags && TAGS_RE.test(text)) || (!model.subject && SUBJECT_RE.test(text)) || (!model.refs && REF_RE.test(text))) return true;
      if (!model.classifiedBy && CLASSIFIED_BY_RE.test(text)) return true;
    }
    return false;
  }

  protected transmissionLine(line: number, anyLine: boolean): boolean {
    const text = this.clean[line];
    const previous = this.model.transmission[this.model.transmission.length - 1];
    let kind: TransmissionLine['kind'] | undefined;
    const security = /^\s*(ZNY|ZNR)\s+(([A-Z])\3{4})(?![A-Z])/i.exec(text);
    if (/^\s*VZCZC/i.test(text)) kind = 'start';
    else if (/^\s*[ZOPR]{2}\s+R[A-Z]{3,}/.test(text)) kind = 'routing';
    else if (previous?.kind === 'routing' && /^\s*R[A-Z]{3,}(?:\s+R[A-Z]{3,})*\s*$/.test(text)) kind = 'routing';
    else if (/^\s*DE\s+[A-Z]{4,}/.test(text)) kind = 'origin';
    else if (security) kind = 'security';
    else if (/^\s*INFO\s+LOG-/i.test(text)) kind = 'info-log';
    else if (DISTRIBUTION_RE.test(text)) kind = 'other';
    else if (anyLine && previous && !PRECEDENCE_RE.test(text) && !ADDRESS_RE.test(text) && !BANNER_RE.test(text)) kind = 'other';
    if (!kind) return false;
    const entry: TransmissionLine = Object.assign(this.lineSpan(line), { kind });
    if (security) {
      const start = security.index + security[0].length - 5;
      entry.securityLetters = this.span(line, start, start + 5);
      const level = SECURITY_LETTER_LEVELS[security[3].toUpperCase()];
      if (level) entry.securityLevel = level;
    }
    this.model.transmission.push(entry);
    return true;
  }

  protected precedenceLine(line: number): boolean {
    const text = this.clean[line];
    const match = PRECEDENCE_RE.exec(text);
    if (!match) return false;
    const precedences: Span[] = [];
    const firstAt = text.indexOf(match[1]);
    precedences.push(this.span(line, firstAt, firstAt + 1));
    const dtgAt = text.lastIndexOf(match[3]);
    if (match[2]) {
      const secondAt = text.lastIndexOf(match[2], dtgAt - 1);
      precedences.push(this.span(line, secondAt, secondAt + 1));
    }
    const entry: PrecedenceLine = Object.assign(this.lineSpan(line), { precedences });
    const wrong = precedences.find((p) => !'ZOPR'.includes(p.text.toUpperCase()));
    if (wrong) entry.problem = `"${wrong.text}" is not a precedence (Z, O, P or R)`;
    entry.dtg = this.dtg(line, dtgAt, match);
    this.model.precedence = entry;
    return true;
  }

  protected dtg(line: number, at: number, match: RegExpExecArray): Dtg {
    const day = Number(match[4]);
    const hour = Number(match[5]);
    const minute = Number(match[6]);
    const month = MONTHS.indexOf(match[7].toUpperCase()) + 1;
    const year = twoDigitYear(match[8]);
    const dtg: Dtg = Object.assign(this.span(line, at, at + match[3].length), { day, hour, minute, month, year });
    let problem: string | undefined;
    if (month === 0) problem = `"${match[7]}" is not a month`;
    else if (day < 1 || day > daysInMonth(year, month)) problem = `day ${match[4]} does not exist in ${MONTHS[month - 1]} ${year}`;
    else if (hour > 23) problem = `hour ${match[5]} is not 00-23`;
    else if (minute > 59) problem = `minute ${match[6]} is not 00-59`;
    if (problem) dtg.problem = problem;
    else dtg.date = new Date(Date.UTC(year, month - 1, day, hour, minute));
    return dtg;
  }

  protected addressBlock(line: number): number {
    const text = this.clean[line];
    const match = ADDRESS_RE.exec(text)!;
    const keywordStart = match[1].length;
    const kind = match[2].toUpperCase() as 'FM' | 'TO' | 'INFO';
    const keyword = Object.assign(this.span(line, keywordStart, keywordStart + match[2].length), { kind });
    const addressees: Addressee[] = [];
    const first = this.addressee(line, keywordStart + match[2].length);
    if (first) addressees.push(first);
    let last = line;
    let next = line + 1;
    while (next < this.count && !this.isBlank(next)) {
      const nextText = this.clean[next];
      if (ADDRESS_RE.test(nextText) || BANNER_RE.test(nextText) || PRECEDENCE_RE.test(nextText) || EO_RE.test(nextText) ||
        TAGS_RE.test(nextText) || SUBJECT_RE.test(nextText)) {
        break;
      }
      const addressee = this.addressee(next, 0);
      if (addressee) addressees.push(addressee);
      last = next;
      next++;
    }
    const block: AddressBlock = Object.assign(this.multiSpan(line, keywordStart, last, this.lineEnd(last)), { keyword, addressees });
    this.model.addresses.push(block);
    return last + 1;
  }

  protected addressee(line: number, from: number): Addressee | undefined {
    const text = this.clean[line];
    let start = from;
    let end = this.lineEnd(line);
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    if (start >= end) return undefined;
    const whole = this.span(line, start, end);
    let routing: Span | undefined;
    const routingMatch = /^([A-Z0-9]{2,8})\//.exec(text.slice(start, end));
    if (routingMatch) {
      routing = this.span(line, start, start + routingMatch[1].length);
      start += routingMatch[0].length;
    }
    let serial: Span | undefined;
    const body = text.slice(start, end);
    const serialMatch = /\s(\d{1,6}(?:-\d{1,6})?)$/.exec(body);
    if (serialMatch) {
      serial = this.span(line, end - serialMatch[1].length, end);
      end -= serialMatch[0].length;
    }
    let precedence: Span | undefined;
    const precedenceMatch = /(?:^|\s)(NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)$/i.exec(text.slice(start, end));
    if (precedenceMatch) {
      precedence = this.span(line, end - precedenceMatch[1].length, end);
      end -= precedenceMatch[1].length;
    }
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const addressee: Addressee = { ...whole, name: this.span(line, start, end) };
    if (routing) addressee.routing = routing;
    if (precedence) addressee.precedence = precedence;
    if (serial) addressee.serial = serial;
    return addressee;
  }

  protected bannerLine(line: number): boolean {
    const text = this.clean[line];
    const match = BANNER_RE.exec(text);
    if (!match) return false;
    const classificationStart = match.index + match[0].length - match[1].length;
    let position = match.index + match[0].length;
    const rest = text.slice(position);
    let section: Banner['section'];
    const sectionMatch = SECTION_RE.exec(rest);
    let afterSection = rest;
    if (sectionMatch) {
      const start = position + sectionMatch[0].length - sectionMatch[0].trimStart().length;
      section = Object.assign(this.span(line, start, position + sectionMatch[0].length), { number: Number(sectionMatch[1]), of: Number(sectionMatch[2]) });
      position += sectionMatch[0].length;
      afterSection = rest.slice(sectionMatch[0].length);
    }
    const trimmed = afterSection.trim();
    let messageRef: MessageRef | undefined;
    const captions: Caption[] = [];
    if (trimmed) {
      const refStart = position + afterSection.length - afterSection.trimStart().length;
      const found = this.messageRefAt(line, refStart);
      if (!found) return false;
      // Captions may follow on the banner line: `... STATE 012345 SIPDIS`.
      const wordRe = /\S+/g;
      wordRe.lastIndex = found.end;
      for (let word = wordRe.exec(text); word; word = wordRe.exec(text)) {
        if (!CAPTION_WORDS.has(word[0].toUpperCase())) return false;
        captions.push(Object.assign(this.span(line, word.index, word.index + word[0].length), { name: word[0].toUpperCase() }));
      }
      messageRef = found.ref;
    }
    this.model.captions.push(...captions);
    const words = match[1].toUpperCase().replace(/\s+/g, ' ');
    const letters = words.replace(/ /g, '');
    const level: Level = letters.startsWith('TOP') ? 'TS' : letters.startsWith('SECRET') ? 'S' : letters.startsWith('CONF') ? 'C' : 'U';
    const banner: Banner = {
      ...this.lineSpan(line),
      classification: this.span(line, classificationStart, classificationStart + match[1].length),
      level,
      spaced: /^\S\s\S/.test(match[1]),
      efto: /EFTO$/.test(words),
    };
    if (section) banner.section = section;
    if (messageRef) banner.messageRef = messageRef;
    this.model.banner = banner;
    return true;
  }

  /**
   * A banner whose classification is garbled by a letter or two (`SS E C R E T STATE 012345`, `UUNCLAS`):
   * read as the level it plainly means, so that the header after it is still read, and marked malformed.
   */
  protected malformedBannerLine(line: number): boolean {
    const text = this.clean[line];
    for (const [intended, level] of GARBLE_TARGETS) {
      const letters = intended.replace(/ /g, '');
      // Take the line's first letters, spaces between them skipped, one fewer to two more than the word has.
      for (let extra = -1; extra <= 2; extra++) {
        const want = letters.length + extra;
        let taken = 0;
        let end = 0;
        while (end < text.length && taken < want && /[A-Za-z\s]/.test(text[end])) {
          if (!isSpace(text.charCodeAt(end))) taken++;
          end++;
        }
        if (taken !== want || (end < text.length && /[A-Za-z]/.test(text[end]))) continue;
        const written = text.slice(0, end).replace(/\s+/g, '').toUpperCase();
        if (written === letters || editDistance(written, letters) > (letters.length >= 10 ? 2 : 1)) continue;
        const start = text.length - text.trimStart().length;
        let refStart = end;
        while (refStart < text.length && isSpace(text.charCodeAt(refStart))) refStart++;
        const found = refStart < text.length ? this.messageRefAt(line, refStart) : undefined;
        if (refStart < text.length && (!found || text.slice(found.end).trim() !== '') && !SECTION_RE.test(text.slice(refStart))) continue;
        // Spaced when most of its pieces are single letters (`SS E C R E T`).
        const pieces = text.slice(start, end).trim().split(/\s+/);
        const spaced = pieces.length > 2 && pieces.filter((piece) => piece.length === 1).length * 2 >= pieces.length;
        const banner: Banner = {
          ...this.lineSpan(line),
          classification: this.span(line, start, end),
          level,
          spaced,
          efto: false,
          malformed: { intended: spaced && level !== 'U' ? letters.split('').join(' ') : intended },
        };
        if (found) banner.messageRef = found.ref;
        this.model.banner = banner;
        return true;
      }
    }
    return false;
  }

  protected captionLine(line: number): boolean {
    const text = this.clean[line];
    const words: Caption[] = [];
    const wordRe = /\S+/g;
    for (let match = wordRe.exec(text); match; match = wordRe.exec(text)) {
      const name = match[0].toUpperCase();
      if (!CAPTION_WORDS.has(name)) {
        // `SIPDIS E.O. 12958: N/A`: captions, then the E.O. line on the same line.
        const rest = text.slice(match.index);
        if (words.length === 0 || this.model.eo || !(EO_RE.test(rest) || DECL_ONLY_RE.test(rest))) return false;
        this.model.captions.push(...words);
        return this.eoLine(line, match.index);
      }
      words.push(Object.assign(this.span(line, match.index, match.index + match[0].length), { name }));
    }
    this.model.captions.push(...words);
    return words.length > 0;
  }

  /** The E.O. line from `from` (after captions on the same line, else 0). */
  protected eoLine(line: number, from = 0): boolean {
    const text = this.clean[line];
    const match = EO_RE.exec(text.slice(from));
    let keyword: Span;
    let order: EoLine['order'];
    let position: number;
    let keywordStart: number;
    if (match) {
      keywordStart = from + match[1].length;
      keyword = this.span(line, keywordStart, keywordStart + match[2].length);
      if (match[3]) {
        const orderStart = text.indexOf(match[3], keywordStart + match[2].length);
        order = Object.assign(this.span(line, orderStart, orderStart + match[3].length), { value: Number(match[3]) });
      }
      position = from + match[0].length;
    } else {
      const declMatch = DECL_ONLY_RE.exec(text.slice(from))!;
      position = from + declMatch[1].length;
      keywordStart = position;
      keyword = this.span(line, position, position + 4);
    }
    // `E.O. 12958: DECL: 01/14/2019 TAGS: PREL` and `E.O. 12958: N/A SIPDIS`: TAGS and captions may share the line.
    const tagsAt = tagsOnLine(text, position);
    let end = tagsAt >= 0 ? tagsAt : this.lineEnd(line);
    while (end > position && isSpace(text.charCodeAt(end - 1))) end--;
    for (let caption = TRAILING_CAPTION_RE.exec(text.slice(position, end)); caption; caption = TRAILING_CAPTION_RE.exec(text.slice(position, end))) {
      const start = position + caption.index + caption[0].length - caption[1].length;
      this.model.captions.push(Object.assign(this.span(line, start, start + caption[1].length), { name: caption[1].toUpperCase() }));
      end = position + caption.index;
    }
    const eo: EoLine = Object.assign(this.elementSpan(line, keywordStart, end), { keyword });
    if (order) eo.order = order;
    const rest = text.slice(position, end);
    if (/DECLASSIFIED/i.test(rest) && !/^DECL\s*:/i.test(rest)) {
      eo.instruction = Object.assign(this.span(line, position, end), { kind: 'declassified' as const });
      this.model.eo = eo;
      return true;
    }
    const downgrade = /\bDNG\s*:/i.exec(rest);
    let instructionEnd = end;
    if (downgrade) {
      eo.downgrade = this.span(line, position + downgrade.index, end);
      instructionEnd = position + downgrade.index;
    }
    const decl = /^DECL\s*:?\s*/i.exec(rest);
    let instructionStart = position;
    if (decl) {
      const declWord = /^DECL/i.exec(rest)![0];
      eo.declKeyword = this.span(line, position, position + declWord.length);
      instructionStart = position + decl[0].length;
    }
    while (instructionEnd > instructionStart && isSpace(text.charCodeAt(instructionEnd - 1))) instructionEnd--;
    if (instructionEnd > instructionStart && (decl || !downgrade)) {
      eo.instruction = this.instruction(line, instructionStart, instructionEnd);
    }
    this.model.eo = eo;
    return true;
  }

  protected instruction(line: number, start: number, end: number): DeclassificationInstruction {
    const base = this.span(line, start, end);
    const value = this.clean[line].slice(start, end).replace(/\.$/, '').trim();
    const upper = value.toUpperCase();
    let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (match) return this.dateInstruction(base, Number(match[3]), Number(match[1]), Number(match[2]), 'MM/DD/YYYY');
    match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
    if (match) return this.dateInstruction(base, Number(match[1]), Number(match[2]), Number(match[3]), 'YYYY/MM/DD');
    match = /^(\d{1,2})[-.](\d{1,2})[-.](\d{2}|\d{4})$/.exec(value);
    if (match) return this.dateInstruction(base, twoDigitYear(match[3]), Number(match[1]), Number(match[2]), 'other');
    if (upper === 'N/A' || upper === 'NA') return { ...base, kind: 'na' };
    match = /^(25X\d+|50X\d+(?:-[A-Z]+)?)(?![A-Z0-9])/.exec(upper);
    if (match) return { ...base, kind: 'exemption', code: match[1], known: KNOWN_EXEMPTIONS.has(match[1]) };
    // Indefinite markings of older orders: OADR (E.O. 12356), X1-X8 (12958), GDS and XGDS (11652).
    match = /^(OADR|MR|X[1-8]|GDS|XGDS(?:-[1-4])?)$/.exec(upper);
    if (match) return { ...base, kind: 'obsolete', code: match[1] };
    if (/[A-Z]{2,}\s+[A-Z]{2,}/.test(upper)) return { ...base, kind: 'event' };
    return { ...base, kind: 'unknown' };
  }

  protected dateInstruction(base: Span, year: number, month: number, day: number, format: 'MM/DD/YYYY' | 'YYYY/MM/DD' | 'other'): DeclassificationInstruction {
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    return { ...base, kind: 'date', year, month, day, valid, format };
  }

  /** The TAGS line, from `from` (after the E.O. line when both share a line), with its continuation lines. */
  protected tagsLine(line: number, from = 0): number {
    const match = TAGS_RE.exec(this.clean[line].slice(from))!;
    const keywordStart = from + match[1].length;
    const keyword = this.span(line, keywordStart, keywordStart + match[2].length);
    const tags: Tag[] = [];
    let comma = false;
    const collect = (index: number, from: number) => {
      const text = this.clean[index];
      if (text.includes(',')) comma = true;
      // Codes, and a person's name in parentheses after a tag (`OVIP (RICE, CONDOLEEZZA)`), which belongs to it.
      const tokenRe = /\([^()]*\)|[^\s,()]+/g;
      tokenRe.lastIndex = from;
      for (let token = tokenRe.exec(text); token; token = tokenRe.exec(text)) {
        const span = this.span(index, token.index, token.index + token[0].length);
        if (token[0].startsWith('(')) {
          if (tags.length > 0) tags[tags.length - 1].person = span;
          continue;
        }
        tags.push(Object.assign(span, { code: token[0].toUpperCase() }));
      }
    };
    collect(line, from + match[0].length);
    const lineRanges = [this.lineSpan(line).range];
    let last = line;
    while (last + 1 < this.count && !this.isBlank(last + 1)) {
      const text = this.clean[last + 1];
      if (SUBJECT_RE.test(text) || TAGS_RE.test(text) || !/^[\s,]*[A-Z][A-Z0-9]{1,7}(?:[\s,]+[A-Z][A-Z0-9]{1,7})*[\s,]*$/.test(text)) break;
      last++;
      collect(last, 0);
      lineRanges.push(this.lineSpan(last).range);
    }
    const tagsLine: TagsLine = {
      ...this.multiSpan(line, keywordStart, last, this.lineEnd(last)),
      keyword,
      tags,
      separator: comma ? ',' : ' ',
      lineRanges,
    };
    this.model.tags = tagsLine;
    return last + 1;
  }

  protected subjectLines(line: number): number {
    const text = this.clean[line];
    const match = SUBJECT_RE.exec(text)!;
    const keyword = this.span(line, match[1].length, match[1].length + match[2].length);
    let last = line;
    while (last + 1 < this.count && !this.isBlank(last + 1)) {
      const next = this.clean[last + 1];
      if (REF_RE.test(next) || CLASSIFIED_BY_RE.test(next) || looksLikeParagraphHead(next, false) || EO_RE.test(next) || TAGS_RE.test(next)) break;
      last++;
    }
    let titleStart = match[0].length;
    let mark: PortionMark | undefined;
    let markPosition: 'start' | 'end' | undefined;
    const leading = this.headMark(line, titleStart, true);
    if (leading) {
      mark = leading.mark;
      markPosition = 'start';
      titleStart = leading.textStart;
    }
    let lastEnd = this.lineEnd(last);
    if (!mark) {
      // A subject may be typed in lower case: `... concern (s)`.
      const trailing = trailingMarkStart(this.clean[last].slice(last === line ? titleStart : 0), true);
      if (trailing) {
        const offset = last === line ? titleStart : 0;
        mark = this.mark(last, offset + trailing.open, offset + trailing.close);
        markPosition = 'end';
        lastEnd = offset + trailing.open;
      }
    }
    const parts: string[] = [];
    for (let i = line; i <= last; i++) {
      const from = i === line ? titleStart : 0;
      const to = i === last ? lastEnd : this.clean[i].length;
      const piece = this.clean[i].slice(from, to).trim();
      if (piece) parts.push(piece);
    }
    const subject: Subject = {
      ...this.multiSpan(line, match[1].length, last, this.lineEnd(last)),
      keyword,
      title: parts.join(' '),
    };
    if (mark) {
      subject.mark = mark;
      subject.markPosition = markPosition;
    }
    this.model.subject = subject;
    const portion: Portion = { kind: 'subject', range: subject.range };
    if (mark) {
      portion.mark = mark;
      portion.markPosition = markPosition === 'start' ? 'leading' : 'trailing';
    }
    this.addPortion(portion);
    return last + 1;
  }
}
