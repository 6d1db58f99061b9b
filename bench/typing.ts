// Benchmark 2, typing: 300 incremental edits to a 2,000-line cable through the running server over LSP,
// each timed from didChange to the diagnostics published for its version; against the protocol floor
// (a request the server answers without work: the outline of a document it does not have).
import { LspTestClient } from '../test/protocol/lspClient';
import { generateCable, randomSource } from './generate';
import { cableOfLines, ms, percentile, type BenchResult } from './support';

export async function typingBenchmark(): Promise<BenchResult> {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///bench/typing.cable';
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
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    return {
      id: 2,
      name: 'Typing',
      measure: `p99 of ${times.length} edits to a ${lines.length}-line cable over LSP, didChange to the publishDiagnostics of its version`,
      value: ms(p99),
      baseline: `${ms(percentile(floor, 99))} p99, ${ms(percentile(floor, 50))} p50 (protocol round trip of an empty request)`,
      ratio: p99 / percentile(floor, 99),
      target: 'p99 at most 15 ms',
      met: p99 <= 15,
      notes: `p50 ${ms(p50)}; max ${ms(Math.max(...times))}`,
    };
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}
