// Bundles the client, the server and the command-line linter into dist/ for Node, and the web client and
// the web worker server into dist/web/ for VS Code in the browser; `vscode` stays external.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'client' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/renderCli.ts', out: 'render', banner: '#!/usr/bin/env node' },
].filter((entry) => fs.existsSync(entry.in));

// The browser builds: no Node module may reach them (the build fails on one: platform 'browser' has no built-ins).
const webEntries = [
  { in: 'client/src/web/extension.ts', out: 'web/client', format: 'cjs' },
  { in: 'server/src/web/server.ts', out: 'web/server', format: 'iife' },
].filter((entry) => fs.existsSync(entry.in));

const webContexts = webEntries.map((entry) =>
  esbuild.context({
    entryPoints: { [entry.out]: entry.in },
    bundle: true,
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    format: entry.format,
    outdir: 'dist',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { CABLE_VERSION: JSON.stringify(version) },
  }),
);

const contexts = await Promise.all([
  ...webContexts,
  ...entries.map((entry) =>
    esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      platform: 'node',
      // The ES module build first: jsonc-parser's `main` is a UMD build with requires esbuild cannot follow.
      mainFields: ['module', 'main'],
      target: 'node18',
      format: 'cjs',
      outdir: 'dist',
      external: ['vscode'],
      sourcemap: !production,
      minify: production,
      legalComments: 'none',
      banner: { js: `${entry.banner ? entry.banner + '\n' : ''}const importMetaUrl = require('url').pathToFileURL(__filename).href;` },
      logLevel: 'warning',
      metafile: true,
      // Bundled ES modules (tinyglobby's fdir) read import.meta.url, which a CommonJS bundle lacks.
      define: { CABLE_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
    }),
  ),
]);

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  for (const context of contexts) {
    await context.rebuild();
    await context.dispose();
  }
  for (const bin of ['dist/cli.js', 'dist/render.js']) if (fs.existsSync(bin)) fs.chmodSync(bin, 0o755);
}
