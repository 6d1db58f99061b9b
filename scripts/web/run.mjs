// `npm run test:web`: the web worker language server (dist/web/server.js) in headless Chromium, driven
// over postMessage as VS Code in the browser drives it: the seed's diagnostics, a REF hover, TAGS
// completion, renumbering, the outline and a .cablerc.json sent by the client; then the extension in
// code-server's browser-side extension host. Uses the e2e setup (Debian's chromium, playwright-core).
/* global window -- page.evaluate callbacks run in the page */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot, setup } from '../e2e/setup.mjs';

const serverBundle = join(repoRoot, 'dist', 'web', 'server.js');
const seed = readFileSync(join(repoRoot, 'test', 'e2e', 'workspace', 'seed.cable'), 'utf8');
const draft = readFileSync(join(repoRoot, 'test', 'e2e', 'workspace', 'draft.cable'), 'utf8');
const secretCable = readFileSync(join(repoRoot, 'test', 'e2e', 'cableignore', 'received', 'secret.cable'), 'utf8');
const refCheck = readFileSync(join(repoRoot, 'test', 'e2e', 'cableignore', 'refcheck.cable'), 'utf8');
const results = [];

/** A page that runs the worker and speaks JSON-RPC to it, answering the requests a client answers. */
const pageHtml = `<!doctype html><meta charset="utf-8"><script>
  const worker = new Worker('/server.js');
  const pending = new Map();
  window.notifications = [];
  window.appliedEdits = [];
  window.workerErrors = [];
  let nextId = 1;
  worker.onerror = (event) => window.workerErrors.push(String(event.message));
  worker.onmessage = ({ data }) => {
    if (data.id !== undefined && data.method === undefined) {
      const entry = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) entry.reject(new Error(data.error.message)); else entry.resolve(data.result);
    } else if (data.id !== undefined) {
      let result = null;
      if (data.method === 'workspace/configuration') result = data.params.items.map(() => null);
      if (data.method === 'workspace/applyEdit') { window.appliedEdits.push(data.params); result = { applied: true }; }
      worker.postMessage({ jsonrpc: '2.0', id: data.id, result });
    } else {
      window.notifications.push(data);
    }
  };
  window.request = (method, params) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
  window.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
</script>`;

