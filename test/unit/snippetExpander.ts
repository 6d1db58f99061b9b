// VS Code's snippet syntax, parsed, for the snippet tests: they expand every snippet body to the text it
// gives by default (choices, placeholders, variables and their transforms) and check it is a clean cable.
// The extension itself inserts snippets through VS Code (client/src/cableTemplate.ts writes only the DTG).

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: Node[]; choices?: string[]; transform?: Transform }
  | { kind: 'variable'; name: string; children: Node[]; transform?: Transform };

interface Transform {
  regex: string;
  format: string;
  options: string;
}

class Reader {
  index = 0;
  constructor(readonly text: string) {}
  peek(offset = 0): string {
    return this.text[this.index + offset] ?? '';
  }
  eat(expected: string): boolean {
    if (!this.text.startsWith(expected, this.index)) return false;
    this.index += expected.length;
    return true;
  }
  /** Raw text up to an unescaped `stop`, consuming the stop; escapes kept as written. */
  rawUntil(stop: string): string {
    let result = '';
    while (this.index < this.text.length && this.peek() !== stop) {
      if (this.peek() === '\\' && this.index + 1 < this.text.length) result += this.text[this.index++];
      result += this.text[this.index++];
    }
    this.eat(stop);
    return result;
  }
  /** A transform's format up to its closing `/`: a `/` inside `${1:/upcase}` does not end it. */
  rawFormat(): string {
    let result = '';
    let depth = 0;
    while (this.index < this.text.length && (depth > 0 || this.peek() !== '/')) {
      const char = this.peek();
      if (char === '\\' && this.index + 1 < this.text.length) result += this.text[this.index++];
      else if (char === '$' && this.peek(1) === '{') {
        depth += 1;
        result += this.text[this.index++];
      } else if (char === '}' && depth > 0) depth -= 1;
      result += this.text[this.index++];
    }
    this.eat('/');
    return result;
  }
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const DIGITS = /^[0-9]+/;

/** Parses nodes until `}` (inside a placeholder) or the end. */
function parseNodes(reader: Reader, nested: boolean): Node[] {
  const nodes: Node[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ kind: 'text', value: text });
    text = '';
  };
  while (reader.index < reader.text.length) {
    const char = reader.peek();
    if (char === '\\' && '$}\\'.includes(reader.peek(1))) {
      text += reader.peek(1);
      reader.index += 2;
    } else if (nested && char === '}') {
      break;
    } else if (char === '$') {
      const node = parseDollar(reader);
      if (node) {
        flush();
        nodes.push(node);
      } else {
        text += '$';
        reader.index += 1;
      }
    } else {
      text += char;
      reader.index += 1;
    }
  }
  flush();
  return nodes;
}

function parseDollar(reader: Reader): Node | undefined {
  const start = reader.index;
  const rest = reader.text.slice(start + 1);
  const simpleIndex = DIGITS.exec(rest);
  if (simpleIndex) {
    reader.index += 1 + simpleIndex[0].length;
    return { kind: 'tabstop', index: Number(simpleIndex[0]), children: [] };
  }
  const simpleName = NAME.exec(rest);
  if (simpleName) {
    reader.index += 1 + simpleName[0].length;
    return { kind: 'variable', name: simpleName[0], children: [] };
  }
  if (!rest.startsWith('{')) return undefined;
  reader.index += 2;
  const tail = reader.text.slice(reader.index);
  const id = DIGITS.exec(tail) ?? NAME.exec(tail);
  if (!id) {
    reader.index = start;
    return undefined;
  }
  reader.index += id[0].length;
  const isIndex = /^[0-9]/.test(id[0]);
  const make = (children: Node[], extra: Partial<{ choices: string[]; transform: Transform }> = {}): Node =>
    isIndex ? { kind: 'tabstop', index: Number(id[0]), children, ...extra } : { kind: 'variable', name: id[0], children, ...extra };
  if (reader.eat('}')) return make([]);
  if (reader.eat(':')) {
    const children = parseNodes(reader, true);
    reader.eat('}');
    return make(children);
  }
  if (isIndex && reader.eat('|')) {
    const choices: string[] = [];
    let current = '';
    while (reader.index < reader.text.length && !reader.text.startsWith('|}', reader.index)) {
      const char = reader.peek();
      if (char === '\\' && ',|\\'.includes(reader.peek(1))) {
        current += reader.peek(1);
        reader.index += 2;
      } else if (char === ',') {
        choices.push(current);
        current = '';
        reader.index += 1;
      } else {
        current += char;
        reader.index += 1;
      }
    }
    choices.push(current);
    reader.eat('|}');
    return make([], { choices });
  }
  if (reader.eat('/')) {
    const regex = reader.rawUntil('/');
    const format = reader.rawFormat();
    const options = reader.rawUntil('}');
    return make([], { transform: { regex, format, options } });
  }
  reader.index = start;
  return undefined;
}

export function parseSnippet(body: string): Node[] {
  return parseNodes(new Reader(body), false);
}

