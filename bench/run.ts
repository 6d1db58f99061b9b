// `npm run bench`: the six benchmarks of issue 8, each against its baseline in the same run; prints the
// ratios and writes bench/README.md. Arguments pick benchmarks (`1 3`); `--quick` shrinks batch and memory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisBenchmark } from './analysis';
import { batchBenchmark } from './batch';
import { highlightingBenchmark } from './highlighting';
import { memoryBenchmark } from './memory';
import { startBenchmark } from './start';
import { quick, repoRoot, type BenchResult } from './support';
import { typingBenchmark } from './typing';

const benchmarks: Record<number, () => BenchResult | Promise<BenchResult>> = {
  1: analysisBenchmark,
  2: typingBenchmark,
  3: highlightingBenchmark,
  4: batchBenchmark,
  5: memoryBenchmark,
  6: startBenchmark,
};

const resultsFile = path.join(repoRoot, 'bench', 'results', 'latest.json');
const readmeFile = path.join(repoRoot, 'bench', 'README.md');

interface Stored {
  date: string;
  node: string;
  machine: string;
  quick: boolean;
  results: BenchResult[];
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, ${os.type()} ${os.release()}, load average ${os.loadavg()[0].toFixed(1)} at the end`;
}

function verdict(result: BenchResult): string {
  return result.met === undefined ? '-' : result.met ? 'met' : '**missed**';
}

function readme(stored: Stored): string {
  const rows = stored.results
    .sort((a, b) => a.id - b.id)
    .map((result) => `| ${result.id}. ${result.name} | ${result.value} | ${result.baseline} | ${result.ratio === undefined ? '-' : result.ratio.toFixed(2)} | ${result.target} | ${verdict(result)} |`);
  const details = stored.results.map((result) => `- **${result.id}. ${result.name}**: ${result.measure}.${result.notes ? ` ${result.notes}.` : ''}`);
  return `# Benchmarks

\`npm run bench\` measures the project against a baseline in the same run and prints the ratio
(project / baseline). The numbers below are from one machine; rerun to compare on yours. Timings are
never asserted in tests: the robustness suite (\`test/robustness/\`) only guards against hangs.

Last run: ${stored.date}, Node ${stored.node}, ${stored.machine}${stored.quick ? ' (**--quick**: batch and memory inputs a tenth of the size)' : ''}.

| Benchmark | Project | Baseline | Ratio | Target | Result |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${details.join('\n')}

## What each one does

1. **Analysis**: \`bench/analysis.ts\`. A 1 MB cable from the seeded generator (\`bench/generate.ts\`), parsed and
   given every diagnostic, the outline and the semantic tokens through \`createCableService()\`, a new document
   version each run. The floor splits the same text into lines and tests one regular expression per line; it is
   timed before and after the project and the lower median counts (this machine's speed drifts over minutes).
2. **Typing**: \`bench/typing.ts\`. \`node dist/server.js --stdio\` with a 2,000-line cable open; 300 single-character
   edits (inserts and backspaces in body text, after 30 unmeasured warm-up edits), each timed from \`didChange\`
   to the \`publishDiagnostics\` of its version. The baseline is the round trip of a request the server answers
   without work.
3. **Highlighting**: \`bench/highlighting.ts\`. Every line of the 1 MB cable through vscode-textmate with
   \`syntaxes/cable.tmLanguage.json\`, and with VS Code's Markdown grammar from \`tm-grammars\`.
4. **Batch**: \`bench/batch.ts\`. 10,000 generated cables written once to \`$TMPDIR/cable-bench-10000\`;
   \`node dist/cli.js --format json <folder>\` against \`bench/baselines/markdownlint.mjs\` (markdownlint's
   synchronous library API, default rules) over the same files, both as fresh processes, after a warm-up run.
5. **Memory**: \`bench/memory.ts\`. The server initialised with that folder as its workspace folder (the workspace
   index reads all 10,000), then 500 of the cables opened and their diagnostics awaited; resident memory from
   \`/proc/<pid>/status\`. The baseline is the idle server.
6. **Start**: \`bench/start.ts\`. Spawn to the \`initialize\` result, against a bare Node process answering one line
   over the same pipes; bundle sizes of a minified build (as packaged) and of \`dist/\` as it stands.

The baseline-only packages (\`markdownlint\` 0.40.0, the last for Node 20, and \`tm-grammars\`) are
devDependencies; \`bench/.deps/\` (git-ignored) is used instead when present.

## Where the analysis target stands

- **Analysis** (target 5x the floor): between about 4.5x and 8x from run to run on this shared 2-core machine, whose
  speed drifts (the same build measured 4.6-8.1x within minutes); the medians of ten process runs in calm periods
  were 4.7x and 5.0x. It was 7.5-9.5x before this round and 14-15x before the last. The target is met in calm
  periods about half the time: it is not met reliably. Within a run, the swing comes from garbage collection: a young-generation
  collection lands in about 7 runs of 20 and costs about 6 ms there, because it copies the model being built. A run
  without one takes about 7 ms, or about 4.3x: the parse about 5 ms, diagnostics about 1 ms, semantic tokens
  0.8 ms and the outline 0.4 ms. Page faults matter too: this machine maps fresh memory at about 2.5 microseconds
  per 4 KB page, so each megabyte allocated costs time before any collection.
- This round: the body keywords are found by one WebAssembly (SIMD) pass over the whole text, about 0.9 ms where
  the per-line regex took 2 ms (\`server/src/service/keywordScan.wat\`). Model ranges are \`TextRange\` objects
  (four numbers, positions made when read), marks are one class that shares the meaning of what they say,
  empty sub-paragraph and talking-point lists are shared, small lists are exact, and every object gets all its
  fields at creation. Loops over long model lists in code that runs once per version use \`forEach\` or indices:
  V8 leaves such code to its baseline tier for many runs, where a \`for...of\` allocates at each step. The rules
  that look for marks above a level look only when the model's highest level can break them. Semantic tokens are
  sorted by a linear bucket sort. Allocation per analysis fell from 7.3 MB to 4.9 MB.
- What is left: the model is about 2.8 MB live (40,000 objects, 17,000 line strings), and the semantic tokens
  answer alone is a 320 KB array (a fresh mapping each time). A further cut needs ranges computed on demand for
  the numbers, labels and dashes of paragraphs, sub-paragraphs and talking points, and talking-point text made
  when asked for; by the figures above that would bring the median to about 4.5x, still close to the target.
`;
}

