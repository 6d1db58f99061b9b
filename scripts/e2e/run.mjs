// `npm run test:e2e`: the extension in a real VS Code. Sets up code-server and Chromium, packages and
// installs the .vsix, runs the extension-host suite (through the payload URL) and the UI tests, then
// the same suite in a desktop VS Code where there is one. Always stops code-server and the browser.
//
// Environment: CABLE_E2E_EXTENSION_PATH (extension folder, default the repository), CABLE_E2E_VSIX
// (a ready .vsix: no packaging), CABLE_E2E_ONLY (`host` or `ui`), CABLE_E2E_GREP (host test filter),
// CABLE_E2E_UI_GREP (UI test filter), CABLE_E2E_KEEP=1 (keep the temp folder).

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, setup, SetupError } from './setup.mjs';

/* global fetch -- Node 20 has it */

const extensionPath = resolve(process.env.CABLE_E2E_EXTENSION_PATH ?? repoRoot);
const only = process.env.CABLE_E2E_ONLY;
const workspaceFixtures = join(repoRoot, 'test', 'e2e', 'workspace');
const suiteEntry = join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
const hostSuiteTimeoutMs = 6 * 60_000;
const uiTestTimeoutMs = 150_000;

const summary = [];
let failed = false;
function record(stage, outcome, detail = '') {
  summary.push({ stage, outcome, detail });
  if (outcome === 'FAILED') failed = true;
  console.log(`[e2e] ${outcome.padEnd(7)} ${stage}${detail ? `: ${detail}` : ''}`);
}

function log(message) {
  console.log(`[e2e] ${message}`);
}

// ---- building -------------------------------------------------------------------------------

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The .vsix to install: packaged with `npm run package` unless it is newer than its sources. */
function ensureVsix() {
  if (process.env.CABLE_E2E_VSIX) return resolve(process.env.CABLE_E2E_VSIX);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  const sources = ['package.json', 'client', 'server', 'syntaxes', 'snippets', 'language-configuration.json',
    'esbuild.mjs', 'README.md', 'CHANGELOG.md', 'images'].map((name) => join(repoRoot, name));
  const sourcesTime = Math.max(...sources.map(newestMtime));
  const fresh = existsSync(vsix) && statSync(vsix).mtimeMs > sourcesTime && existsSync(join(repoRoot, 'dist', 'client.js'));
  if (fresh) {
    log(`${vsix} is newer than its sources: not packaging again`);
    return vsix;
  }
  log('npm run package');
  const result = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (exit ${result.status})`);
  return vsix;
}

/** Compiles the suite; tsc still emits when files elsewhere have type errors, so check the output. */
function compileSuite() {
  log('compiling the extension-host suite (tsc -p tsconfig.test.json)');
  const started = Date.now();
  const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.test.json'], { cwd: repoRoot, encoding: 'utf8' });
  const ownErrors = (result.stdout ?? '').split('\n').filter((line) => line.startsWith('test/e2e/'));
  if (ownErrors.length > 0) throw new Error(`type errors in the e2e suite:\n${ownErrors.join('\n')}`);
  if (!existsSync(suiteEntry) || statSync(suiteEntry).mtimeMs < started - 1000) {
    throw new Error(`tsc did not emit ${suiteEntry}:\n${result.stdout}${result.stderr}`);
  }
}

// ---- code-server ------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** HOME and XDG folders of their own: code-server and Chromium both write under them. */
function isolatedEnvironment(scratch) {
  const home = join(scratch, 'home');
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: join(home, 'runtime'),
  };
  for (const key of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR']) {
    mkdirSync(env[key], { recursive: true, mode: 0o700 });
  }
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

function codeServerArgs(folders, port) {
  return [
    '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', folders.userData,
    '--extensions-dir', folders.extensions, '--config', folders.config,
  ];
}

/**
 * CABLE_E2E_WEB=1 (npm run test:web): the extension runs in code-server's browser-side extension host (a
 * web worker), from its `browser` entry, as on vscode.dev; only the UI tests for it run.
 */
const webHost = process.env.CABLE_E2E_WEB === '1';
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

const userSettings = {
  ...(webHost ? { 'remote.extensionKind': { [`${manifest.publisher}.${manifest.name}`]: ['web'] } } : {}),
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.lightbulb.enabled': 'on',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

class CodeServer {
  constructor(bin, folders, env) {
    this.bin = bin;
    this.folders = folders;
    this.env = env;
    this.child = undefined;
    this.port = undefined;
  }

  /** Installs the .vsix (asynchronously, so that a signal can still stop the run). */
  async installExtension(vsix) {
    const child = spawn(process.execPath, [this.bin, ...codeServerArgs(this.folders, 0), '--install-extension', vsix],
      { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    const code = await new Promise((resolveExit) => child.once('close', resolveExit));
    clearTimeout(timer);
    if (code !== 0) throw new Error(`installing ${vsix} failed (exit ${code}):\n${output}`);
    log(`installed ${vsix} into the throwaway extensions folder`);
  }

  async start() {
    this.port = await freePort();
    const logFile = createWriteStream(join(this.folders.scratch, 'code-server.log'));
    // detached: the server leads a process group of its own, so the whole group can be stopped.
    this.child = spawn(process.execPath, [this.bin, ...codeServerArgs(this.folders, this.port)],
      { env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.pipe(logFile);
    this.child.stderr.pipe(logFile);
    this.exited = new Promise((resolveExit) => this.child.once('exit', resolveExit));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`code-server exited with ${this.child.exitCode}; see ${join(this.folders.scratch, 'code-server.log')}`);
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    }
    log(`code-server is up on ${this.url} (process group ${this.child.pid})`);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops the whole process group: killing the leader alone leaves file watchers behind. */
  async stop() {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group is gone already
      }
    };
    signalGroup('SIGTERM');
    await Promise.race([this.exited, new Promise((resolveWait) => setTimeout(resolveWait, 5_000))]);
    signalGroup('SIGKILL');
  }
}

// ---- browser ----------------------------------------------------------------------------------

async function launchBrowser(playwrightCore, chromiumPath, env, scratch) {
  const { chromium } = createRequire(import.meta.url)(playwrightCore);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env,
    // Our own handlers stop code-server first; Playwright's would exit the process before that.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--crash-dumps-dir=${join(scratch, 'crashes')}`],
  });
}

