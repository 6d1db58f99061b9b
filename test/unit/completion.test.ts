// Completion at a `|` cursor: TAGS codes, portion marks, paragraph numbers and sub-paragraph letters,
// REF and reason letters, header keywords, captions, precedence words and DECL dates.
import { applyTextEdits } from '../../server/src/service/textEdits';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completions } from '../../server/src/service/completion';
import { defaultConfig } from '../../server/src/service/config';
import { parse } from '../../server/src/service/parser';
import { builtinVocabulary } from '../../server/src/service/tagVocabulary';
import { corpusDir, corpusFiles, seedPath, withCursor } from '../helpers';
import { completionsAt } from './serviceHelpers';

const seed = fs.readFileSync(seedPath, 'utf8');
const header = 'P R 102030Z OCT 08\nFM SECSTATE WASHDC\nTO AMEMBASSY PARIS PRIORITY\nINFO AMEMBASSY BERLIN\n\nC O N F I D E N T I A L STATE 109154\n\n';
const fields = 'E.O. 12958: DECL: 10/31/2018\nTAGS: PREL FR\n\nSUBJECT: TEST (C)\n\n';

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
const labels = (items: CompletionItem[]) => sorted(items).map((item) => item.label);
const find = (items: CompletionItem[], label: string) => items.find((item) => item.label === label);

/** The text after accepting the item, as the editor applies its textEdit. */
function accept(markedText: string, item: CompletionItem | undefined): string {
  assert.ok(item, 'no such item');
  const { text } = withCursor(markedText);
  return applyTextEdits(text, [item.textEdit as TextEdit]);
}

/** What VS Code filters by: the text from the edit's start to the cursor must prefix-match filterText, case-insensitively. */
function matchesTyped(markedText: string, item: CompletionItem): boolean {
  const { text, position } = withCursor(markedText);
  const line = text.split('\n')[position.line];
  const typed = line.slice((item.textEdit as TextEdit).range.start.character, position.character);
  return (item.filterText ?? item.label).toLowerCase().startsWith(typed.toLowerCase());
}

describe('TAGS completion', () => {
  const emptied = seed.replace(/^TAGS:.*$/m, 'TAGS: |');

  it('on the seed after `TAGS: ` lists PREL with its meaning and ranks FR (Paris) first', () => {
    const items = completionsAt(emptied);
    const prel = find(items, 'PREL');
    assert.ok(prel, 'PREL offered');
    assert.match(prel.detail ?? '', /subject tag: External Political Relations/);
    assert.match(JSON.stringify(prel.documentation), /of 1,283 released cables/);
    assert.equal(labels(items)[0], 'FR');
  });

  it('ranks the addressees countries first (TO before INFO), then by frequency', () => {
    const items = completionsAt(`${header}E.O. 12958: DECL: 10/31/2018\nTAGS: |\n`);
    const order = labels(items);
    assert.deepEqual(order.slice(0, 2), ['FR', 'GM']);
    const vocabulary = builtinVocabulary();
    const rest = order.slice(2, 30).map((code) => vocabulary.get(code)!.count);
    assert.deepEqual(rest, [...rest].sort((a, b) => b - a));
  });

  it('leaves out tags already on the line and replaces the typed prefix', () => {
    const marked = `${header}TAGS: PREL FR pg|\n`;
    const items = completionsAt(marked);
    assert.ok(!find(items, 'PREL') && !find(items, 'FR'));
    const pgov = find(items, 'PGOV')!;
    assert.ok(matchesTyped(marked, pgov));
    assert.match(accept(marked, pgov), /^TAGS: PREL FR PGOV$/m);
  });

  it('keeps a comma-separated line comma-separated', () => {
    const spaced = `${header}TAGS: PREL, FR |\n`;
    const item = find(completionsAt(spaced), 'PGOV')!;
    assert.ok(matchesTyped(spaced, item));
    assert.match(accept(spaced, item), /^TAGS: PREL, FR, PGOV$/m);
    const afterComma = `${header}TAGS: PREL, FR, |\n`;
    assert.match(accept(afterComma, find(completionsAt(afterComma), 'PGOV')), /^TAGS: PREL, FR, PGOV$/m);
    const spaceLine = `${header}TAGS: PREL FR |\n`;
    assert.match(accept(spaceLine, find(completionsAt(spaceLine), 'PGOV')), /^TAGS: PREL FR PGOV$/m);
  });

  it('writes codes in lower case on a lower-case line', () => {
    const marked = `${header}Tags: prel, fr, |\n`;
    assert.match(accept(marked, find(completionsAt(marked), 'PGOV')), /^Tags: prel, fr, pgov$/m);
  });

  it('inserts the space after `TAGS:` typed without one', () => {
    const marked = `${header}TAGS:|\n`;
    assert.match(accept(marked, find(completionsAt(marked), 'PREL')), /^TAGS: PREL$/m);
  });

  it('works on a continuation line, also a new one after a trailing comma', () => {
    const marked = `${header}TAGS: PREL, PGOV,\n|\n\nSUBJECT: X\n`;
    const items = completionsAt(marked);
    assert.ok(!find(items, 'PREL'), 'tags of the first line are left out');
    assert.match(accept(marked, find(items, 'FR')), /^TAGS: PREL, PGOV,\nFR$/m);
  });
});