async function main(): Promise<void> {
  const picked = process.argv.slice(2).filter((arg) => /^\d$/.test(arg)).map(Number);
  const ids = picked.length > 0 ? picked : Object.keys(benchmarks).map(Number);
  let stored: Stored = { date: '', node: '', machine: '', quick, results: [] };
  if (picked.length > 0 && fs.existsSync(resultsFile)) stored = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Stored;
  let failed = false;
  for (const id of ids) {
    process.stdout.write(`${id}. ${benchmarks[id].name.replace(/Benchmark$/, '')} ... `);
    try {
      const result = await benchmarks[id]();
      stored.results = stored.results.filter((other) => other.id !== id).concat(result);
      console.log(`${result.value} vs ${result.baseline}: ratio ${result.ratio?.toFixed(2) ?? '-'}; target ${result.target}: ${verdict(result).replace(/\*/g, '')}${result.notes ? ` (${result.notes})` : ''}`);
    } catch (error) {
      failed = true;
      console.log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  stored = { ...stored, date: new Date().toISOString().slice(0, 10), node: process.version, machine: machine(), quick };
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(stored, null, 2)}\n`);
  fs.writeFileSync(readmeFile, readme(stored));
  console.log(`Results written to ${path.relative(process.cwd(), readmeFile)}.`);
  if (failed) process.exitCode = 1;
}

void main();
