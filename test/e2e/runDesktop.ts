// Runs the extension-host suite in a desktop VS Code through @vscode/test-electron, where one is
// available: VSCODE_EXECUTABLE, or `code` on PATH. VS Code cannot be downloaded on our machines.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Exit code meaning "no desktop VS Code here": run.mjs reports it as skipped, not passed. */
export const notAvailableExitCode = 3;

/** The Electron executable of a desktop VS Code, or undefined when there is none. */
export function findVsCodeExecutable(): string | undefined {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'code');
    if (!fs.existsSync(candidate)) continue;
    const real = fs.realpathSync(candidate);
    // `code` is usually a launcher script in <install>/bin; the executable sits one level up.
    const beside = path.join(path.dirname(path.dirname(real)), 'code');
    if (path.basename(path.dirname(real)) === 'bin' && fs.existsSync(beside)) return beside;
    if (real.includes('code-server')) continue;
    return real;
  }
  return undefined;
}

async function main(): Promise<number> {
  const vscodeExecutablePath = findVsCodeExecutable();
  if (!vscodeExecutablePath) {
    console.log('[e2e desktop] no desktop VS Code here (set VSCODE_EXECUTABLE or put `code` on PATH): not run');
    return notAvailableExitCode;
  }
  // The tests edit copies of the fixtures: give them a throwaway copy of the workspace.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-e2e-desktop-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const resultFile = path.join(scratch, 'result.json');
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js'),
      extensionTestsEnv: { CABLE_E2E_RESULT: resultFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(scratch, 'user-data')],
    });
  } catch (error) {
    console.error(`[e2e desktop] the suite failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!fs.existsSync(resultFile)) {
    console.error('[e2e desktop] no result file was written');
    return 1;
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passed: number; failed: number };
  console.log(`[e2e desktop] ${result.passed} passed, ${result.failed} failed (details in ${resultFile})`);
  return result.failed === 0 && result.passed > 0 ? 0 : 1;
}

// `node --test` runs every file under out/test; this one only acts when started on its own.
if (require.main === module && !process.env.NODE_TEST_CONTEXT) {
  main().then((code) => process.exit(code), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
