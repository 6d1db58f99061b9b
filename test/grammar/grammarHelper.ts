// Loads syntaxes/cable.tmLanguage.json with vscode-textmate + vscode-oniguruma for the grammar tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

/**
 * The checkout holding the grammar and node_modules. Found on its own rather than via helpers.repoRoot,
 * because tsc may emit out/package.json, which would make a package.json search stop inside out/.
 */
export const projectRoot = findProjectRoot(__dirname);
export const grammarPath = path.join(projectRoot, 'syntaxes', 'cable.tmLanguage.json');

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'syntaxes')) || !fs.existsSync(path.join(dir, 'node_modules'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no syntaxes/ with node_modules/ above ${start}`);
    dir = parent;
  }
  return dir;
}
export const rootScope = 'text.cable';

export interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

/** The Cable grammar, loaded once per test process. */
export function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

async function createGrammar(): Promise<textmate.IGrammar> {
  const wasmPath = path.join(projectRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
  const wasm = fs.readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== rootScope) return null;
      return textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar(rootScope);
  if (!grammar) throw new Error(`could not load ${grammarPath}`);
  return grammar;
}

/** Tokenises every line of a text, carrying the rule stack from line to line as VS Code does. */
export async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let ruleStack = textmate.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, ruleStack);
    // Neighbours with the same scopes are one token, as in VS Code's binary tokens: the grammar consumes
    // ordinary text in runs of words, which splits plain text without changing any scope.
    const tokens: Token[] = [];
    for (const token of result.tokens) {
      const text = line.slice(token.startIndex, token.endIndex);
      const previous = tokens[tokens.length - 1];
      if (previous && previous.scopes.join(' ') === token.scopes.join(' ')) previous.text += text;
      else tokens.push({ text, scopes: token.scopes });
    }
    lines.push(tokens);
    ruleStack = result.ruleStack;
  }
  return lines;
}

/** The scopes of the token where the first occurrence of `needle` starts (from line `fromLine` on). */
export async function scopesAt(text: string, needle: string, fromLine = 0): Promise<string[]> {
  const lines = await tokenize(text);
  for (let lineIndex = fromLine; lineIndex < lines.length; lineIndex++) {
    const found = lines[lineIndex].map((token) => token.text).join('').indexOf(needle);
    if (found < 0) continue;
    let column = 0;
    for (const token of lines[lineIndex]) {
      column += token.text.length;
      if (found < column) return token.scopes;
    }
  }
  throw new Error(`"${needle}" not found in:\n${text}`);
}

/** The scopes of `needle`, insisting that it is exactly one token (no partial highlight). */
export async function tokenScopes(text: string, needle: string, fromLine = 0): Promise<string[]> {
  const lines = await tokenize(text);
  for (let lineIndex = fromLine; lineIndex < lines.length; lineIndex++) {
    const token = lines[lineIndex].find((candidate) => candidate.text.trim() === needle);
    if (token) return token.scopes;
  }
  throw new Error(`no token "${needle}" in:\n${JSON.stringify(lines, null, 1)}`);
}

/** True when some scope in the list starts with `prefix` (e.g. `keyword.other.precedence`). */
export function hasScope(scopes: readonly string[], prefix: string): boolean {
  return scopes.some((scope) => scope.startsWith(prefix));
}

/** Prints the tokens of a text, one line per token: for debugging a failing test. */
export async function dumpTokens(text: string): Promise<string> {
  const lines = await tokenize(text);
  return lines
    .map((tokens, index) => tokens.map((t) => `${index}: ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n'))
    .join('\n');
}

/**
 * Asserts that `needle` is one whole token of `text` (found from line `fromLine` on) and carries
 * every scope in `expected`; returns its scopes for further checks.
 */
export async function expectToken(text: string, needle: string, expected: readonly string[], fromLine = 0): Promise<string[]> {
  const scopes = await tokenScopes(text, needle, fromLine);
  const missing = expected.filter((scope) => !scopes.includes(scope));
  if (missing.length > 0) {
    throw new Error(`"${needle}" lacks ${missing.join(', ')}; has ${scopes.join(' ')}\n${await dumpTokens(text)}`);
  }
  return scopes;
}

/** Asserts that `needle` is plain text: every character of it carries only the root scope. */
export async function expectPlain(text: string, needle: string): Promise<void> {
  const lines = await tokenize(text);
  for (const tokens of lines) {
    const lineText = tokens.map((token) => token.text).join('');
    const found = lineText.indexOf(needle);
    if (found < 0) continue;
    let column = 0;
    for (const token of tokens) {
      const start = column;
      column += token.text.length;
      const overlaps = start < found + needle.length && column > found;
      if (overlaps && (token.scopes.length !== 1 || token.scopes[0] !== rootScope)) {
        throw new Error(`"${needle}" is not plain: "${token.text}" has ${token.scopes.join(' ')}`);
      }
    }
    return;
  }
  throw new Error(`"${needle}" not found in:\n${text}`);
}