/** Applies a format string (`$1`, `${1:/upcase}`, `${1:+yes}`, `${1:?yes:no}`, `${1:-no}`) to one match. */
function applyFormat(format: string, groups: ReadonlyArray<string | undefined>): string {
  let result = '';
  for (let index = 0; index < format.length; index++) {
    const char = format[index];
    if (char === '\\' && index + 1 < format.length) {
      result += format[++index];
      continue;
    }
    if (char !== '$') {
      result += char;
      continue;
    }
    const simple = DIGITS.exec(format.slice(index + 1));
    if (simple) {
      result += groups[Number(simple[0])] ?? '';
      index += simple[0].length;
      continue;
    }
    const braced = /^\{([0-9]+)(?::(\/upcase|\/downcase|\/capitalize|\+((?:\\.|[^}])*)|\?((?:\\.|[^:}])*):((?:\\.|[^}])*)|-?((?:\\.|[^}])*)))?\}/.exec(format.slice(index + 1));
    if (!braced) {
      result += char;
      continue;
    }
    index += braced[0].length;
    const value = groups[Number(braced[1])] ?? '';
    const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
    const [, , modifier, ifText, ternaryIf, ternaryElse, elseText] = braced;
    if (modifier === '/upcase') result += value.toUpperCase();
    else if (modifier === '/downcase') result += value.toLowerCase();
    else if (modifier === '/capitalize') result += value.charAt(0).toUpperCase() + value.slice(1);
    else if (ifText !== undefined) result += value ? unescape(ifText) : '';
    else if (ternaryIf !== undefined) result += value ? unescape(ternaryIf) : unescape(ternaryElse ?? '');
    else if (elseText !== undefined) result += value || unescape(elseText);
    else result += value;
  }
  return result;
}

export function applyTransform(value: string, transform: Transform): string {
  const regex = new RegExp(transform.regex, transform.options.replace(/[^gimsuy]/g, ''));
  if (regex.global) return value.replace(regex, (...match) => applyFormat(transform.format, match.slice(0, -2) as string[]));
  const match = regex.exec(value);
  if (!match) return value;
  return value.slice(0, match.index) + applyFormat(transform.format, match) + value.slice(match.index + match[0].length);
}

/** The date and time variables VS Code offers, computed in UTC (VS Code computes them in local time). */
export function utcDateVariables(now: Date): Record<string, string> {
  const pad = (value: number) => String(value).padStart(2, '0');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  return {
    CURRENT_YEAR: String(now.getUTCFullYear()),
    CURRENT_YEAR_SHORT: String(now.getUTCFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getUTCMonth() + 1),
    CURRENT_MONTH_NAME: months[now.getUTCMonth()],
    CURRENT_MONTH_NAME_SHORT: months[now.getUTCMonth()].slice(0, 3),
    CURRENT_DATE: pad(now.getUTCDate()),
    CURRENT_DAY_NAME: days[now.getUTCDay()],
    CURRENT_DAY_NAME_SHORT: days[now.getUTCDay()].slice(0, 3),
    CURRENT_HOUR: pad(now.getUTCHours()),
    CURRENT_MINUTE: pad(now.getUTCMinutes()),
    CURRENT_SECOND: pad(now.getUTCSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(now.getTime() / 1000)),
  };
}

function escapeText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function printTransform(transform: Transform): string {
  return `/${transform.regex}/${transform.format}/${transform.options}`;
}

/** Re-prints a snippet with the given variables replaced by their (transformed) values; tab stops stay as written. */
export function fillVariables(body: string, values: Readonly<Record<string, string>>): string {
  const print = (nodes: Node[]): string =>
    nodes
      .map((node): string => {
        if (node.kind === 'text') return escapeText(node.value);
        if (node.kind === 'variable') {
          const value = values[node.name];
          if (value === undefined) return `\${${node.name}${node.transform ? printTransform(node.transform) : node.children.length ? `:${print(node.children)}` : ''}}`;
          return escapeText(node.transform ? applyTransform(value, node.transform) : value);
        }
        if (node.choices) return `\${${node.index}|${node.choices.map((choice) => choice.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
        if (node.transform) return `\${${node.index}${printTransform(node.transform)}}`;
        return node.children.length ? `\${${node.index}:${print(node.children)}}` : `\${${node.index}}`;
      })
      .join('');
  return print(parseSnippet(body));
}

export interface ExpandedSnippet {
  text: string;
  /** Where each tab stop's text (and its mirrors) landed, as offsets into `text`; `$0` included. */
  placeholders: Array<{ index: number; start: number; end: number }>;
}

/**
 * Expands a snippet as accepting every default would: placeholders to their default text, choices to
 * their first option, mirrors and transforms from those, variables from `values` (an unknown
 * variable throws: a typo in a snippet should fail its test).
 */
export function expandSnippet(body: string, values: Readonly<Record<string, string>>): ExpandedSnippet {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, string>();
  const textOf = (list: Node[]): string =>
    list
      .map((node): string => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'variable') {
          const value = values[node.name];
          if (value === undefined) throw new Error(`unknown snippet variable ${node.name}`);
          return node.transform ? applyTransform(value, node.transform) : value;
        }
        return '';
      })
      .join('');
  const collect = (list: Node[]) => {
    for (const node of list) {
      if (node.kind !== 'tabstop' || node.transform) {
        if (node.kind !== 'text') collect(node.children);
        continue;
      }
      if (!defaults.has(node.index) && (node.choices || node.children.length > 0)) {
        defaults.set(node.index, node.choices ? node.choices[0] : render(node.children, []).text);
      }
      collect(node.children);
    }
  };
  const render = (list: Node[], placeholders: ExpandedSnippet['placeholders'], offset = 0): ExpandedSnippet => {
    let text = '';
    for (const node of list) {
      if (node.kind === 'text') text += node.value;
      else if (node.kind === 'variable') text += textOf([node]);
      else {
        const start = offset + text.length;
        const value = defaults.get(node.index) ?? '';
        text += node.transform ? applyTransform(value, node.transform) : node.children.length > 0 && !defaults.has(node.index) ? render(node.children, placeholders, start).text : value;
        placeholders.push({ index: node.index, start, end: offset + text.length });
      }
    }
    return { text, placeholders };
  };
  collect(nodes);
  return render(nodes, []);
}
