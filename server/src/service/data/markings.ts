// Classification levels, dissemination controls, portion-mark combinations and banner captions:
// the names and meanings hovers and completion show. Sources: 32 CFR 2001 (ISOO implementing
// directive for E.O. 13526), the ODNI/CAPCO register of classification and control markings,
// 5 FAH-2 H-440 (State telegram captions) and /work/shared/cable-format.md sections 4 and 10.
import type { Level } from '../model';

export interface LevelInfo {
  level: Level;
  /** Name as written in the banner. */
  name: string;
  /** Spaced banner form (`S E C R E T`) where cables use one. */
  spaced?: string;
  meaning: string;
  source: string;
}

/** Lowest first, as in model.ts LEVELS. */
export const levels: readonly LevelInfo[] = [
  { level: 'U', name: 'UNCLASSIFIED', meaning: 'Not classified.', source: '32 CFR 2001.21' },
  {
    level: 'SBU',
    name: 'SENSITIVE BUT UNCLASSIFIED',
    meaning: 'Unclassified information that warrants protection from public release (State: UNCLAS with the SENSITIVE caption).',
    source: '12 FAM 540; cable-format.md section 4',
  },
  {
    level: 'C',
    name: 'CONFIDENTIAL',
    spaced: 'C O N F I D E N T I A L',
    meaning: 'Unauthorized disclosure could reasonably be expected to cause damage to the national security.',
    source: 'E.O. 13526 sec. 1.2(a)(3)',
  },
  {
    level: 'S',
    name: 'SECRET',
    spaced: 'S E C R E T',
    meaning: 'Unauthorized disclosure could reasonably be expected to cause serious damage to the national security.',
    source: 'E.O. 13526 sec. 1.2(a)(2)',
  },
  {
    level: 'TS',
    name: 'TOP SECRET',
    spaced: 'T O P S E C R E T',
    meaning: 'Unauthorized disclosure could reasonably be expected to cause exceptionally grave damage to the national security. Not carried by State messaging: a (TS) portion in a cable is an error.',
    source: 'E.O. 13526 sec. 1.2(a)(1); cable-format.md section 4',
  },
];

export const levelInfo: ReadonlyMap<Level, LevelInfo> = new Map(levels.map((info) => [info.level, info]));

export interface ControlInfo {
  /** Canonical name as model.ts PortionMark.controls holds it (`NOFORN`, `REL TO`, `FGI` ...). */
  name: string;
  /** Short forms written in portion marks (`NF`). */
  abbreviations: readonly string[];
  title: string;
  meaning: string;
  source: string;
}

export const disseminationControls: readonly ControlInfo[] = [
  {
    name: 'NOFORN',
    abbreviations: ['NF'],
    title: 'Not Releasable to Foreign Nationals',
    meaning: 'May not be released in any form to foreign governments, foreign nationals or non-U.S. citizens. A portion marked NOFORN puts NOFORN in the banner captions.',
    source: 'ODNI CAPCO register; 32 CFR 2001.21; cable-format.md section 10',
  },
  {
    name: 'REL TO',
    abbreviations: ['REL'],
    title: 'Authorized for Release To',
    meaning: 'Releasable to the countries or international organizations named (`REL TO USA, GBR`, in cables also `REL NATO`, `REL UK`).',
    source: 'ODNI CAPCO register',
  },
  {
    name: 'FGI',
    abbreviations: [],
    title: 'Foreign Government Information',
    meaning: 'Information provided by a foreign government or international organization in confidence, or produced under a joint arrangement requiring confidentiality.',
    source: 'E.O. 13526 sec. 6.1(s); 32 CFR 2001.54',
  },
  {
    name: 'FOUO',
    abbreviations: [],
    title: 'For Official Use Only',
    meaning: 'Unclassified information exempt from public release, marked under agency rules (`(U//FOUO)`).',
    source: 'agency control marking (DoD Manual 5200.01 vol. 4; ODNI CAPCO register)',
  },
  {
    name: 'ORCON',
    abbreviations: ['OC'],
    title: 'Originator Controlled',
    meaning: 'Dissemination and extraction of the information need the originator\u2019s approval.',
    source: 'ODNI CAPCO register (ICD 710)',
  },
  {
    name: 'PROPIN',
    abbreviations: ['PR'],
    title: 'Caution-Proprietary Information Involved',
    meaning: 'Contains proprietary information of a private company that may not be disseminated without the source\u2019s permission.',
    source: 'ODNI CAPCO register (ICD 710)',
  },
  {
    name: 'IMCON',
    abbreviations: ['IMC'],
    title: 'Controlled Imagery',
    meaning: 'Imagery products whose release is controlled.',
    source: 'ODNI CAPCO register',
  },
];