function copyWorkspace(scratch, name) {
  const target = join(scratch, name);
  cpSync(workspaceFixtures, target, { recursive: true });
  // The guide beside guides/guided.cable is the shipped example (examples/guides), not a copy of it.
  cpSync(join(repoRoot, 'examples', 'guides', '.cableguide.json'), join(target, 'guides', '.cableguide.json'));
  return target;
}

function folderUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** (a) The extension-host suite, run by the workbench from the payload URL; the outcome is a file. */
async function runHostSuite(browser, server, scratch) {
  const workspace = copyWorkspace(scratch, 'host-workspace');
  const resultFile = join(scratch, 'host-result.json');
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://remote${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://remote${suiteEntry}`],
  ];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const consoleLines = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    await page.goto(folderUrl(server, workspace, payload));
    const started = Date.now();
    const deadline = started + hostSuiteTimeoutMs;
    while (!existsSync(resultFile)) {
      if (Date.now() > deadline) {
        const tail = consoleLines.slice(-30).join('\n  ');
        record('extension-host suite (code-server)', 'FAILED', `no result file after ${hostSuiteTimeoutMs / 1000} s; browser console:\n  ${tail}`);
        return;
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    }
    // The file is written in one call; a short grace read avoids a half-written file.
    let result;
    for (let attempt = 0; ; attempt += 1) {
      try {
        result = JSON.parse(readFileSync(resultFile, 'utf8'));
        break;
      } catch (error) {
        if (attempt > 20) throw error;
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    }
    for (const test of result.tests) {
      console.log(`  ${test.state === 'passed' ? 'ok  ' : 'FAIL'} ${test.title} (${test.durationMs} ms)`);
      if (test.error) console.log(`       ${test.error.split('\n').slice(0, 4).join('\n       ')}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const outcome = result.failed === 0 && result.passed > 0 ? 'passed' : 'FAILED';
    record('extension-host suite (code-server)', outcome, `${result.passed} passed, ${result.failed} failed in ${seconds} s`);
  } finally {
    await context.close();
  }
}

/** (b) The UI tests: each gets a fresh copy of the workspace and a browser context of its own. */
async function runUiTests(browser, server, scratch) {
  const uiDir = join(repoRoot, 'test', 'ui');
  // In the browser's extension host (CABLE_E2E_WEB=1) the *.web.mjs tests run; in the Node one, the *.ui.mjs.
  const files = readdirSync(uiDir).filter((name) => name.endsWith(webHost ? '.web.mjs' : '.ui.mjs')).sort();
  const grep = process.env.CABLE_E2E_UI_GREP ? new RegExp(process.env.CABLE_E2E_UI_GREP) : undefined;
  const screenshotsDir = join(repoRoot, 'docs', 'images');
  mkdirSync(screenshotsDir, { recursive: true });
  let index = 0;
  for (const file of files) {
    const { tests } = await import(pathToFileURL(join(uiDir, file)).href);
    for (const test of tests) {
      const title = `UI ${file.replace('.ui.mjs', '')}: ${test.name}`;
      if (grep && !grep.test(title)) continue;
      index += 1;
      const workspace = copyWorkspace(scratch, `ui-workspace-${index}`);
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const started = Date.now();
      let timer;
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        // CABLE_E2E_CONSOLE=1: the page's and its workers' console errors, for a failure no screen explains.
        if (process.env.CABLE_E2E_CONSOLE) {
          page.on('console', (message) => message.type() === 'error' && log(`console: ${message.text().slice(0, 1500)}`));
          page.on('worker', (worker) => log(`worker started: ${worker.url().slice(0, 200)}`));
        }
        await page.goto(folderUrl(server, workspace));
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${uiTestTimeoutMs / 1000} s`)), uiTestTimeoutMs);
        });
        await Promise.race([test.run({ page, workspace, screenshotsDir }), timeout]);
        record(title, 'passed', `${((Date.now() - started) / 1000).toFixed(0)} s`);
      } catch (error) {
        const shot = join(scratch, `failure-${index}.png`);
        await context.pages()[0]?.screenshot({ path: shot }).catch(() => {});
        const message = error instanceof Error ? error.message.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => line.trim()).slice(0, 3).join(' | ') : String(error);
        record(title, 'FAILED', `${message} (screen: ${shot})`);
      } finally {
        clearTimeout(timer);
        await context.close();
      }
    }
  }
}