describe('portion mark completion', () => {
  const body = `${header}${fields}1. (C) First.\n\n`;

  it('after a paragraph number: the marks, with the ones above the banner raising it', () => {
    const marked = `${body}2. |`;
    const items = completionsAt(marked);
    assert.ok(find(items, '(C)') && find(items, '(U)') && find(items, '(S/NF)'));
    assert.match(find(items, '(S)')!.detail ?? '', /raises the banner from CONFIDENTIAL to SECRET/);
    assert.doesNotMatch(find(items, '(C)')!.detail ?? '', /raises/);
    const order = labels(items);
    assert.ok(order.indexOf('(C)') < order.indexOf('(S)'), 'marks within the banner first');
    assert.match(accept(marked, find(items, '(C)')), /^2\. \(C\) $/m);
  });

  it('replaces a typed `(` and the auto-closed `)`', () => {
    const marked = `${body}2. (s|)`;
    const item = find(completionsAt(marked), '(S/NF)')!;
    assert.ok(matchesTyped(marked, item));
    assert.match(accept(marked, item), /^2\. \(S\/NF\) $/m);
  });

  it('after a sub-paragraph letter, at the start of SUBJECT and at the end of a talking point', () => {
    assert.ok(find(completionsAt(`${body}A. |`), '(C)'));
    assert.ok(find(completionsAt(`${header}${fields.replace('SUBJECT: TEST (C)', 'SUBJECT: |TEST')}`), '(C)'));
    const point = `${body}--Note the plenary. (|)`;
    assert.match(accept(point, find(completionsAt(point), '(C)')), /^--Note the plenary\. \(C\)$/m);
  });

  it('not in the middle of ordinary text', () => {
    assert.deepEqual(completionsAt(`${body}The meeting (|) was long.`), []);
  });
});

