// The New Cable template: the `cable` snippet with its date-time group written in UTC (VS Code's date
// variables are local time), the configured executive order and a declassification date. The rest stays
// a snippet for VS Code to expand. No `vscode` import: the snippet tests check the same text the command inserts.

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

/** The date-time group of `now` in UTC, as the precedence line writes it: `051407Z MAR 24`. */
export function dateTimeGroup(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const month = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][now.getUTCMonth()];
  return `${pad(now.getUTCDate())}${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}Z ${month} ${String(now.getUTCFullYear()).slice(-2)}`;
}

/** The snippet's date-time group: VS Code's date variables, which it would fill in local time. */
const SNIPPET_DTG = '${CURRENT_DATE}${CURRENT_HOUR}${CURRENT_MINUTE}Z ${CURRENT_MONTH_NAME_SHORT/(.*)/${1:/upcase}/} ${CURRENT_YEAR_SHORT}';

/** The `cable` snippet body made ready for New Cable: still a snippet, its tab stops intact. */
export function newCableBody(snippetBody: string, options: NewCableOptions): string {
  if (!snippetBody.includes(SNIPPET_DTG)) throw new Error('the cable snippet no longer writes its date-time group as New Cable expects');
  const filled = snippetBody.replace(SNIPPET_DTG, dateTimeGroup(options.now));
  const order = /^\d{4,5}$/.test(options.executiveOrder) ? options.executiveOrder : '13526';
  return filled.replace(/^E\.O\. \d+:/m, `E.O. ${order}:`).replace('MM/DD/YYYY', declassificationDate(options.now, options.declassificationYears));
}
