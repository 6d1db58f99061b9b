// What the portions require of the banner: the summary behind the status bar and Show Portion Marks,
// and the one edit set of Update Banner from Portions (banner level plus the caption lines it needs).
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { guideLevel } from './rules/guideLevel';
import { levelInfo } from './data/markings';
import { levelRank, type CableModel, type Level, type Portion, type PortionKind } from './model';
import type { RuleContext } from './rules/rule';

/** Controls that a portion carries up into the banner captions (32 CFR 2001.21), with the short forms a banner may use. */
const BANNER_CONTROLS: ReadonlyArray<{ name: string; forms: readonly string[] }> = [
  { name: 'NOFORN', forms: ['NOFORN', 'NF'] },
  { name: 'ORCON', forms: ['ORCON', 'OC'] },
  { name: 'PROPIN', forms: ['PROPIN', 'PR'] },
  { name: 'IMCON', forms: ['IMCON', 'IMC'] },
];

export interface PortionSummary {
  /** `U`, `SBU`, `C`, `S`, `TS`, or `unmarked` (no mark, or a mark that names no level). */
  level: Level | 'unmarked';
  /** The mark as written, `(S//NF)`; empty when the portion has none. */
  mark: string;
  kind: PortionKind;
  /** Where the portion starts (zero-based), for revealing it. */
  line: number;
  character: number;
  /** The start of the portion's first line, up to 80 characters. */
  preview: string;
}

export interface ClassificationSummary {
  /** `CONFIDENTIAL`, `SECRET//NOFORN`: what the portions require. */
  required: string;
  /** The required level (U when no portion is validly marked) and banner controls, for clients that style by level. */
  requiredLevel: Level;
  requiredControls: string[];
  /** The banner as written, normalised the same way; undefined without a banner. */
  banner?: string;
  bannerLevel?: Level;
  bannerMatches: boolean;
  /** The required or the banner level is above `cable.classification.systemHigh`. */
  aboveSystemHigh: boolean;
  systemHigh: Level;
  /** Every portion, in document order. */
  portions: PortionSummary[];
  /** Portions marked below (or without the controls of) a classification guide topic they hold (CBL032). */
  raisedByGuide: number;
}

function levelName(level: Level): string {
  return levelInfo.get(level)?.name ?? level;
}

function normalise(level: Level, controls: readonly string[]): string {
  return [levelName(level), ...controls].join('//');
}

/** The level and banner controls the validly marked portions require. */
function requirement(model: CableModel): { level: Level; controls: string[] } {
  let level: Level = 'U';
  const controls = new Set<string>();
  for (const mark of model.marks) {
    if (!mark.valid || !mark.level) continue;
    if (levelRank(mark.level) > levelRank(level)) level = mark.level;
    for (const control of mark.controls) if (BANNER_CONTROLS.some((entry) => entry.name === control)) controls.add(control);
  }
  return { level, controls: BANNER_CONTROLS.map((entry) => entry.name).filter((name) => controls.has(name)) };
}

/** Banner controls written as caption lines or in the banner line itself (`SECRET//NOFORN`). */
function bannerControls(model: CableModel): string[] {
  const words = new Set<string>(model.captions.map((caption) => caption.name.toUpperCase()));
  for (const word of (model.banner?.text ?? '').toUpperCase().split(/[\s/,]+/)) words.add(word);
  return BANNER_CONTROLS.filter((entry) => entry.forms.some((form) => words.has(form))).map((entry) => entry.name);
}

/** The banner's level: an UNCLAS banner with the SENSITIVE caption is SBU. */
function bannerLevel(model: CableModel): Level | undefined {
  const banner = model.banner;
  if (!banner) return undefined;
  if (banner.level === 'U' && model.captions.some((caption) => caption.name.toUpperCase() === 'SENSITIVE')) return 'SBU';
  return banner.level;
}

function portionSummary(model: CableModel, portion: Portion): PortionSummary {
  const { line, character } = portion.range.start;
  const mark = portion.mark;
  return {
    level: mark?.valid && mark.level ? mark.level : 'unmarked',
    mark: mark?.text ?? '',
    kind: portion.kind,
    line,
    character,
    preview: (model.lines[line] ?? '').slice(character).trim().slice(0, 80),
  };
}

