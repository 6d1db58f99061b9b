// Hovers that explain a field: a tag, a portion mark or the banner, a caption, a reason letter, the
// DTG and precedences, the declassification instruction and the executive order. (REF citations and
// paragraph cross-references are references.ts's referenceHover, tried before this one.)
import { describeError } from './logger';
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import { exemptionForCode } from './data/declassification';
import { executiveOrderInfo } from './data/executiveOrders';
import { captionInfo, controlInfo, levelInfo } from './data/markings';
import { precedenceByLetter, precedenceByWord, PRECEDENCE_SOURCE } from './data/precedences';
import { reasonForLetter, REASON_SOURCE } from './data/reasons';
import { levelRank, type Banner, type CableModel, type DeclassificationInstruction, type Dtg, type EoLine, type PortionMark, type PrecedenceLetter, type Tag } from './model';
import type { RuleContext } from './rules/rule';
import { RELEASED_CABLES_COUNTED, type TagVocabulary } from './tagVocabulary';
import { addYears } from './completion';

type Explainer = (context: RuleContext, position: Position) => Hover | undefined;

export function fieldHover(context: RuleContext, position: Position): Hover | null {
  try {
    for (const explain of explainers) {
      const hover = explain(context, position);
      if (hover) return hover;
    }
  } catch (error) {
    // A hover is a courtesy: never let one take the request down, but say so.
    context.logger?.error(describeError('Hover', error));
  }
  return null;
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character < range.end.character);
  return afterStart && beforeEnd;
}

const hoverOf = (lines: Array<string | undefined>, range: Range): Hover => ({
  contents: { kind: 'markdown', value: lines.filter((line): line is string => line !== undefined).join('\n\n') },
  range,
});

const count = (value: number): string => value.toLocaleString('en-US');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dateText = (date: { year: number; month: number; day: number }): string => `${date.day} ${MONTHS[date.month - 1] ?? '?'} ${date.year}`;

// --- tags ---

const tagHover: Explainer = ({ model, vocabulary }, position) => {
  const tag = model.tags?.tags.find((candidate) => contains(candidate.range, position));
  return tag ? hoverOf(describeTag(tag, vocabulary), tag.range) : undefined;
};

function describeTag(tag: Tag, vocabulary: TagVocabulary): Array<string | undefined> {
  const entry = vocabulary.get(tag.code);
  if (!entry) return [`**${tag.code}**: not in the TAGS vocabulary (built-in or cable.tags.extraFile).`];
  const common = entry.count > 0 ? `in ${count(entry.count)} of ${count(RELEASED_CABLES_COUNTED)} released cables` : 'not seen in the released cables counted';
  return [`**${entry.code}**: ${entry.meaning ?? '(no meaning recorded)'}`, `${entry.kind.charAt(0).toUpperCase()}${entry.kind.slice(1)} tag, ${common}.`, entry.source ? `Source: ${entry.source}` : undefined];
}

// --- portion marks, banner, captions ---

const markHover: Explainer = ({ model }, position) => {
  const mark = model.marks.find((candidate) => contains(candidate.range, position));
  return mark ? hoverOf(describeMark(mark, model), mark.range) : undefined;
};

function describeMark(mark: PortionMark, model: CableModel): Array<string | undefined> {
  if (!mark.valid || !mark.level) return [`**${mark.text}**: not a valid portion mark${mark.problem ? ` (${mark.problem})` : ''}.`];
  const level = levelInfo.get(mark.level);
  const lines: Array<string | undefined> = [`**${mark.text}** portion mark: ${level?.name ?? mark.level}`, level?.meaning];
  for (const control of mark.controls) lines.push(describeControl(control));
  if (model.banner && level) {
    const banner = levelInfo.get(model.banner.level);
    if (levelRank(mark.level) > levelRank(model.banner.level)) lines.push(`Higher than the banner (${banner?.name ?? model.banner.level}): the banner must be raised.`);
  }
  return lines;
}

function describeControl(control: string): string {
  const info = controlInfo(control);
  return info ? `**${control}** (${info.title}): ${info.meaning}` : `**${control}**: a dissemination control.`;
}

const bannerHover: Explainer = ({ model }, position) => {
  const banner = model.banner;
  if (!banner || !contains(banner.range, position)) return undefined;
  if (banner.messageRef && contains(banner.messageRef.range, position)) {
    return hoverOf([`**${banner.messageRef.text}**: this cable's message reference (post ${banner.messageRef.post}, serial ${banner.messageRef.serial}).`], banner.messageRef.range);
  }
  return hoverOf(describeBanner(banner, model), banner.range);
};

