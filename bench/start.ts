// Benchmark 6, start: from process start to the initialize result, against a bare Node process that
// answers one line over the same pipes; and the sizes of the client and server bundles, Node and web.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { LspTestClient } from '../test/protocol/lspClient';
import { distDir, median, ms, repoRoot, type BenchResult } from './support';

async function serverStart(): Promise<number> {
  const start = performance.now();
  const client = new LspTestClient();
  await client.initialize();
  const time = performance.now() - start;
  await client.shutdown().catch(() => client.kill());
  return time;
}

function bareNodeStart(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-e', "process.stdin.once('data', () => { process.stdout.write('ok'); process.exit(0); })"], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.once('data', () => resolve(performance.now() - start));
    child.once('error', reject);
    child.stdin.write('go\n');
  });
}

/** The bundles as `npm run package` ships them (minified), built into a temporary folder. */
async function productionSizes(): Promise<Record<string, number>> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-bundle-'));
  try {
    const entries = { client: path.join(repoRoot, 'client', 'src', 'extension.ts'), server: path.join(repoRoot, 'server', 'src', 'server.ts') };
    const common: esbuild.BuildOptions = { bundle: true, outdir, external: ['vscode'], minify: true, legalComments: 'none', logLevel: 'silent', define: { CABLE_VERSION: '"bench"' } };
    await esbuild.build({ ...common, entryPoints: entries, platform: 'node', target: 'node18', format: 'cjs', mainFields: ['module', 'main'] });
    // The browser bundles, as esbuild.mjs builds them for the web extension.
    const webEntries = { 'web-client': path.join(repoRoot, 'client', 'src', 'web', 'extension.ts'), 'web-server': path.join(repoRoot, 'server', 'src', 'web', 'server.ts') };
    await esbuild.build({ ...common, entryPoints: webEntries, platform: 'browser', target: 'es2022', format: 'cjs', mainFields: ['browser', 'module', 'main'] });
    return Object.fromEntries([...Object.keys(entries), ...Object.keys(webEntries)].map((name) => [name, fs.statSync(path.join(outdir, `${name}.js`)).size]));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export async function startBenchmark(): Promise<BenchResult> {
  await serverStart();
  await bareNodeStart();
  const server: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < 10; run++) {
    server.push(await serverStart());
    bare.push(await bareNodeStart());
  }
  const sizes = await productionSizes();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const built = ['client', 'server'].map((name) => {
    const file = path.join(distDir, `${name}.js`);
    return fs.existsSync(file) ? `dist/${name}.js ${kb(fs.statSync(file).size)}` : `dist/${name}.js missing`;
  });
  return {
    id: 6,
    name: 'Start',
    measure: 'spawn `node dist/server.js --stdio` to the initialize result (median of 10)',
    value: ms(median(server)),
    baseline: `${ms(median(bare))} (bare Node answering one line over stdio)`,
    ratio: median(server) / median(bare),
    target: 'reported (no target); bundle sizes reported',
    met: undefined,
    notes: `minified bundles: client ${kb(sizes.client)}, server ${kb(sizes.server)}, web client ${kb(sizes['web-client'])}, web worker server ${kb(sizes['web-server'])}; as built now: ${built.join(', ')}`,
  };
}