const controlsByName = new Map<string, ControlInfo>();
for (const control of disseminationControls) {
  controlsByName.set(control.name, control);
  for (const abbreviation of control.abbreviations) controlsByName.set(abbreviation, control);
}

/** The control a written name stands for: `NF` and `NOFORN` -> NOFORN, `REL NATO` -> REL TO. */
export function controlInfo(written: string): ControlInfo | undefined {
  const name = written.trim().toUpperCase().replace(/\s+/g, ' ');
  if (/^REL( TO)?\b/.test(name)) return controlsByName.get('REL TO');
  return controlsByName.get(name);
}

export interface MarkCombination {
  /** As typed, parentheses included. */
  mark: string;
  level: Level;
  controls: readonly string[];
  /** Occurrences in 1,283 released cables where known (cable-format.md section 10), for ranking. */
  seen?: number;
}

/** Common portion marks, most used first: what portion-mark completion offers. */
export const markCombinations: readonly MarkCombination[] = [
  { mark: '(C)', level: 'C', controls: [], seen: 6766 },
  { mark: '(S)', level: 'S', controls: [], seen: 1708 },
  { mark: '(SBU)', level: 'SBU', controls: [], seen: 1394 },
  { mark: '(S/NF)', level: 'S', controls: ['NOFORN'], seen: 1256 },
  { mark: '(U)', level: 'U', controls: [], seen: 1046 },
  { mark: '(C/NF)', level: 'C', controls: ['NOFORN'] },
  { mark: '(S//NF)', level: 'S', controls: ['NOFORN'] },
  { mark: '(SBU/NF)', level: 'SBU', controls: ['NOFORN'] },
  { mark: '(C/REL NATO)', level: 'C', controls: ['REL TO'] },
  { mark: '(S/REL NATO)', level: 'S', controls: ['REL TO'] },
  { mark: '(S//FGI//NF)', level: 'S', controls: ['FGI', 'NOFORN'] },
  { mark: '(U//FOUO)', level: 'U', controls: ['FOUO'] },
];

export interface CaptionInfo {
  name: string;
  title: string;
  meaning: string;
  source: string;
}

/** Handling captions written on their own lines after the banner. */
export const captions: readonly CaptionInfo[] = [
  {
    name: 'SIPDIS',
    title: 'SIPRNet Distribution',
    meaning: 'The cable may be distributed to other agencies through SIPRNet (the Secret Internet Protocol Router Network).',
    source: '5 FAH-2 H-440; cable-format.md section 4',
  },
  {
    name: 'NOFORN',
    title: 'Not Releasable to Foreign Nationals',
    meaning: 'Banner caption required when any portion is NOFORN (/NF).',
    source: '32 CFR 2001.21; cable-format.md section 10',
  },
  {
    name: 'SENSITIVE',
    title: 'Sensitive But Unclassified',
    meaning: 'With UNCLAS: the cable is Sensitive But Unclassified (SBU).',
    source: '12 FAM 540; cable-format.md section 4',
  },
  {
    name: 'NODIS',
    title: 'No Distribution',
    meaning: 'The most restricted caption: distribution only with the approval of the Executive Secretariat, for messages of the highest sensitivity between the President, the Secretary and chiefs of mission.',
    source: '5 FAH-2 H-440',
  },
  {
    name: 'EXDIS',
    title: 'Exclusive Distribution',
    meaning: 'Distribution limited to officers with an essential need to know.',
    source: '5 FAH-2 H-440',
  },
  {
    name: 'LIMDIS',
    title: 'Limited Distribution',
    meaning: 'Distribution limited to the offices with primary interest.',
    source: '5 FAH-2 H-440',
  },
  {
    name: 'STADIS',
    title: 'State Distribution Only',
    meaning: 'No distribution outside the Department of State; may pair with EXDIS or NODIS, most restrictive first.',
    source: '5 FAH-2 H-440; cable-format.md section 4',
  },
  {
    name: 'EFTO',
    title: 'Encrypted For Transmission Only',
    meaning: 'Unclassified information sent encrypted; `UNCLAS EFTO` is unclassified.',
    source: '5 FAH-2 H-440; cable-format.md section 4',
  },
];

export const captionInfo: ReadonlyMap<string, CaptionInfo> = new Map(captions.map((caption) => [caption.name, caption]));
