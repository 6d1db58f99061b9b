// Benchmark 5, memory: the server's resident memory with 500 open cables and the workspace index of
// 10,000 cables, against the same server idle (initialised, nothing open, no workspace).
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../test/protocol/lspClient';
import { cableFolder, filesUnder, mb, quick, residentMemory, sleep, type BenchResult } from './support';

async function initialize(client: LspTestClient, folder?: string): Promise<void> {
  const workspaceFolders = folder ? [{ uri: pathToFileURL(folder).href, name: 'bench' }] : null;
  await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders });
  await client.connection.sendNotification('initialized', {});
}

/** Waits for the indexer's "indexed N of M" log line; falls back to resident memory settling. */
async function indexed(pid: number, logLines: string[]): Promise<string> {
  const deadline = Date.now() + 120_000;
  let previous = 0;
  let steady = 0;
  while (Date.now() < deadline) {
    const line = logLines.find((message) => /indexed \d+ of \d+/.test(message));
    if (line) return line;
    await sleep(250);
    const rss = residentMemory(pid);
    steady = Math.abs(rss - previous) < 256 * 1024 ? steady + 1 : 0;
    previous = rss;
    // No log line after 20 s of flat memory: the index is as built as it will get.
    if (steady >= 80) return 'no indexing log line: waited for memory to settle';
  }
  return 'indexing did not finish within 120 s';
}

export async function memoryBenchmark(): Promise<BenchResult> {
  const idleClient = new LspTestClient();
  await initialize(idleClient);
  await sleep(1000);
  const idle = residentMemory(idleClient.process.pid!);
  await idleClient.shutdown().catch(() => idleClient.kill());

  const count = quick ? 1000 : 10_000;
  const open = quick ? 50 : 500;
  const folder = cableFolder(count);
  const client = new LspTestClient();
  const logLines: string[] = [];
  client.connection.onNotification('window/logMessage', (params: { message: string }) => logLines.push(params.message));
  try {
    const pid = client.process.pid!;
    const start = performance.now();
    await initialize(client, folder);
    const indexLog = await indexed(pid, logLines);
    const indexTime = performance.now() - start;
    const afterIndex = residentMemory(pid);
    const files = filesUnder(folder).slice(0, open);
    for (const file of files) await client.open(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
    for (const file of files) await client.waitForDiagnostics(pathToFileURL(file).href, () => true, 60_000);
    await sleep(2000);
    const loaded = residentMemory(pid);
    const peak = residentMemory(pid, true);
    return {
      id: 5,
      name: 'Memory',
      measure: `server RSS with ${open} open cables (diagnostics published) and the index of ${count} cables`,
      value: mb(loaded),
      baseline: `${mb(idle)} (idle server, nothing open)`,
      ratio: loaded / idle,
      target: 'at most 150 MB',
      met: loaded <= 150 * 1024 * 1024,
      notes: `after indexing ${mb(afterIndex)} (${(indexTime / 1000).toFixed(1)} s: ${indexLog.replace(/^Cable: /, '')}); peak ${mb(peak)}`,
    };
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}
