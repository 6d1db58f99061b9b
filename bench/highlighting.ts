// Benchmark 3, highlighting: tokenising the 1 MB cable with our TextMate grammar against VS Code's
// Markdown grammar (from tm-grammars), both through vscode-textmate + vscode-oniguruma as VS Code does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { depsDir, median, megabyteCable, ms, repoRoot, type BenchResult } from './support';
import { proseCable, realCables } from './texts';

export function markdownGrammarPath(): string {
  for (const base of [depsDir, path.join(repoRoot, 'node_modules')]) {
    const candidate = path.join(base, 'tm-grammars', 'grammars', 'markdown.json');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('tm-grammars is not installed: npm install --prefix bench/.deps tm-grammars');
}

async function registry(): Promise<textmate.Registry> {
  const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = {
    'text.cable': path.join(repoRoot, 'syntaxes', 'cable.tmLanguage.json'),
    'text.html.markdown': markdownGrammarPath(),
  };
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    // Languages embedded in Markdown code fences are not needed: the cables have none.
    loadGrammar: async (scopeName: string) => (files[scopeName] ? textmate.parseRawGrammar(fs.readFileSync(files[scopeName], 'utf8'), files[scopeName]) : null),
  });
}

/** Tokenises every line, carrying the rule stack from line to line as VS Code does; returns ms and tokens. */
function tokenizeAll(grammar: textmate.IGrammar, lines: string[]): { time: number; tokens: number } {
  const start = performance.now();
  let stack = textmate.INITIAL;
  let tokens = 0;
  for (const line of lines) {
    const result = grammar.tokenizeLine2(line, stack);
    tokens += result.tokens.length / 2;
    stack = result.ruleStack;
  }
  return { time: performance.now() - start, tokens };
}

/** Each document tokenised from the start, as VS Code opens it. */
function tokenizeDocuments(grammar: textmate.IGrammar, documents: string[][]): { time: number; tokens: number } {
  let time = 0;
  let tokens = 0;
  for (const lines of documents) {
    const one = tokenizeAll(grammar, lines);
    time += one.time;
    tokens += one.tokens;
  }
  return { time, tokens };
}

/** Rounds of our grammar against Markdown's, alternating, after a warm-up run of each. */
const ROUNDS = 7;

/**
 * Our grammar against Markdown's on the same documents. The ratio is the median of the rounds' own ratios:
 * each round runs both back to back, so a slow spell of a shared machine slows both alike.
 */
async function compareHighlighting(id: number, name: string, what: string, documents: string[][], target: string, goal: number): Promise<BenchResult> {
  const grammars = await registry();
  const cable = (await grammars.loadGrammar('text.cable'))!;
  const markdown = (await grammars.loadGrammar('text.html.markdown'))!;
  // Warm both (JIT and the compiled regular expressions) on the whole text once.
  tokenizeDocuments(cable, documents);
  tokenizeDocuments(markdown, documents);
  const cableTimes: number[] = [];
  const markdownTimes: number[] = [];
  const ratios: number[] = [];
  let cableTokens = 0;
  let markdownTokens = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const ours = tokenizeDocuments(cable, documents);
    const theirs = tokenizeDocuments(markdown, documents);
    cableTimes.push(ours.time);
    markdownTimes.push(theirs.time);
    ratios.push(ours.time / theirs.time);
    cableTokens = ours.tokens;
    markdownTokens = theirs.tokens;
  }
  const ratio = median(ratios);
  return {
    id,
    name,
    measure: `tokenise ${what}, ${documents.reduce((sum, lines) => sum + lines.length, 0)} lines, cable grammar (${cableTokens} tokens; medians of ${ROUNDS} alternating rounds after a warm-up run, the ratio the median of the rounds' ratios)`,
    value: ms(median(cableTimes)),
    baseline: `${ms(median(markdownTimes))} (VS Code Markdown grammar, ${markdownTokens} tokens)`,
    ratio,
    target,
    met: ratio <= goal,
  };
}

export function highlightingBenchmark(): Promise<BenchResult> {
  return compareHighlighting(3, 'Highlighting', 'the 1 MB generated cable', [megabyteCable().split('\n')], 'no slower than Markdown (ratio at most 1)', 1);
}

/** Issue 17: the seed's prose body repeated to 1 MB. */
export function proseHighlightingBenchmark(): Promise<BenchResult> {
  return compareHighlighting(7, 'Highlighting, prose', 'the seed body repeated to 1 MB', [proseCable().split('\n')], 'no slower than Markdown, goal 2x faster (ratio at most 1; goal 0.5)', 1);
}

/** Issue 17: the corpus's real cables, each its own document, to about 1 MB. */
export function realHighlightingBenchmark(): Promise<BenchResult> {
  const documents = realCables().map((text) => text.split(/\r?\n/));
  return compareHighlighting(8, 'Highlighting, real cables', `${documents.length} real cables (the corpus, repeated), 1 MB`, documents, 'no slower than Markdown, goal 2x faster (ratio at most 1; goal 0.5)', 1);
}
