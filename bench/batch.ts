// Benchmark 4, batch: cable-lint (dist/cli.js) over 10,000 generated cables (about 40 MB) against
// markdownlint's library API over the same files; both as fresh processes, wall-clock time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bytesOf, cableFolder, depsDir, distDir, filesUnder, mb, median, ms, quick, repoRoot, type BenchResult } from './support';
import { folderOf, proseCable, realCables } from './texts';

function run(args: string[]): { time: number; stdout: string; stderr: string; status: number | null } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const time = performance.now() - start;
  if (result.error) throw result.error;
  return { time, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

export function batchBenchmark(): BenchResult {
  const count = quick ? 1000 : 10_000;
  const folder = cableFolder(count);
  const files = filesUnder(folder);
  const bytes = bytesOf(files);
  // Warm the disk cache for both, then time one run each (they take seconds: noise is small).
  run([path.join(distDir, 'cli.js'), '--format', 'json', folder]);
  const ours = run([path.join(distDir, 'cli.js'), '--format', 'json', folder]);
  if (ours.status !== 0 && ours.status !== 1) throw new Error(`cable-lint exited with ${ours.status}`);
  const problems = (JSON.parse(ours.stdout) as unknown[]).length;
  // cable-lint's summary line on stderr says how many files it checked: all of them, or the run does not count.
  const checked = Number(/(\d+) files?/.exec(ours.stderr)?.[1] ?? NaN);
  if (checked !== files.length) throw new Error(`cable-lint checked ${checked} of ${files.length} files: ${ours.stderr.slice(0, 300)}`);
  const theirs = run([path.join(repoRoot, 'bench', 'baselines', 'markdownlint.mjs'), folder, depsDir]);
  if (theirs.status !== 0) throw new Error(`markdownlint baseline exited with ${theirs.status}`);
  const baseline = JSON.parse(theirs.stdout) as { files: number; problems: number };
  const speedup = theirs.time / ours.time;
  return {
    id: 4,
    name: 'Batch',
    measure: `cable-lint --format json over ${files.length} cables, ${mb(bytes)} (${problems} problems reported)`,
    value: ms(ours.time),
    baseline: `${ms(theirs.time)} (markdownlint ${markdownlintVersion()} library API, default rules, ${baseline.problems} problems)`,
    ratio: ours.time / theirs.time,
    target: 'at least 4x faster (ratio at most 0.25)',
    met: speedup >= 4,
    notes: `${speedup.toFixed(1)}x faster`,
  };
}

/** cable-lint against markdownlint, whole processes, on one folder (issue 17: the two 1 MB texts). */
function compareLinting(id: number, name: string, what: string, folder: string): BenchResult {
  run([path.join(distDir, 'cli.js'), '--format', 'json', folder]);
  const ours = median([0, 1, 2].map(() => run([path.join(distDir, 'cli.js'), '--format', 'json', folder]).time));
  // markdownlint takes seconds to tens of seconds here: one timed run after a warm-up (noise is small).
  run([path.join(repoRoot, 'bench', 'baselines', 'markdownlint.mjs'), folder, depsDir]);
  const theirs = run([path.join(repoRoot, 'bench', 'baselines', 'markdownlint.mjs'), folder, depsDir]).time;
  fs.rmSync(folder, { recursive: true, force: true });
  const speedup = theirs / ours;
  return {
    id,
    name,
    measure: `cable-lint --format json over ${what}, whole process (median of 3 after a warm-up; markdownlint one run after a warm-up)`,
    value: ms(ours),
    baseline: `${ms(theirs)} (markdownlint ${markdownlintVersion()} library API, default rules, whole process)`,
    ratio: ours / theirs,
    target: 'at least 4x faster, goal 10x (ratio at most 0.25; goal 0.1)',
    met: speedup >= 4,
    notes: `${speedup.toFixed(1)}x faster`,
  };
}

export function proseLintingBenchmark(): BenchResult {
  return compareLinting(9, 'cable-lint, prose', 'the seed body repeated to 1 MB, one file', folderOf('prose', [proseCable()]));
}

export function realLintingBenchmark(): BenchResult {
  const documents = realCables();
  return compareLinting(10, 'cable-lint, real cables', `${documents.length} real cables (the corpus, repeated), 1 MB`, folderOf('real', documents));
}

function markdownlintVersion(): string {
  for (const base of [depsDir, path.join(repoRoot, 'node_modules')]) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(base, 'markdownlint', 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // Not installed here: try the next place.
    }
  }
  return '?';
}
