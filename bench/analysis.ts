// Benchmark 1, analysis: parse + every diagnostic + symbols + semantic tokens of a 1 MB cable, against
// the floor of splitting the same text into lines and testing one regular expression per line.
import { createCableService } from '../server/src/service';
import { median, megabyteCable, ms, timeRuns, type BenchResult } from './support';

export function analysisBenchmark(): BenchResult {
  const text = megabyteCable();
  // The floor is timed before and after the project, and the lower median counts: a shared machine drifts
  // (by a third over minutes), and a floor timed in a slow spell would flatter the ratio. After the project
  // alone, it would also pay for the project's garbage.
  const paragraphStart = /^\s{0,4}(?:\[\d{1,4}\]\(#\)|\d{1,4})\.\s+\((?:U|SBU|C|S|TS)(?:\/\/?[A-Z ]+)*\)/;
  let matched = 0;
  const splitAndTest = () => {
    matched = 0;
    for (const line of text.split(/\r?\n/)) if (paragraphStart.test(line)) matched++;
  };
  const floorBefore = timeRuns(21, 10, splitAndTest);
  const service = createCableService();
  let version = 0;
  // Ten warm-up runs: a language server runs warmed-up code, so the median should measure that.
  const project = timeRuns(20, 10, () => {
    // A new version each run: the model cache must not answer from the previous run.
    const document = { uri: 'file:///bench/analysis.cable', version: ++version, getText: () => text };
    service.diagnostics(document);
    service.documentSymbols(document);
    service.semanticTokens(document);
  });
  const floorAfter = timeRuns(21, 10, splitAndTest);
  const projectMs = median(project);
  const floorMs = Math.min(median(floorBefore), median(floorAfter));
  const ratio = projectMs / floorMs;
  // The median hides the runs a garbage collection lands in: the mean and the fastest run say how much.
  const meanMs = project.reduce((sum, value) => sum + value, 0) / project.length;
  const fastestMs = Math.min(...project);
  return {
    id: 1,
    name: 'Analysis',
    measure: `parse + all diagnostics + symbols + semantic tokens, ${(text.length / 1024 / 1024).toFixed(2)} MB, ${text.split('\n').length} lines, ${matched} paragraphs (median of 20 after 10 warm-up runs; mean ${ms(meanMs)} = ${(meanMs / floorMs).toFixed(2)}x, fastest ${ms(fastestMs)} = ${(fastestMs / floorMs).toFixed(2)}x)`,
    value: ms(projectMs),
    baseline: `${ms(floorMs)} (split into lines + one regex per line: the lower of the medians of 21 runs before and after the project, ${ms(median(floorBefore))} and ${ms(median(floorAfter))}, each after 10 warm-up runs)`,
    ratio,
    target: 'at most 5x the floor',
    met: ratio <= 5,
  };
}
