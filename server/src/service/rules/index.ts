// The list of every diagnostic rule. The server, the CLI, the docs and the README table all read it.
// To add a rule: one import and one entry below, in id order.
import type { Rule } from './rule';
import { missingPortionMark } from './missingPortionMark';
import { portionAboveBanner } from './portionAboveBanner';
import { bannerAbovePortions } from './bannerAbovePortions';
import { controlMissingFromBanner } from './controlMissingFromBanner';
import { invalidPortionMark } from './invalidPortionMark';
import { unmarkedSubject } from './unmarkedSubject';
import { missingClassifiedBy } from './missingClassifiedBy';
import { classifiedByOnUnclassified } from './classifiedByOnUnclassified';
import { invalidReason } from './invalidReason';
import { missingDeclassification } from './missingDeclassification';
import { invalidDeclassification } from './invalidDeclassification';
import { declassificationOutOfRange } from './declassificationOutOfRange';
import { eoLine } from './eoLine';
import { topSecret } from './topSecret';
import { paragraphNumbering } from './paragraphNumbering';
import { singleParagraphNumbered } from './singleParagraphNumbered';
import { undefinedRef } from './undefinedRef';
import { unusedRef } from './unusedRef';
import { refLettering } from './refLettering';
import { danglingParagraphXref } from './danglingParagraphXref';
import { unbalancedBlock } from './unbalancedBlock';
import { missingHeaderField } from './missingHeaderField';
import { invalidDtg } from './invalidDtg';
import { headerBannerMismatch } from './headerBannerMismatch';
import { webCopyArtifact } from './webCopyArtifact';
import { sbuCaption } from './sbuCaption';
import { refClassifiedHigher } from './refClassifiedHigher';
import { aboveSystemHigh } from './aboveSystemHigh';
import { missingSubjectTag } from './missingSubjectTag';
import { unknownTag } from './unknownTag';
import { duplicateTag } from './duplicateTag';
import { classifiedByForm } from './classifiedByForm';
import { emptyCable } from './emptyCable';
import { guideLevel } from './guideLevel';
import { guideReasons } from './guideReasons';
import { guideDuration } from './guideDuration';

export const allRules: Rule[] = [
  missingPortionMark,
  portionAboveBanner,
  bannerAbovePortions,
  controlMissingFromBanner,
  invalidPortionMark,
  unmarkedSubject,
  missingClassifiedBy,
  classifiedByOnUnclassified,
  invalidReason,
  missingDeclassification,
  invalidDeclassification,
  declassificationOutOfRange,
  eoLine,
  topSecret,
  paragraphNumbering,
  singleParagraphNumbered,
  undefinedRef,
  unusedRef,
  refLettering,
  danglingParagraphXref,
  unbalancedBlock,
  missingHeaderField,
  invalidDtg,
  missingSubjectTag,
  headerBannerMismatch,
  webCopyArtifact,
  sbuCaption,
  unknownTag,
  duplicateTag,
  refClassifiedHigher,
  aboveSystemHigh,
  guideLevel,
  guideReasons,
  guideDuration,
  classifiedByForm,
  emptyCable,
];

const rulesByKey = new Map<string, Rule>();
function indexRules(): void {
  rulesByKey.clear();
  for (const rule of allRules) {
    rulesByKey.set(rule.id.toUpperCase(), rule);
    rulesByKey.set(rule.alias.toLowerCase(), rule);
  }
}

/** The rule an id (`CBL001`, any case) or alias (`missing-portion-mark`) names. */
export function ruleById(idOrAlias: string): Rule | undefined {
  if (rulesByKey.size !== allRules.length * 2) indexRules();
  const key = idOrAlias.trim();
  return rulesByKey.get(key.toUpperCase()) ?? rulesByKey.get(key.toLowerCase());
}