describe('numbering completion', () => {
  it('the next paragraph number at the start of a line after the last paragraph, then asks for the mark', () => {
    const marked = `${header}${fields}1. (C) First.\n\n2. (C) Second.\n\n|`;
    const item = find(completionsAt(marked), '3. (')!;
    assert.ok(item);
    assert.equal(item.command?.command, 'editor.action.triggerSuggest');
    assert.match(accept(marked, item), /\n3\. \($/);
    assert.ok(find(completionsAt(`${header}${fields}1. (C) First.\n\n2. (C) Second.\n\n3|`), '3. ('), 'a typed digit matches');
  });

  it('the next sub-paragraph letter inside a paragraph', () => {
    const items = completionsAt(`${header}${fields}1. (C) First.\n\nA. (C) One.\n\nB. (C) Two.\n\n|`);
    assert.ok(find(items, 'C. ('));
    assert.ok(find(completionsAt(`${header}${fields}1. (C) First.\n\n|`), 'A. ('));
  });
});

describe('letters: REF and reasons', () => {
  const refs = `${header}${fields.replace('\n\nSUBJECT', '\n\nSUBJECT')}REF: A. STATE 095573\nB. PARIS 1007\n\nClassified By: Pam Durham.\nReason: 1.4 (b) and (d).\n\n`;

  it('REF letters with the text of each reference, in the case of the keyword', () => {
    const upper = completionsAt(`${refs}1. (C) As noted in REF |`);
    assert.deepEqual(labels(upper), ['A', 'B']);
    assert.match(find(upper, 'B')!.detail ?? '', /PARIS 1007/);
    assert.deepEqual(labels(completionsAt(`${refs}1. (C) Per ref |`)), ['a', 'b']);
    assert.deepEqual(labels(completionsAt(`${refs}1. (C) See REFS A AND |`)), ['B']);
  });

  it('reason letters after `1.4 (`, each with its category, leaving out those cited', () => {
    const items = completionsAt(`${header}${fields}Classified By: Pam Durham.\nReason: 1.4 (b), (|\n`);
    assert.ok(!find(items, '(b)'));
    assert.match(find(items, '(d)')!.detail ?? '', /foreign relations/);
    const marked = `${header}${fields}Classified By: Pam Durham.\nReason: 1.4 (B), (|)\n`;
    assert.match(accept(marked, find(completionsAt(marked), '(D)')), /^Reason: 1\.4 \(B\), \(D\)$/m);
  });
});

describe('header completion', () => {
  it('keywords at line start, leaving out fields already present', () => {
    const items = completionsAt(`P R 102030Z OCT 08\nFM SECSTATE WASHDC\n|`);
    assert.deepEqual(labels(items), ['TO', 'INFO', 'E.O.', 'TAGS:', 'SUBJECT:', 'REF:', 'Classified By:']);
    const marked = `P R 102030Z OCT 08\nFM SECSTATE WASHDC\ncla|`;
    const classified = find(completionsAt(marked), 'Classified By:')!;
    assert.ok(matchesTyped(marked, classified));
    assert.match(accept(marked, classified), /\nClassified By: $/);
    assert.match(accept('P R 102030Z OCT 08\n|', find(completionsAt('P R 102030Z OCT 08\n|'), 'E.O.')), /E\.O\. 13526: DECL: $/);
  });

  it('captions after the banner, leaving out those written', () => {
    const items = completionsAt(`${header.trimEnd()}\nSIPDIS\n|\n\n${fields}`);
    assert.ok(find(items, 'NOFORN') && find(items, 'EXDIS'));
    assert.ok(!find(items, 'SIPDIS'));
    assert.match(find(items, 'NODIS')!.detail ?? '', /No Distribution/);
  });

  it('precedence words after an addressee on a TO line, not while typing the post', () => {
    const items = completionsAt('P R 102030Z OCT 08\nFM SECSTATE WASHDC\nTO AMEMBASSY PARIS |\n');
    assert.deepEqual(labels(items), ['FLASH', 'NIACT IMMEDIATE', 'IMMEDIATE', 'PRIORITY', 'ROUTINE']);
    assert.ok(!find(completionsAt('P R 102030Z OCT 08\nFM SECSTATE WASHDC\nTO AMEMBASSY |\n'), 'PRIORITY'));
  });

  it('DECL dates 10 and 25 years after the DTG on the E.O. line', () => {
    const items = completionsAt(`${header}E.O. 12958: DECL: |\n`);
    assert.deepEqual(labels(items), ['10/10/2018', '10/10/2033']);
    assert.match(find(items, '10/10/2033')!.detail ?? '', /25 years after the DTG/);
    const leap = completionsAt('O 291200Z FEB 08\nFM SECSTATE WASHDC\n\nCONFIDENTIAL\n\nEO 12958 DECL: |\n');
    assert.deepEqual(labels(leap), ['02/28/2018', '02/28/2033'], '29 February becomes 28 February');
    const marked = `${header}E.O. 13526: |\n`;
    assert.match(accept(marked, find(completionsAt(marked), '10/10/2018')), /^E\.O\. 13526: DECL: 10\/10\/2018$/m);
  });
});

describe('completion never throws', () => {
  it('at every position of the seed and the corpus, and beyond the end', () => {
    const vocabulary = builtinVocabulary();
    for (const text of [seed, ...corpusFiles().map((name) => fs.readFileSync(path.join(corpusDir, name), 'utf8')), '', '\n\n']) {
      const model = parse(text);
      const context = { uri: 'file:///t.cable', model, config: defaultConfig, vocabulary };
      model.lines.forEach((line, index) => {
        const characters = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Math.floor(line.length / 2), line.length - 1, line.length, line.length + 5]);
        for (const character of characters) assert.ok(Array.isArray(completions(context, { line: index, character: Math.max(0, character) })));
      });
      for (const position of [{ line: model.lines.length, character: 0 }, { line: model.lines.length + 10, character: 40 }, { line: -1, character: -3 }]) {
        assert.ok(Array.isArray(completions(context, position)));
      }
    }
  });
});
