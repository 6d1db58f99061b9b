// Idempotent setup of what the editor tests need, outside the main dependency tree:
// Debian packages, then code-server and playwright-core in the git-ignored `.e2e-cache/`.
// Usage: `node scripts/e2e/setup.mjs` (also imported by run.mjs).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repoRoot, '.e2e-cache');
export const chromiumPath = '/usr/bin/chromium';

// 4.100.3 (VS Code 1.100.3) is the newest code-server whose engines accept Node 20.
export const codeServerVersion = '4.100.3';
export const playwrightCoreVersion = '1.65.1';

// @vscode/ripgrep looks for this tarball before fetching rg from GitHub (unreachable here).
const ripgrepCacheFolder = 'vscode-ripgrep-cache-1.15.11';
const ripgrepTarball = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function log(message) {
  console.log(`[e2e setup] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  }
}

function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function installedVersion(packageName) {
  const manifest = join(cacheDir, 'node_modules', packageName, 'package.json');
  if (!existsSync(manifest)) return undefined;
  try {
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}

export const codeServerBin = join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function needsNpmInstall() {
  return installedVersion('code-server') !== codeServerVersion ||
    installedVersion('playwright-core') !== playwrightCoreVersion ||
    !existsSync(codeServerBin);
}

/** Installs the missing Debian packages (as root) or explains what to install. */
function ensureDebianPackages(packages) {
  const missing = packages.filter((name) => !isDebianPackageInstalled(name));
  if (missing.length === 0) return;
  if (!isRoot) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(' ')}\n` +
      `  install them as root:  apt-get update && apt-get install -y ${missing.join(' ')}\n` +
      '  then run this again.');
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

/** Puts Debian's rg where @vscode/ripgrep's install step looks before downloading. */
function prepareRipgrepCache(tmpDir) {
  const folder = join(tmpDir, ripgrepCacheFolder);
  mkdirSync(folder, { recursive: true });
  const tarball = join(folder, ripgrepTarball);
  if (!existsSync(tarball)) run('tar', ['-czf', tarball, '-C', '/usr/bin', 'rg']);
}

function installNodePackages() {
  mkdirSync(cacheDir, { recursive: true });
  // A manifest of its own, so npm does not climb up to the repository's package.json.
  const manifest = join(cacheDir, 'package.json');
  if (!existsSync(manifest)) {
    writeFileSync(manifest, JSON.stringify({ name: 'cable-e2e-cache', private: true }, null, 2) + '\n');
  }
  const tmpDir = join(cacheDir, 'tmp');
  prepareRipgrepCache(tmpDir);
  log(`installing code-server@${codeServerVersion} and playwright-core@${playwrightCoreVersion} ` +
    'into .e2e-cache (a few minutes, native builds)');
  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    // node-gyp builds against the local headers instead of downloading them.
    npm_config_nodedir: '/usr',
    // node-pty's install step runs `npx node-gyp`, which a no-prompt npm would cancel.
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const args = ['install', '--no-save', '--no-package-lock'];
  // As root, code-server's own install step needs it (npm 11 warns but passes it on).
  if (isRoot) args.push('--unsafe-perm=true');
  args.push(`code-server@${codeServerVersion}`, `playwright-core@${playwrightCoreVersion}`);
  run('npm', args, { cwd: cacheDir, env });
  if (needsNpmInstall()) throw new SetupError('npm install finished but code-server or playwright-core is missing');
}

export class SetupError extends Error {}

/** Makes sure everything is installed; returns the paths run.mjs needs. */
export function setup() {
  const installNeeded = needsNpmInstall();
  // The build tools are only needed while code-server's native modules are built.
  ensureDebianPackages(installNeeded ? ['chromium', 'ripgrep', 'libkrb5-dev'] : ['chromium']);
  if (installNeeded) installNodePackages();
  else log(`code-server ${codeServerVersion} and playwright-core ${playwrightCoreVersion} already installed`);
  if (!existsSync(chromiumPath)) throw new SetupError(`${chromiumPath} not found after setup`);
  return {
    codeServerBin,
    playwrightCore: join(cacheDir, 'node_modules', 'playwright-core', 'index.js'),
    chromiumPath,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setup();
    log('ready');
  } catch (error) {
    console.error(`[e2e setup] FAILED: ${error instanceof SetupError ? error.message : error.stack ?? error}`);
    process.exit(1);
  }
}
