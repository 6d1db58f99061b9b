// Benchmarks 2 and 12, typing: 300 incremental edits to a 2,000-line cable through the running server over LSP
// (12: with a 200-topic classification guide beside the cable),
// each timed from didChange to the diagnostics published for its version; against the protocol floor
// (a request the server answers without work: the outline of a document it does not have).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../test/protocol/lspClient';
import { generateCable, randomSource } from './generate';
import { cableOfLines, ms, percentile, type BenchResult } from './support';

/** p50, p99 and max of the edits, and the protocol floor, for a cable at `uri`. */
async function typingRun(uri: string): Promise<{ times: number[]; floor: number[]; lineCount: number }> {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const lines = cableOfLines(42, 2000).split('\n');
    await client.open(uri, lines.join('\n'));
    await client.waitForDiagnostics(uri, () => true, 30_000);
    const random = randomSource(7);
    const bodyLines = lines.map((line, index) => (/^[A-Z][a-z]/.test(line) ? index : -1)).filter((index) => index >= 0);
    const typed = generateCable({ seed: 9, paragraphs: 1 }).replace(/\s+/g, ' ');
    const times: number[] = [];
    for (let edit = 0; edit < 330; edit++) {
      // Typing in a sentence: mostly one character inserted, sometimes one deleted (backspace).
      const line = bodyLines[Math.floor(random() * bodyLines.length)];
      const character = Math.floor(random() * (lines[line].length + 1));
      let change;
      if (random() < 0.8 || character === 0) {
        const letter = typed[edit % typed.length];
        change = { range: { start: { line, character }, end: { line, character } }, text: letter };
        lines[line] = lines[line].slice(0, character) + letter + lines[line].slice(character);
      } else {
        change = { range: { start: { line, character: character - 1 }, end: { line, character } }, text: '' };
        lines[line] = lines[line].slice(0, character - 1) + lines[line].slice(character);
      }
      const start = performance.now();
      const version = await client.change(uri, [change]);
      await client.waitForDiagnostics(uri, (published) => published.version === version, 30_000);
      // The first 30 edits warm the server's JIT and are not counted.
      if (edit >= 30) times.push(performance.now() - start);
    }
    const floor: number[] = [];
    for (let request = 0; request < 330; request++) {
      const start = performance.now();
      await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///bench/absent.cable' } });
      if (request >= 30) floor.push(performance.now() - start);
    }
    return { times, floor, lineCount: lines.length };
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}

function typingResult(id: number, name: string, run: { times: number[]; floor: number[]; lineCount: number }, about = ''): BenchResult {
  const { times, floor } = run;
  const p99 = percentile(times, 99);
  return {
    id,
    name,
    measure: `p99 of ${times.length} edits to a ${run.lineCount}-line cable over LSP${about}, didChange to the publishDiagnostics of its version`,
    value: ms(p99),
    baseline: `${ms(percentile(floor, 99))} p99, ${ms(percentile(floor, 50))} p50 (protocol round trip of an empty request)`,
    ratio: p99 / percentile(floor, 99),
    target: 'p99 at most 15 ms',
    met: p99 <= 15,
    notes: `p50 ${ms(percentile(times, 50))}; max ${ms(Math.max(...times))}`,
  };
}

export async function typingBenchmark(): Promise<BenchResult> {
  return typingResult(2, 'Typing', await typingRun('file:///bench/typing.cable'));
}

/** A guide of `count` topics: two-word phrases of the generated cables' text (some match), a rarer phrase each, and some regexes. */
function benchGuide(count: number): string {
  const words = generateCable({ seed: 11, paragraphs: 40 }).split(/[^A-Za-z]+/).filter((word) => word.length > 4);
  const levels = ['U', 'C', 'S'];
  const topics = Array.from({ length: count }, (_, index) => ({
    id: `B-${index + 1}`,
    topic: `Bench topic ${index + 1}`,
    match: [
      `${words[(index * 7) % words.length]} ${words[(index * 7 + 1) % words.length]}`,
      `project ${index} cipher`,
      ...(index % 10 === 0 ? [`/\\bOperation ${words[(index * 13) % words.length]}\\b/i`] : []),
    ],
    level: levels[index % levels.length],
    reasons: ['b'],
    declassify: '10y',
  }));
  return JSON.stringify({ guide: 'Bench guide', topics }, null, 2);
}

/** Benchmark 12: typing, with a 200-topic classification guide beside the cable (issue 21). */
export async function guidedTypingBenchmark(): Promise<BenchResult> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-guided-'));
  try {
    fs.writeFileSync(path.join(folder, '.cableguide.json'), benchGuide(200));
    const run = await typingRun(pathToFileURL(path.join(folder, 'typing.cable')).href);
    return typingResult(12, 'Typing under a guide', run, ' with a 200-topic classification guide beside it');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
