// What the portions require of the banner: the status bar's summary and the Update Banner edit. (Placeholder.)
import type { TextEdit } from 'vscode-languageserver-types';
import type { RuleContext } from './rules/rule';

export interface ClassificationSummary {
  /** `CONFIDENTIAL`, `SECRET//NOFORN`: what the portions require. */
  required: string;
  /** The banner as written, normalised the same way; undefined without a banner. */
  banner?: string;
  bannerMatches: boolean;
  aboveSystemHigh: boolean;
  portions: Array<{ level: string; mark: string; line: number; character: number; preview: string }>;
}

export function classificationSummary(_context: RuleContext): ClassificationSummary {
  return { required: 'UNCLASSIFIED', bannerMatches: true, aboveSystemHigh: false, portions: [] };
}

export function updateBannerEdits(_context: RuleContext): TextEdit[] {
  return [];
}
