// `npm run fuzz`: the robustness properties of test/robustness/ with many more runs and larger inputs.
// Usage: node scripts/fuzz.mjs [--scale N] [--seed S]   (or CABLE_FUZZ_SCALE / CABLE_FUZZ_SEED)
// The scale multiplies every property's run count (default 20); the seed is printed so a failure can be replayed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const scale = Number(option('scale') ?? process.env.CABLE_FUZZ_SCALE ?? 20);
const seed = Number(option('seed') ?? process.env.CABLE_FUZZ_SEED ?? Date.now() % 2147483647);
if (!(scale >= 1) || !Number.isInteger(seed)) {
  console.error('usage: node scripts/fuzz.mjs [--scale N>=1] [--seed INTEGER]');
  process.exit(2);
}
const suite = path.join(root, 'out', 'test', 'robustness');
if (!fs.existsSync(suite)) {
  console.error('out/test/robustness is missing: run `npm run build && npm run compile-tests` first.');
  process.exit(2);
}
console.log(`Fuzzing with CABLE_FUZZ_SCALE=${scale} CABLE_FUZZ_SEED=${seed} (replay: node scripts/fuzz.mjs --scale ${scale} --seed ${seed})`);
const files = fs.readdirSync(suite).filter((name) => name.endsWith('.test.js')).map((name) => path.join(suite, name));
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: { ...process.env, CABLE_FUZZ_SCALE: String(scale), CABLE_FUZZ_SEED: String(seed) },
});
if (result.status !== 0) console.log(`\nFuzzing failed. Replay: node scripts/fuzz.mjs --scale ${scale} --seed ${seed}`);
process.exit(result.status ?? 1);