function runDesktopSuite() {
  const runner = join(repoRoot, 'out', 'test', 'e2e', 'runDesktop.js');
  const result = spawnSync(process.execPath, [runner], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status === 3) record('extension-host suite (desktop VS Code)', 'skipped', 'no desktop VS Code here (VSCODE_EXECUTABLE or `code` on PATH); not counted as passing');
  else if (result.status === 0) record('extension-host suite (desktop VS Code)', 'passed');
  else record('extension-host suite (desktop VS Code)', 'FAILED', `exit ${result.status}`);
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  const startedAt = Date.now();
  let scratch;
  let server;
  let browser;
  // One clean-up, shared by the normal end and the signal handlers, awaited by both.
  let cleaning;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      await server?.stop();
      if (scratch && !failed && !process.env.CABLE_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
      else if (scratch) log(`kept ${scratch} (logs, workspaces, failure screens)`);
    })();
    return cleaning;
  };
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      log(`${signal}: stopping code-server and the browser`);
      interrupted = true;
      failed = true;
      cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    const installed = setup();
    record('setup', 'passed');
    const vsix = ensureVsix();
    compileSuite();
    record('package and compile', 'passed', vsix);

    scratch = mkdtempSync(join(tmpdir(), 'cable-e2e-'));
    const folders = {
      scratch,
      userData: join(scratch, 'user-data'),
      extensions: join(scratch, 'extensions'),
      config: join(scratch, 'code-server.yaml'),
    };
    mkdirSync(join(folders.userData, 'User'), { recursive: true });
    writeFileSync(join(folders.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
    writeFileSync(folders.config, 'auth: none\n');
    const env = isolatedEnvironment(scratch);
    env.CABLE_E2E_RESULT = join(scratch, 'host-result.json');
    if (process.env.CABLE_E2E_GREP) env.CABLE_E2E_GREP = process.env.CABLE_E2E_GREP;

    server = new CodeServer(installed.codeServerBin, folders, env);
    await server.installExtension(vsix);
    await server.start();
    browser = await launchBrowser(installed.playwrightCore, installed.chromiumPath, env, scratch);

    if (only !== 'ui' && !webHost) await runHostSuite(browser, server, scratch);
    if (only !== 'host') await runUiTests(browser, server, scratch);
  } catch (error) {
    record('harness', 'FAILED', error instanceof SetupError ? error.message : (error?.stack ?? String(error)));
  } finally {
    await cleanUp();
  }
  // The signal handler exits once the clean-up is over; nothing more to run.
  if (interrupted) return new Promise(() => {});
  if (only !== 'ui' && only !== 'host' && summary.some((entry) => entry.stage === 'package and compile')) runDesktopSuite();

  console.log('\n[e2e] summary');
  for (const entry of summary) console.log(`  ${entry.outcome.padEnd(7)} ${entry.stage}${entry.detail && entry.outcome !== 'FAILED' ? ` (${entry.detail})` : ''}`);
  const failures = summary.filter((entry) => entry.outcome === 'FAILED').length;
  console.log(`[e2e] ${failures === 0 ? 'all passed' : `${failures} failed`} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  process.exit(failures === 0 ? 0 : 1);
}

await main();