function serve() {
  const server = createServer((request, response) => {
    if (request.url === '/server.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(readFileSync(serverBundle));
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(pageHtml);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function check(name, run) {
  try {
    await run();
    results.push(['passed', name]);
  } catch (error) {
    results.push(['FAILED', `${name}: ${error?.stack ?? error}`]);
  }
}

async function workerTests(browser) {
  const server = await serve();
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const uri = 'vscode-vfs://github/cable-team/cables/seed.cable';
    await check('the worker server initializes and announces the features', async () => {
      const result = await page.evaluate(() => window.request('initialize', { processId: null, rootUri: null, capabilities: {} }));
      await page.evaluate(() => window.notify('initialized', {}));
      for (const provider of ['hoverProvider', 'completionProvider', 'renameProvider', 'semanticTokensProvider', 'codeActionProvider']) assert.ok(result.capabilities[provider], provider);
    });
    await check('opening the seed publishes its diagnostics', async () => {
      await page.evaluate(({ uri, text }) => window.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } }), { uri, text: seed });
      const published = await page.waitForFunction((uri) => window.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)?.params, uri, { timeout: 20_000 });
      const params = await published.jsonValue();
      assert.equal(params.version, 1);
      assert.ok(params.diagnostics.every((d) => /^CBL\d{3}$/.test(d.code) && d.source === 'cable'), JSON.stringify(params.diagnostics.slice(0, 2)));
    });
    await check('a hover on REF C names STATE 106288', async () => {
      const lines = seed.split('\n');
      const line = lines.findIndex((text) => text.includes('(REF C)'));
      const hover = await page.evaluate(({ uri, position }) => window.request('textDocument/hover', { textDocument: { uri }, position }), { uri, position: { line, character: lines[line].indexOf('(REF C)') + 5 } });
      assert.match(hover.contents.value, /STATE 106288/);
    });
    await check('completion after TAGS: PR offers PREL with its meaning', async () => {
      const draftUri = 'vscode-vfs://github/cable-team/cables/draft.cable';
      const lines = draft.split('\n');
      const line = lines.findIndex((text) => text.startsWith('TAGS:'));
      lines[line] = 'TAGS: PR';
      await page.evaluate(({ uri, text }) => window.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } }), { uri: draftUri, text: lines.join('\n') });
      const items = await page.evaluate(({ uri, position }) => window.request('textDocument/completion', { textDocument: { uri }, position }), { uri: draftUri, position: { line, character: 'TAGS: PR'.length } });
      const list = Array.isArray(items) ? items : items.items;
      const prel = list.find((item) => item.label === 'PREL' || item.label?.label === 'PREL');
      assert.ok(prel, `${list.length} items, no PREL`);
      assert.match(JSON.stringify(prel), /External Political Relations/i);
    });
    await check('Renumber Paragraphs sends the edit that makes 14. paragraph 4.', async () => {
      const result = await page.evaluate((uri) => window.request('workspace/executeCommand', { command: 'cable.renumberParagraphs', arguments: [uri] }), uri);
      assert.ok(result.changes > 0, JSON.stringify(result));
      const [applied] = await page.evaluate(() => window.appliedEdits);
      const edits = applied.edit.documentChanges[0].edits;
      const line = seed.split('\n').findIndex((text) => /^14\. \(U\)/.test(text));
      assert.ok(edits.some((edit) => edit.range.start.line === line && edit.newText === '4'), JSON.stringify(edits.slice(0, 3)));
    });
    await check('the outline of the seed: paragraphs with their sections', async () => {
      const symbols = await page.evaluate((uri) => window.request('textDocument/documentSymbol', { textDocument: { uri } }), uri);
      assert.ok(Array.isArray(symbols) && symbols.length > 3, JSON.stringify(symbols).slice(0, 300));
      // As the client library tells a DocumentSymbol from a SymbolInformation (it converts the list by its first entry).
      const isUinteger = (value) => Number.isInteger(value) && value >= 0;
      const isRange = (range) => range && isUinteger(range.start?.line) && isUinteger(range.start?.character) && isUinteger(range.end?.line) && isUinteger(range.end?.character);
      const bad = [];
      const walk = (list) => list.forEach((symbol) => {
        if (!(typeof symbol.name === 'string' && isUinteger(symbol.kind) && isRange(symbol.range) && isRange(symbol.selectionRange) && (symbol.detail === undefined || typeof symbol.detail === 'string'))) bad.push(symbol);
        walk(symbol.children ?? []);
      });
      walk(symbols);
      assert.deepEqual(bad.slice(0, 2), [], 'every symbol is a well-formed DocumentSymbol');
    });
    await check('a cable the client sends for the index is found by a REF (CBL030), and goes when removed', async () => {
      const folder = 'vscode-vfs://github/cable-team/cables';
      await page.evaluate(({ uri, text }) => window.notify('cable/workspaceCables', { cables: [{ uri, text }] }), { uri: `${folder}/received/secret.cable`, text: secretCable });
      await page.evaluate(({ uri, text }) => window.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } }), { uri: `${folder}/refcheck.cable`, text: refCheck });
      await page.waitForFunction((uri) => window.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.some((d) => d.code === 'CBL030')), `${folder}/refcheck.cable`, { timeout: 20_000 });
      await page.evaluate(({ uri }) => window.notify('cable/workspaceCables', { cables: [], removed: [uri] }), { uri: `${folder}/received/secret.cable` });
      await page.waitForFunction((uri) => {
        const all = window.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        return all.length > 0 && !all[all.length - 1].params.diagnostics.some((d) => d.code === 'CBL030');
      }, `${folder}/refcheck.cable`, { timeout: 20_000 });
    });
    await check('cables the client sends whole for the workspace check get their problems published unopened, and cleared when removed', async () => {
      const uri = 'vscode-vfs://github/cable-team/cables/unopened/unmarked.cable';
      const unmarked = draft.replace(/^1\. \(U\) /m, '1. ');
      await page.evaluate(({ uri, text }) => window.notify('cable/workspaceTexts', { cables: [{ uri, text }] }), { uri, text: unmarked });
      /** Waits until the last diagnostics published for the cable have (or have not) a CBL001. */
      const lastPublished = (hasCbl001) => page.waitForFunction(({ uri, hasCbl001 }) => {
        const all = window.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        return all.length > 0 && all[all.length - 1].params.diagnostics.some((d) => d.code === 'CBL001') === hasCbl001;
      }, { uri, hasCbl001 }, { timeout: 20_000 });
      await lastPublished(true);
      // Opened and mended, it is checked as open; closed again, its problems are those of the text as read.
      await page.evaluate(({ uri, text }) => window.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } }), { uri, text: draft });
      await lastPublished(false);
      await page.evaluate((uri) => window.notify('textDocument/didClose', { textDocument: { uri } }), uri);
      await lastPublished(true);
      await page.evaluate((uri) => window.notify('cable/workspaceTexts', { cables: [], removed: [uri] }), uri);
      await page.waitForFunction((uri) => {
        const all = window.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        return all.length > 0 && all[all.length - 1].params.diagnostics.length === 0;
      }, uri, { timeout: 20_000 });
    });
    await check('a checked cable that cites another is checked again when the cited cable enters or leaves the index', async () => {
      const folder = 'vscode-vfs://github/cable-team/checked';
      const citing = `${folder}/refcheck.cable`;
      const cited = `${folder}/received/secret.cable`;
      /** Waits until the last diagnostics published for the citing cable have (or have not) a CBL030. */
      const lastPublished = (hasCbl030) => page.waitForFunction(({ uri, hasCbl030 }) => {
        const all = window.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        return all.length > 0 && all[all.length - 1].params.diagnostics.some((d) => d.code === 'CBL030') === hasCbl030;
      }, { uri: citing, hasCbl030 }, { timeout: 20_000 });
      // Checked before the index knows either cable (as when the check starts while the headers are read).
      await page.evaluate(({ uri, text }) => window.notify('cable/workspaceTexts', { cables: [{ uri, text }] }), { uri: citing, text: refCheck });
      await lastPublished(false);
      await page.evaluate((cables) => window.notify('cable/workspaceCables', { cables }), [{ uri: citing, text: refCheck }, { uri: cited, text: secretCable }]);
      await lastPublished(true);
      await page.evaluate((uri) => window.notify('cable/workspaceCables', { cables: [], removed: [uri] }), cited);
      await lastPublished(false);
      await page.evaluate((uri) => window.notify('cable/workspaceTexts', { cables: [], removed: [uri] }), citing);
    });
    await check('a .cablerc.json the client sends applies to the cables below it, with its overrides; a bad key is a diagnostic in it', async () => {
      const folder = 'vscode-vfs://github/cable-team/cables';
      const text = '{\n  // received cables are kept for reference\n  "overrides": [{ "files": ["received/**"], "rules": { "CBL001": "off" } }],\n  "rules": { "CBL001": "warning" },\n}';
      const unmarked = draft.replace(/^1\. \(U\) /m, '1. ');
      const published = (uri) => page.waitForFunction((uri) => {
        const all = window.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        return all.length > 0 && all[all.length - 1].params.diagnostics.filter((d) => d.code === 'CBL001').map((d) => d.severity).join(',') + '|' + all.length;
      }, uri, { timeout: 20_000 }).then((handle) => handle.jsonValue());
      const draftUri = `${folder}/drafts/memo.cable`;
      const receivedUri = `${folder}/received/old.cable`;
      for (const uri of [draftUri, receivedUri]) await page.evaluate(({ uri, text }) => window.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } }), { uri, text: unmarked });
      assert.match(await published(draftUri), /^1\|/, 'before: CBL001 is an error');
      await page.evaluate(({ uri, text }) => window.notify('cable/configFiles', { files: [{ uri, text }] }), { uri: `${folder}/.cablerc.json`, text });
      await page.waitForFunction((uri) => window.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length >= 2, receivedUri, { timeout: 20_000 });
      assert.match(await published(draftUri), /^2\|/, 'the file makes CBL001 a warning');
      assert.match(await published(receivedUri), /^\|/, 'and turns it off in received/');
      // A bad key: a diagnostic at its line in the file itself.
      const bad = `${folder}/.cablerc.json`;
      await page.evaluate(({ uri }) => window.notify('cable/configFiles', { files: [{ uri, text: '{\n  "rules": { "CBL999": "off" }\n}' }] }), { uri: bad });
      const problems = await page.waitForFunction((uri) => {
        const all = window.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        return all.length > 0 && all[all.length - 1].params.diagnostics.length > 0 && all[all.length - 1].params.diagnostics;
      }, bad, { timeout: 20_000 }).then((handle) => handle.jsonValue());
      assert.equal(problems[0].range.start.line, 1);
      assert.match(problems[0].message, /"rules\.CBL999": no rule has that id or alias/);
    });
    await check('the worker reported no error', async () => {
      assert.deepEqual(await page.evaluate(() => window.workerErrors), []);
      const logged = await page.evaluate(() => window.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message));
      assert.deepEqual(logged, []);
    });
  } finally {
    await page.close();
    server.close();
  }
}

