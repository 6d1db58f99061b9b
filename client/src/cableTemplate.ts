// The New Cable template: the `cable` snippet with its date variables filled in UTC (VS Code's
// snippet variables are local time), the configured executive order and a declassification date.
// No `vscode` import: the snippet tests check the same text the command inserts.
import { fillVariables, utcDateVariables } from './snippetSyntax';

export interface NewCableOptions {
  now: Date;
  /** `cable.executiveOrder`: the order the E.O. line names. */
  executiveOrder: string;
  /** Years from today to the declassification date. */
  declassificationYears: number;
}

/** The date `years` after `now` (UTC), `MM/DD/YYYY`; 29 February becomes 28 February in a common year. */
export function declassificationDate(now: Date, years: number): string {
  const year = now.getUTCFullYear() + years;
  const lastDay = new Date(Date.UTC(year, now.getUTCMonth() + 1, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(now.getUTCMonth() + 1)}/${pad(Math.min(now.getUTCDate(), lastDay))}/${year}`;
}

/** The `cable` snippet body made ready for New Cable: still a snippet, its tab stops intact. */
export function newCableBody(snippetBody: string, options: NewCableOptions): string {
  const filled = fillVariables(snippetBody, utcDateVariables(options.now));
  const order = /^\d{4,5}$/.test(options.executiveOrder) ? options.executiveOrder : '13526';
  return filled.replace(/^E\.O\. \d+:/m, `E.O. ${order}:`).replace('MM/DD/YYYY', declassificationDate(options.now, options.declassificationYears));
}
