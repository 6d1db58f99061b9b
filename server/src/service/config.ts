// The one configuration the editor and the command-line linter share: rule severities and checks' limits.
import type { Guide } from './guides';
import type { Level } from './model';

export type RuleSeverity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface CableConfig {
  /** Per rule id (`CBL001`) or alias (`missing-portion-mark`): a new severity or `off`. */
  rules: Record<string, RuleSeverity>;
  /** The highest level this system may hold; marks above it are errors (CBL031). */
  systemHigh: Level;
  /** A declassification date more than this many years after the DTG is flagged (CBL012). */
  maxDeclassificationYears: number;
  /** The executive order new cables and fixes write. */
  executiveOrder: string;
  /** The years after the DTG that a DECL fix inserts by default. */
  defaultDeclassificationYears: number;
  /**
   * Whether a `-`/`--` bullet or a sub-paragraph inside a marked paragraph takes that paragraph's mark
   * (`inherit`, as real cables do: cable-format.md section 10) or must carry its own (`require`).
   */
  bulletMarks: BulletMarks;
  /** A file of extra TAGS codes (`CODE<TAB>kind<TAB>meaning, kind one of subject, geographic, organization, program`); relative paths already joined to the folder they were given for. Empty: none. */
  tagsExtraFile: string;
  /** When the editor checks a cable: as it is typed or when it is saved (the CLI always checks). */
  validateRun: ValidateRun;
  /** Classification guides listed in .cablerc.json (`guides`), paths joined to its folder. */
  guideFiles: readonly string[];
  /** The guides that apply: the nearest .cableguide.json and those listed, as read (see guides.ts). */
  guides: readonly Guide[];
}

export type ValidateRun = 'onType' | 'onSave';
export const VALIDATE_RUNS: readonly ValidateRun[] = ['onType', 'onSave'];

export type BulletMarks = 'inherit' | 'require';
export const BULLET_MARKS: readonly BulletMarks[] = ['inherit', 'require'];

export const defaultConfig: CableConfig = {
  rules: {},
  systemHigh: 'S',
  maxDeclassificationYears: 25,
  executiveOrder: '13526',
  defaultDeclassificationYears: 10,
  bulletMarks: 'inherit',
  tagsExtraFile: '',
  validateRun: 'onType',
  guideFiles: [],
  guides: [],
};
