// Entry of the extension-host suite: VS Code (desktop or code-server) loads this file as
// `extensionTestsPath` and calls `run()`; it runs every `*.e2e.js` beside it with mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  tests: TestOutcome[];
  finishedAt: string;
}

/** The result file: named by CABLE_E2E_RESULT, else `.e2e-result.json` in the first workspace folder. */
export function resultFilePath(): string {
  if (process.env.CABLE_E2E_RESULT) return process.env.CABLE_E2E_RESULT;
  // Required lazily so this module loads outside VS Code too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no CABLE_E2E_RESULT and no workspace folder to write the result into');
  return path.join(folder.uri.fsPath, '.e2e-result.json');
}

// The host's exit code does not carry failure in code-server, so the outcome goes to a file.
function writeResult(result: SuiteResult): void {
  const file = resultFilePath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false });
  const grep = process.env.CABLE_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const tests: TestOutcome[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = tests.filter((test) => test.state === 'passed').length;
        writeResult({ passed, failed: tests.length - passed, tests, finishedAt: new Date().toISOString() });
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      });
      // 'fail' also fires for failing hooks, which count as failures too.
      runner.on('fail', (test, error: Error) => {
        tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? String(error) });
        console.error(`[cable e2e] FAILED ${test.fullTitle()}: ${error.message}`);
      });
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      writeResult({ passed: 0, failed: 1, tests: [{ title: 'loading the suite', state: 'failed', durationMs: 0, error: message }], finishedAt: new Date().toISOString() });
      reject(error);
    }
  });
}
