// The WebAssembly keyword scan finds exactly the starts a case-insensitive regex finds line by line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateCable } from '../../bench/generate';
import { findKeywords, KEYWORD_GROUP, MAX_SCANNED_UNITS } from '../../server/src/service/keywordScan';
import { parse, splitLines } from '../../server/src/service/parser';
import { corpusDir, corpusFiles, repoRoot, seedPath } from '../helpers';

/** The meaning of the scan, as the parser's per-line regex states it: block words, REF, PARA at a word start. */
const ORACLE_RE = /\b(?:(begin|end|summary|comment|(?:note|background)\s*:)|(ref)|(para))/gi;

function expectedStarts(text: string): Array<[number, number]> {
  const starts: Array<[number, number]> = [];
  let offset = 0;
  for (const line of splitLines(text).lines) {
    ORACLE_RE.lastIndex = 0;
    for (let match = ORACLE_RE.exec(line); match; match = ORACLE_RE.exec(line)) {
      const group = match[1] !== undefined ? KEYWORD_GROUP.block : match[2] !== undefined ? KEYWORD_GROUP.citation : KEYWORD_GROUP.xref;
      starts.push([offset + match.index, group]);
    }
    offset += line.length;
    offset += text.startsWith('\r\n', offset) ? 2 : 1;
  }
  return starts;
}

function scannedStarts(text: string): Array<[number, number]> {
  const found = findKeywords(text);
  assert.ok(found, 'WebAssembly runs here');
  return Array.from(found.offsets, (offset, index) => [offset, found.groups[index]]);
}

describe('keyword scan', () => {
  it('keywordScanModule.ts is built from keywordScan.wat', () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cable-wasm-')), 'keywordScanModule.ts');
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-wasm.mjs'), output]);
    const committed = fs.readFileSync(path.join(repoRoot, 'server', 'src', 'service', 'keywordScanModule.ts'), 'utf8');
    assert.equal(committed, fs.readFileSync(output, 'utf8'), 'run: node scripts/build-wasm.mjs');
  });

  it('finds every keyword in any case, at word starts only, with the colon NOTE and BACKGROUND need', () => {
    const text = 'See REF A, per ref b and (Refs C-D); para 3, PARAS 4-5.\r\nNOTE: one\nnote two\rBACKGROUND :\n' + 'xref _ref ref1 prefer 2ref\tEnd Summary. BEGIN TEXT comment\u2028note\u00a0: ÉREF \u0152ref';
    const starts = scannedStarts(text);
    assert.deepEqual(starts, expectedStarts(text));
    const words = starts.map(([offset]) => /^\w+/.exec(text.slice(offset))![0]);
    assert.deepEqual(words, ['REF', 'ref', 'Refs', 'para', 'PARAS', 'NOTE', 'BACKGROUND', 'ref1', 'End', 'Summary', 'BEGIN', 'comment', 'note', 'REF', 'ref']);
  });

  it('agrees with the regex on the corpus, the seed and generated cables', () => {
    const texts = [...corpusFiles().map((file) => fs.readFileSync(path.join(corpusDir, file), 'utf8')), fs.readFileSync(seedPath, 'utf8')];
    for (let seed = 1; seed <= 5; seed++) texts.push(generateCable({ seed, paragraphs: 40 }));
    for (const text of texts) assert.deepEqual(scannedStarts(text), expectedStarts(text));
  });

  it('agrees with the regex on arbitrary text made of keywords, separators and non-ASCII characters', () => {
    const pieces = ['REF', 'ref', 'Ref', 'rEf', 'PARA', 'para', 'NOTE', 'Note', 'BACKGROUND', 'background', 'END', 'end', 'BEGIN', 'Summary', 'COMMENT', 'x', '_', '7', ' ', '\t', ':', ' :', '\n', '\r\n', '\r', '\u2028', '\u00a0', 'é', '\u0152', '\u2019', '\u8000', '\u007f', '(', '-'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(scannedStarts(text), expectedStarts(text));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a text above its limit to the line-by-line scan, and the parser still finds every citation', () => {
    const line = 'See REF A and para 2 of the note.\n';
    const text = line.repeat(Math.ceil((MAX_SCANNED_UNITS + 1) / line.length));
    assert.equal(findKeywords(text), undefined);
    const model = parse(`1. (U) Text.\n${text}`);
    assert.equal(model.refCitations.length, model.paragraphXrefs.length);
    assert.ok(model.refCitations.length > 1000);
  });

  it('scans only the first characters it is asked to', () => {
    const found = findKeywords('REF A para 3 REF B', 12);
    assert.deepEqual(Array.from(found!.offsets), [0, 6]);
  });
});
