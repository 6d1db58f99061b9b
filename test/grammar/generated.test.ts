// Grammar: the committed JSON is what syntaxes/build-grammar.mjs produces (edit the builder, not the JSON).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { grammarPath, projectRoot } from './grammarHelper';

test('cable.tmLanguage.json is up to date with build-grammar.mjs', () => {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cable-grammar-')), 'cable.tmLanguage.json');
  execFileSync(process.execPath, [path.join(projectRoot, 'syntaxes', 'build-grammar.mjs'), output]);
  assert.equal(fs.readFileSync(grammarPath, 'utf8'), fs.readFileSync(output, 'utf8'), 'run: node syntaxes/build-grammar.mjs syntaxes/cable.tmLanguage.json');
});

test('the grammar JSON uses no (?i): case-insensitive parts are spelled as [Xx] classes for speed', () => {
  assert.ok(!fs.readFileSync(grammarPath, 'utf8').includes('(?i'));
});