/** cable-render's page printed to PDF in Chromium: each printed page starts and ends with the banner. */
async function printTests(browser) {
  const out = mkdtempSync(join(tmpdir(), 'cable-print-'));
  const page = await browser.newPage();
  try {
    await check('cable-render writes a page that prints with the banner at the top and bottom of every page, and Page n of N', async () => {
      execFileSync(process.execPath, [join(repoRoot, 'dist', 'render.js'), join(repoRoot, 'test', 'e2e', 'workspace', 'seed.cable'), '--out', out, '--page-lines', '40']);
      const html = readFileSync(join(out, 'seed.html'), 'utf8');
      const sections = (html.match(/<section class="page"/g) ?? []).length;
      assert.ok(sections >= 3, `${sections} pages`);
      await page.goto(pathToFileURL(join(out, 'seed.html')).href);
      const pdf = await page.pdf({ format: 'Letter', printBackground: true, preferCSSPageSize: true });
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
      assert.equal(document.numPages, sections, 'one printed page per page of the cable');
      for (let number = 1; number <= document.numPages; number++) {
        const content = await (await document.getPage(number)).getTextContent();
        // Rows from the top of the page down (PDF y grows upwards), each row's pieces joined.
        const rows = new Map();
        for (const item of content.items) {
          if (!item.str.trim()) continue;
          const y = Math.round(item.transform[5]);
          rows.set(y, `${rows.get(y) ?? ''} ${item.str}`.trim());
        }
        const lines = [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, text]) => text.replace(/\s+/g, ' '));
        assert.equal(lines[0], 'CONFIDENTIAL', `page ${number} starts with the banner: ${lines.slice(0, 2).join(' | ')}`);
        assert.match(lines[lines.length - 1], new RegExp(`^CONFIDENTIAL ?Page ${number} of ${document.numPages}$`), `page ${number} ends with the banner and its number: ${lines.slice(-2).join(' | ')}`);
      }
      // Every word of the cable is on the pages, in order (a web-copy link shows as its text).
      const words = readFileSync(join(repoRoot, 'test', 'e2e', 'workspace', 'seed.cable'), 'utf8').replace(/\[([^\]]*)\]\(#\)/g, '$1').split(/\s+/).filter(Boolean);
      const printed = [];
      for (let number = 1; number <= document.numPages; number++) {
        const content = await (await document.getPage(number)).getTextContent();
        printed.push(content.items.map((item) => item.str).join(' '));
      }
      // Rows break where the page wraps (after a hyphen too): compare without white space.
      const text = printed.join('').replace(/\s+/g, '');
      let from = 0;
      for (const word of words) {
        const found = text.indexOf(word, from);
        assert.ok(found >= 0, `"${word}" is printed after the word before it`);
        from = found + word.length;
      }
    });
  } finally {
    await page.close();
    rmSync(out, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run npm run build first`);
  const installed = setup();
  const { chromium } = createRequire(import.meta.url)(installed.playwrightCore);
  const browser = await chromium.launch({ executablePath: installed.chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await workerTests(browser);
    await printTests(browser);
  } finally {
    await browser.close();
  }
  for (const [outcome, name] of results) console.log(`[web] ${outcome}  ${name}`);
  const failed = results.filter(([outcome]) => outcome !== 'passed').length;
  console.log(`[web] ${failed === 0 ? 'all passed' : `${failed} failed`} (${results.length} checks)`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
