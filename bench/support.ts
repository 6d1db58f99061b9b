// Shared pieces of the benchmarks: paths, timing statistics, the generated inputs (cached on disk),
// and the resident memory of a process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../test/helpers';
import { generateCable, generateCableOfSize } from './generate';

export { repoRoot };
export const distDir = path.join(repoRoot, 'dist');
/** Baseline-only packages (markdownlint, tm-grammars) live here until the lead adds them as devDependencies. */
export const depsDir = path.join(repoRoot, 'bench', '.deps', 'node_modules');

/** `--quick` (or BENCH_QUICK=1) shrinks the batch and memory inputs tenfold for a fast look; the README wants full runs. */
export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export interface BenchResult {
  id: number;
  name: string;
  /** What was measured, the project's side, e.g. "parse + diagnostics + symbols + tokens". */
  measure: string;
  value: string;
  baseline: string;
  /** Project / baseline: lower is better unless the target says otherwise. */
  ratio?: number;
  target: string;
  met: boolean | undefined;
  notes?: string;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Runs `work` `runs` times after `warmup` runs; returns each run's milliseconds. */
export function timeRuns(runs: number, warmup: number, work: (run: number) => void): number[] {
  for (let run = 0; run < warmup; run++) work(-1 - run);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work(run);
    times.push(performance.now() - start);
  }
  return times;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The 1 MB cable of benchmarks 1 and 3 (about 20,000 lines, 2,000 paragraphs). */
export function megabyteCable(): string {
  return generateCableOfSize(20260126, 1024 * 1024);
}

/** A cable of about `lines` lines. */
export function cableOfLines(seed: number, lines: number): string {
  const sample = generateCable({ seed, paragraphs: 100, references: 6 }).split('\n').length;
  return generateCable({ seed, paragraphs: Math.max(1, Math.round((100 * lines) / sample)), references: 6 });
}

/**
 * A folder of `count` generated cables of about 4 KB each (about 40 MB for 10,000), written once and
 * reused by later runs. Cables carry distinct serials, so the workspace index holds them all.
 */
export function cableFolder(count: number): string {
  const folder = path.join(os.tmpdir(), `cable-bench-${count}`);
  const marker = path.join(folder, '.complete');
  if (fs.existsSync(marker)) return folder;
  fs.rmSync(folder, { recursive: true, force: true });
  for (let index = 0; index < count; index++) {
    const directory = path.join(folder, `batch${String(Math.floor(index / 1000)).padStart(2, '0')}`);
    if (index % 1000 === 0) fs.mkdirSync(directory, { recursive: true });
    const paragraphs = 6 + (index % 7);
    fs.writeFileSync(path.join(directory, `cable${String(index).padStart(5, '0')}.cable`), generateCable({ seed: index + 1, paragraphs, references: index % 5 }));
  }
  fs.writeFileSync(marker, '');
  return folder;
}

export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.name.endsWith('.cable')) found.push(full);
  }
  return found.sort();
}

export function bytesOf(files: string[]): number {
  return files.reduce((total, file) => total + fs.statSync(file).size, 0);
}

/** Resident set size of a process, from /proc (Linux), in bytes; the peak with `peak`. */
export function residentMemory(pid: number, peak = false): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${peak ? 'VmHWM' : 'VmRSS'}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${peak ? 'VmHWM' : 'VmRSS'} for process ${pid}`);
  return Number(match[1]) * 1024;
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