export function classificationSummary(context: RuleContext): ClassificationSummary {
  const { model, config } = context;
  const required = requirement(model);
  const writtenLevel = bannerLevel(model);
  const banner = writtenLevel ? normalise(writtenLevel, bannerControls(model)) : undefined;
  const requiredText = normalise(required.level, required.controls);
  const highest = writtenLevel && levelRank(writtenLevel) > levelRank(required.level) ? writtenLevel : required.level;
  return {
    required: requiredText,
    requiredLevel: required.level,
    requiredControls: required.controls,
    banner,
    bannerLevel: writtenLevel,
    bannerMatches: banner === requiredText,
    aboveSystemHigh: levelRank(highest) > levelRank(config.systemHigh),
    systemHigh: config.systemHigh,
    portions: model.portions.map((portion) => portionSummary(model, portion)),
    raisedByGuide: config.guides.length > 0 ? guideLevel.check(context).length : 0,
  };
}

/** The banner words for a level in the banner's style: spaced letters (`S E C R E T`) or plain. */
function bannerWords(level: Level, spaced: boolean): string {
  if (level === 'U' || level === 'SBU') return 'UNCLAS';
  const info = levelInfo.get(level);
  return (spaced ? info?.spaced : undefined) ?? info?.name ?? level;
}

function lineEnd(model: CableModel, line: number): { line: number; character: number } {
  return { line, character: (model.lines[line] ?? '').length };
}

/** Deletes a whole caption line with its line break (the one after it; before it on the last line). */
function deleteLine(model: CableModel, line: number): TextEdit {
  const range: Range =
    line + 1 < model.lines.length ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } : { start: lineEnd(model, line - 1), end: lineEnd(model, line) };
  return { range, newText: '' };
}

/**
 * Sets the banner to what the portions require, as one minimal edit set: the level words (keeping
 * the spaced or plain style), SENSITIVE for SBU, the missing control captions (NOFORN ...) added
 * below the banner, and control or SENSITIVE captions no portion requires removed. Empty without a
 * banner or when the banner already agrees.
 */
export function updateBannerEdits(context: RuleContext): TextEdit[] {
  const { model } = context;
  const banner = model.banner;
  if (!banner) return [];
  const required = requirement(model);
  const edits: TextEdit[] = [];

  const currentLevel = bannerLevel(model)!;
  const wordsNow = banner.classification.text;
  const wordsWanted = bannerWords(required.level, banner.spaced);
  const sameWords = levelRank(currentLevel) === levelRank(required.level) || (banner.level === 'U' && (required.level === 'U' || required.level === 'SBU'));
  if (!sameWords && wordsNow !== wordsWanted) edits.push({ range: banner.classification.range, newText: wordsWanted });

  const wantedCaptions = [...(required.level === 'SBU' ? ['SENSITIVE'] : []), ...required.controls];
  const managed = new Set(['SENSITIVE', ...BANNER_CONTROLS.flatMap((entry) => entry.forms)]);
  const inBannerLine = new Set((banner.text ?? '').toUpperCase().split(/[\s/,]+/));
  const present = new Set<string>();
  const deletedLines = new Set<number>();
  for (const caption of model.captions) {
    const name = caption.name.toUpperCase();
    const canonical = BANNER_CONTROLS.find((entry) => entry.forms.includes(name))?.name ?? name;
    if (!managed.has(name)) continue;
    if (wantedCaptions.includes(canonical) && !present.has(canonical)) present.add(canonical);
    else {
      deletedLines.add(caption.range.start.line);
      edits.push(deleteLine(model, caption.range.start.line));
    }
  }
  const missing = wantedCaptions.filter(
    (name) => !present.has(name) && !(BANNER_CONTROLS.find((entry) => entry.name === name)?.forms ?? [name]).some((form) => inBannerLine.has(form)),
  );
  if (missing.length > 0) {
    // Below the last caption that stays (SIPDIS first, as cables write it), else below the banner.
    const kept = model.captions.filter((caption) => !deletedLines.has(caption.range.start.line));
    const anchor = kept.length > 0 ? kept[kept.length - 1].range.end.line : banner.range.end.line;
    const position = lineEnd(model, anchor);
    edits.push({ range: { start: position, end: position }, newText: missing.map((name) => `${model.eol}${name}`).join('') });
  }
  return edits;
}
