// The packaged .vsix holds the bundles, grammar, snippets, language configuration, docs (the rule pages the
// diagnostics link to, the README's images) and icon, and nothing else.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers';

/** Lists the file names in a zip archive from its central directory. */
function zipEntries(archive: Buffer): string[] {
  const endOfCentral = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfCentral >= 0, 'not a zip archive');
  const count = archive.readUInt16LE(endOfCentral + 10);
  let offset = archive.readUInt32LE(endOfCentral + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(archive.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    names.push(archive.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the packaged extension', () => {
  it('holds what the extension needs and no sources, tests or node_modules', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cable-vsix-')), 'cable.vsix');
    // Packages the bundles the test run built; vsce adds the manifest and content types.
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: repoRoot, stdio: 'pipe' });
    // vsce stores README.md and CHANGELOG.md in lower case and LICENSE as LICENSE.txt.
    const entries = zipEntries(fs.readFileSync(out)).map((name) => name.replace(/^extension\//, ''));
    const has = (name: string) => entries.some((entry) => entry.toLowerCase() === name.toLowerCase());
    for (const required of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js', 'syntaxes/cable.tmLanguage.json', 'snippets/cable.code-snippets', 'language-configuration.json', 'README.md', 'CHANGELOG.md', 'LICENSE.txt', 'images/icon.png']) {
      assert.ok(has(required), `missing ${required}: ${entries.join(', ')}`);
    }
    // The details page renders README.md from the installed extension: its relative links and images resolve there.
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const relativeLinks = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/i.test(target));
    assert.ok(relativeLinks.includes('docs/rules.md') && relativeLinks.includes('docs/images/seed-editor.png'), relativeLinks.join(', '));
    for (const target of new Set(relativeLinks)) assert.ok(has(target), `README links ${target}, which is not in the package`);
    // One package for the desktop and the browser: both entries point into it.
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.ok(has(manifest.main.replace(/^\.\//, '')) && has(manifest.browser.replace(/^\.\//, '')), `${manifest.main}, ${manifest.browser}`);
    for (const entry of entries) {
      assert.ok(!entry.startsWith('node_modules/'), `node_modules in the package: ${entry}`);
      assert.ok(!/\.ts$/.test(entry) && !entry.startsWith('server/src') && !entry.startsWith('client/src'), `source in the package: ${entry}`);
      assert.ok(!entry.startsWith('test/') && !entry.startsWith('out/'), `tests in the package: ${entry}`);
      assert.ok(!entry.endsWith('.map'), `source map in the package: ${entry}`);
    }
  });
});