function describeBanner(banner: Banner, model: CableModel): Array<string | undefined> {
  const level = levelInfo.get(banner.level);
  const lines: Array<string | undefined> = [`**${banner.classification.text}**: banner, ${level?.name ?? banner.level} (${banner.level})`, level?.meaning];
  if (banner.efto) lines.push(`**EFTO** (${captionInfo.get('EFTO')?.title ?? 'Encrypted For Transmission Only'}): ${captionInfo.get('EFTO')?.meaning ?? ''}`);
  if (banner.section) lines.push(`Section ${banner.section.number} of ${banner.section.of} of the message.`);
  for (const caption of model.captions) {
    const info = captionInfo.get(caption.name);
    if (info) lines.push(`**${caption.name}** (${info.title}): ${info.meaning}`);
  }
  lines.push('The banner equals the highest portion mark; a dissemination control in any portion (NOFORN) appears among the captions (32 CFR 2001.21).');
  return lines;
}

const captionHover: Explainer = ({ model }, position) => {
  const caption = model.captions.find((candidate) => contains(candidate.range, position));
  if (!caption) return undefined;
  const info = captionInfo.get(caption.name);
  return hoverOf(info ? [`**${caption.name}** (${info.title})`, info.meaning, `Source: ${info.source}`] : [`**${caption.text}**: a caption.`], caption.range);
};

// --- Classified By: reason letters ---

const reasonHover: Explainer = ({ model }, position) => {
  const letter = model.classifiedBy?.letters.find((candidate) => contains(candidate.range, position));
  if (!letter) return undefined;
  const reason = reasonForLetter(letter.letter);
  const section = model.classifiedBy?.section?.text ?? '1.4';
  return hoverOf(
    reason
      ? [`**${section} (${reason.letter})**: ${reason.category}`, `Source: ${REASON_SOURCE}.`]
      : [`**(${letter.letter})**: not a classification category (E.O. 13526 sec. 1.4 has (a) to (h)).`],
    letter.range,
  );
};

// --- precedence line and DTG ---

const precedenceLineHover: Explainer = ({ model }, position) => {
  const line = model.precedence;
  if (!line || !contains(line.range, position)) return undefined;
  const letter = line.precedences.find((span) => contains(span.range, position));
  const names = line.precedences.map((span, index) => {
    const info = precedenceByLetter.get(span.text.toUpperCase() as PrecedenceLetter);
    return `${index === 0 ? 'action' : 'info'} precedence **${span.text}** ${info ? info.word : '(not a precedence letter)'}`;
  });
  if (letter) {
    const info = precedenceByLetter.get(letter.text.toUpperCase() as PrecedenceLetter);
    return hoverOf([`**${letter.text}**: ${info ? `${info.word}. ${info.meaning}` : 'not a precedence letter (Z, O, P or R).'}`, names.join('; '), `Source: ${PRECEDENCE_SOURCE}.`], letter.range);
  }
  if (line.dtg && contains(line.dtg.range, position)) return hoverOf([...describeDtg(line.dtg), names.length ? capitalise(names.join('; ')) : undefined], line.dtg.range);
  return undefined;
};

