// Measures how long the Cable grammar takes to tokenise cables compared with VS Code's Markdown grammar
// (issue 8): node syntaxes/measure-speed.mjs [--rounds N] [--grammar path.json] [--profile corpus|prose|generated]
// Needs `npx tsc -p tsconfig.test.json` first (for out/bench/generate.js).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const { generateCableOfSize } = require(path.join(root, 'out', 'bench', 'generate.js'));
const { proseCable } = require(path.join(root, 'out', 'bench', 'texts.js'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const rounds = Number(option('--rounds', '15'));
const cablePath = path.resolve(option('--grammar', path.join(root, 'syntaxes', 'cable.tmLanguage.json')));
const markdownPath = require(path.join(root, 'out', 'bench', 'highlighting.js')).markdownGrammarPath();
const profile = args.includes('--profile');

const wasm = fs.readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

// --profile counts the scanner searches and the regexes each search tries, per scanner.
const scannerStats = new Map();
let searches = 0;
const createOnigScanner = (sources) => {
  const scanner = new oniguruma.OnigScanner(sources);
  if (!profile) return scanner;
  const key = sources.join('  ||  ');
  return {
    findNextMatchSync(string, start, options) {
      searches++;
      const entry = scannerStats.get(key) ?? { count: 0, size: sources.length };
      entry.count++;
      scannerStats.set(key, entry);
      return scanner.findNextMatchSync(string, start, options);
    },
    dispose: () => scanner.dispose(),
  };
};
const registry = new textmate.Registry({
  onigLib: Promise.resolve({ createOnigScanner, createOnigString: (text) => new oniguruma.OnigString(text) }),
  loadGrammar: async (scopeName) => {
    if (scopeName === 'text.cable') return textmate.parseRawGrammar(fs.readFileSync(cablePath, 'utf8'), cablePath);
    if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(fs.readFileSync(markdownPath, 'utf8'), markdownPath);
    return null; // embedded languages of the Markdown grammar: not needed for cables
  },
});
const cable = await registry.loadGrammar('text.cable');
const markdown = await registry.loadGrammar('text.html.markdown');

/** Tokenises every line, carrying the rule stack as VS Code does. */
function tokenizeAll(grammar, lines) {
  let ruleStack = textmate.INITIAL;
  for (const line of lines) ruleStack = grammar.tokenizeLine2(line, ruleStack).ruleStack;
}
function time(grammar, texts) {
  const start = process.hrtime.bigint();
  for (const lines of texts) tokenizeAll(grammar, lines);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Alternates the two grammars round by round so machine load hits both alike. */
function compare(label, texts) {
  for (let warm = 0; warm < 3; warm++) { time(cable, texts); time(markdown, texts); }
  const ratios = [];
  const cableTimes = [];
  const markdownTimes = [];
  for (let round = 0; round < rounds; round++) {
    const c = time(cable, texts);
    const m = time(markdown, texts);
    cableTimes.push(c);
    markdownTimes.push(m);
    ratios.push(c / m);
  }
  console.log(`${label}: cable ${median(cableTimes).toFixed(1)} ms, markdown ${median(markdownTimes).toFixed(1)} ms, median ratio ours/markdown ${median(ratios).toFixed(2)}`);
  return median(ratios);
}

const split = (text) => text.split(/\r?\n/);
const corpusDir = path.join(root, 'test', 'fixtures', 'corpus');
const corpus = fs.readdirSync(corpusDir).filter((name) => name.endsWith('.cable')).sort()
  .map((name) => split(fs.readFileSync(path.join(corpusDir, name), 'utf8')));
const generated = [split(generateCableOfSize(8, 1_000_000))];
const prose = [split(proseCable())];

if (profile) {
  const which = option('--profile', 'corpus');
  const lines = which === 'prose' ? prose.flat() : which === 'generated' ? generated.flat() : corpus.flat();
  tokenizeAll(cable, lines);
  console.log(`${which}: ${searches} scanner searches over ${lines.length} lines`);
  for (const [key, { count, size }] of [...scannerStats].sort((a, b) => b[1].count * b[1].size - a[1].count * a[1].size).slice(0, 8)) {
    console.log(`${count} searches x ${size} regexes: ${key.slice(0, 160)}`);
  }
} else {
  compare(`corpus (${corpus.length} cables)`, corpus);
  compare(`generated (${generated[0].join('\n').length} chars)`, generated);
  compare(`prose (${prose[0].join('\n').length} chars)`, prose);
}