function describeDtg(dtg: Dtg): string[] {
  if (!dtg.date) return [`**${dtg.text}**: date-time group \`DDHHMMZ MON YY\`, but not a real date and time${dtg.problem ? ` (${dtg.problem})` : ''}.`];
  const two = (value: number) => String(value).padStart(2, '0');
  return [
    `**${dtg.text}**: date-time group`,
    `${WEEKDAYS[dtg.date.getUTCDay()]}, ${dateText(dtg)}, ${two(dtg.hour)}:${two(dtg.minute)} UTC (Z: Zulu time). The reference point for the declassification date.`,
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const addresseePrecedenceHover: Explainer = ({ model }, position) => {
  for (const block of model.addresses) {
    for (const addressee of block.addressees) {
      const word = addressee.precedence;
      if (!word || !contains(word.range, position)) continue;
      const info = precedenceByWord.get(word.text.toUpperCase().replace(/\s+/g, ' '));
      return hoverOf([`**${word.text}**: ${info ? info.meaning : 'a precedence word.'}`, `Source: ${PRECEDENCE_SOURCE}.`], word.range);
    }
  }
  return undefined;
};

// --- E.O. line ---

const eoHover: Explainer = ({ model }, position) => {
  const eo = model.eo;
  if (!eo || !contains(eo.range, position)) return undefined;
  if (eo.instruction && contains(eo.instruction.range, position)) return hoverOf(describeInstruction(eo.instruction, model), eo.instruction.range);
  if (eo.downgrade && contains(eo.downgrade.range, position)) {
    return hoverOf([`**${eo.downgrade.text}**: downgrade instruction (DNG: CO = downgrade to CONFIDENTIAL on the date given).`], eo.downgrade.range);
  }
  const orderRange = eo.order && contains(eo.order.range, position) ? eo.order.range : contains(eo.keyword.range, position) ? eo.keyword.range : undefined;
  if (orderRange) return hoverOf(describeOrder(eo), orderRange);
  return undefined;
};

function describeOrder(eo: EoLine): Array<string | undefined> {
  if (!eo.order) return ['**E.O.**: the executive order under which the cable is classified, then its declassification instruction.'];
  const info = executiveOrderInfo.get(eo.order.value);
  if (!info) return [`**E.O. ${eo.order.text}**: not an executive order on classified national security information.`];
  return [
    `**E.O. ${info.number}**: ${info.title} (${info.year})`,
    info.supersededIn ? `Superseded in ${info.supersededIn}.` : 'The order in force.',
    info.note,
  ];
}

function describeInstruction(instruction: DeclassificationInstruction, model: CableModel): string[] {
  switch (instruction.kind) {
    case 'date': {
      const dtg = model.precedence?.dtg;
      const lines = [`**${instruction.text}**: declassify on ${instruction.valid ? dateText(instruction) : 'a date that does not exist'}.`];
      if (instruction.valid && dtg?.date) {
        const { phrase, overLimit } = distance(dtg, instruction);
        lines.push(`${phrase} the DTG (${dateText(dtg)})${overLimit ? ': more than 25 years, which needs an exemption (E.O. 13526 sec. 1.5)' : ''}.`);
      }
      return lines;
    }
    case 'exemption':
    case 'obsolete': {
      const info = exemptionForCode(instruction.code);
      if (!info) return [`**${instruction.text}**: not a known exemption.`];
      return [`**${info.code}**${info.obsolete ? ' (obsolete marking, valid only on old cables)' : ' exemption'}: ${info.meaning}`, `Source: ${info.source}.`];
    }
    case 'na':
      return [`**${instruction.text}**: not applicable: an unclassified cable has no declassification instruction.`];
    case 'event':
      return [`**${instruction.text}**: declassify on an event rather than a date.`];
    case 'declassified':
      return [`**${instruction.text}**: the cable has been declassified.`];
    default:
      return [`**${instruction.text}**: not a recognised declassification instruction (a date MM/DD/YYYY, an exemption such as 25X1, or N/A).`];
  }
}

/** "25 years and 3 weeks after" / "2 days before": from the DTG to a date. */
function distance(from: { year: number; month: number; day: number }, to: { year: number; month: number; day: number }): { phrase: string; overLimit: boolean } {
  const dayNumber = (date: { year: number; month: number; day: number }) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
  if (dayNumber(to) < dayNumber(from)) return { phrase: `${capitalise(plural(dayNumber(from) - dayNumber(to), 'day'))} before`, overLimit: false };
  let years = 0;
  while (dayNumber(addYears(from, years + 1)) <= dayNumber(to)) years++;
  const rest = dayNumber(to) - dayNumber(addYears(from, years));
  const parts = [years > 0 ? plural(years, 'year') : undefined, rest >= 7 ? plural(Math.floor(rest / 7), 'week') + (rest % 7 ? ` ${plural(rest % 7, 'day')}` : '') : rest > 0 ? plural(rest, 'day') : undefined].filter(Boolean);
  const text = parts.length > 0 ? parts.join(' and ') : 'the same day as';
  return { phrase: `${capitalise(text)}${parts.length > 0 ? ' after' : ''}`, overLimit: years > 25 || (years === 25 && rest > 0) };
}

function plural(value: number, unit: string): string {
  return `${value} ${unit}${value === 1 ? '' : 's'}`;
}

const explainers: readonly Explainer[] = [tagHover, markHover, captionHover, bannerHover, reasonHover, precedenceLineHover, addresseePrecedenceHover, eoHover];
