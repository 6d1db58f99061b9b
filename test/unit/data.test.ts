// The vocabularies as data: tags.json's shape and coverage against ../shared/data, the extra-tags
// parser, "did you mean" suggestions, post -> country lookup and the other small tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';
import tagsFile from '../../server/src/service/data/tags.json';
import { builtinTags, nearestTags, parseExtraTagsTsv, editDistance, TAG_KINDS, type TagInfo } from '../../server/src/service/data/tags';
import { countryOfPost, postInfo, postCountries } from '../../server/src/service/data/posts';
import { reasons, reasonForLetter } from '../../server/src/service/data/reasons';
import { precedenceByLetter, precedenceByWord } from '../../server/src/service/data/precedences';
import { exemptionForCode, exemptions } from '../../server/src/service/data/declassification';
import { executiveOrderInfo } from '../../server/src/service/data/executiveOrders';
import { captionInfo, controlInfo, levelInfo, markCombinations } from '../../server/src/service/data/markings';
import { LEVELS } from '../../server/src/service/model';

// The shared facts the vocabulary is built from (scripts/build-tags.mjs reads the same place).
// Copies of tag_counts.tsv and fips10-4.tsv from ../shared/data, so the test runs on a machine without shared/.
const sharedData = process.env.CABLE_SHARED_DATA ?? path.join(repoRoot, 'test', 'fixtures', 'data');

function readTsv(name: string): string[][] {
  const lines = fs.readFileSync(path.join(sharedData, name), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(1).map((line) => line.split('\t'));
}

const rawTags = (tagsFile as { sources: Record<string, string>; tags: { code: string; kind: string; meaning?: string; source: string; count: number }[] });

test('tags.json: every entry has a code, a known kind, a resolvable source and a numeric count', () => {
  assert.ok(rawTags.tags.length > 500);
  for (const entry of rawTags.tags) {
    assert.match(entry.code, /^[A-Z0-9][A-Z0-9-]*$/, JSON.stringify(entry));
    assert.ok((TAG_KINDS as readonly string[]).includes(entry.kind), `${entry.code}: kind ${entry.kind}`);
    assert.ok(rawTags.sources[entry.source], `${entry.code}: source key ${entry.source} not in sources`);
    assert.equal(typeof entry.count, 'number');
    assert.ok(Number.isInteger(entry.count) && entry.count >= 0, `${entry.code}: count ${entry.count}`);
    if (entry.meaning !== undefined) assert.ok(entry.meaning.trim().length > 0, `${entry.code}: empty meaning`);
  }
});

test('tags.json: codes are unique and builtinTags holds them all', () => {
  const codes = rawTags.tags.map((entry) => entry.code);
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(builtinTags.size, codes.length);
  assert.equal(builtinTags.get('PREL')?.kind, 'subject');
  assert.match(builtinTags.get('PREL')?.source ?? '', /PlusD|FAH/, 'source keys are resolved to their text');
});

test('tags.json: no meaning or source is marked UNVERIFIED, and inferred meanings say so', () => {
  for (const entry of rawTags.tags) {
    assert.doesNotMatch(entry.meaning ?? '', /UNVERIFIED/i, entry.code);
  }
  for (const text of Object.values(rawTags.sources)) assert.doesNotMatch(text, /UNVERIFIED/i);
  const pter = builtinTags.get('PTER');
  assert.ok(pter?.meaning);
  assert.match(pter.source, /inferred from usage in released cables/);
});

test('tags.json: dated 1974 meanings are replaced by current ones', () => {
  assert.equal(builtinTags.get('WTO')?.meaning, 'World Trade Organization');
  assert.notEqual(builtinTags.get('WTO')?.source, rawTags.sources['tags-1974']);
});

test('tags.json: the 100 most frequent tags of tag_counts.tsv all have a meaning', () => {
  const top = readTsv('tag_counts.tsv').slice(0, 100);
  for (const [code, count] of top) {
    const tag = builtinTags.get(code);
    assert.ok(tag, `${code} missing`);
    assert.ok(tag.meaning, `${code} has no meaning`);
    assert.equal(tag.count, Number(count), `${code} count`);
  }
});

test('tags.json: every subject and geographic tag seen in tag_counts.tsv has a meaning; absent tags count 0', () => {
  const counts = new Map(readTsv('tag_counts.tsv').map(([code, count]) => [code, Number(count)]));
  for (const tag of builtinTags.values()) {
    assert.equal(tag.count, counts.get(tag.code) ?? 0, `${tag.code} count`);
    if (counts.has(tag.code) && (tag.kind === 'subject' || tag.kind === 'geographic')) {
      assert.ok(tag.meaning, `${tag.code} (${tag.kind}, seen ${counts.get(tag.code)} times) has no meaning`);
    }
  }
});

test('tags.json: every FIPS 10-4 code is a geographic tag named as in fips10-4.tsv', () => {
  const fips = readTsv('fips10-4.tsv');
  assert.ok(fips.length > 250);
  for (const [code, , name] of fips) {
    if (code === '-') continue; // a place FIPS 10-4 gives no code
    const tag = builtinTags.get(code);
    assert.equal(tag?.kind, 'geographic', code);
    assert.ok(tag?.meaning?.split('; ').includes(name), `${code}: ${tag?.meaning} lacks ${name}`);
  }
  assert.equal(builtinTags.get('-'), undefined);
  assert.equal(builtinTags.get('GM')?.meaning, 'Germany');
  assert.equal(builtinTags.get('SP')?.meaning, 'Spain');
});

test('parseExtraTagsTsv: reads codes, kinds and meanings, with header, comments and blank lines', () => {
  const text = 'code\tkind\tmeaning\n# our post\'s own tags\n\nkxyz\tprogram\tPost program XYZ\nZZTOP\torganisation\t\nQQ\tgeo\tSomewhere\r\n';
  const { tags, errors } = parseExtraTagsTsv(text, 'extra.tsv');
  assert.deepEqual(errors, []);
  assert.deepEqual(
    tags.map((tag) => [tag.code, tag.kind, tag.meaning, tag.source, tag.count]),
    [
      ['KXYZ', 'program', 'Post program XYZ', 'extra.tsv', 0],
      ['ZZTOP', 'organization', undefined, 'extra.tsv', 0],
      ['QQ', 'geographic', 'Somewhere', 'extra.tsv', 0],
    ],
  );
});

test('parseExtraTagsTsv: malformed lines are skipped with the file name and line number', () => {
  const text = 'KAAA\tprogram\tFine\nKBBB program no tabs\nK@@\tsubject\tBad code\nKCCC\tweird\tBad kind\nKAAA\tprogram\tAgain\nKDDD\tsubject\tAlso fine\n';
  const { tags, errors } = parseExtraTagsTsv(text, 'tags/extra.tsv');
  assert.deepEqual(tags.map((tag) => tag.code), ['KAAA', 'KDDD']);
  assert.equal(errors.length, 4);
  assert.match(errors[0], /^tags\/extra\.tsv:2: /);
  assert.match(errors[1], /^tags\/extra\.tsv:3: .*K@@/);
  assert.match(errors[2], /^tags\/extra\.tsv:4: .*unknown kind "weird"/);
  assert.match(errors[3], /^tags\/extra\.tsv:5: .*twice/);
});

test('nearestTags: suggests close codes, nearest and most frequent first', () => {
  assert.ok(nearestTags('PRLE', builtinTags.values()).includes('PREL'));
  assert.equal(nearestTags('PRLE', builtinTags.values())[0], 'PREL');
  assert.equal(nearestTags('PGOB', builtinTags.values())[0], 'PGOV');
  assert.ok(nearestTags('PTRE', builtinTags.values(), 5).includes('PTER'));
  assert.ok(nearestTags('PREL', builtinTags.values()).every((code) => code !== 'PREL'), 'never suggests the code itself');
  assert.ok(nearestTags('PRLE', builtinTags.values(), 2).length <= 2);
  assert.deepEqual(nearestTags('QQQQQQQQ', builtinTags.values()), []);
  const vocabulary: TagInfo[] = [
    { code: 'ABCD', kind: 'subject', source: 't', count: 1 },
    { code: 'ABCE', kind: 'subject', source: 't', count: 9 },
  ];
  assert.deepEqual(nearestTags('ABCF', vocabulary), ['ABCE', 'ABCD']);
  assert.equal(editDistance('PRLE', 'PREL'), 1);
  assert.equal(editDistance('', 'ABC'), 3);
});

test('countryOfPost: embassies, consulates, routing prefixes, precedence and serials', () => {
  assert.equal(countryOfPost('AMEMBASSY PARIS'), 'FR');
  assert.equal(countryOfPost('TO AMEMBASSY PARIS'), 'FR');
  assert.equal(countryOfPost('AMCONSUL RIO DE JANEIRO'), 'BR');
  assert.equal(countryOfPost('RUEHFR/AMEMBASSY PARIS PRIORITY 1234'), 'FR');
  assert.equal(countryOfPost('amembassy canberra immediate'), 'AS');
  assert.equal(countryOfPost('AMEMBASSY LONDON'), 'UK');
  assert.equal(countryOfPost('AMEMBASSY BERLIN'), 'GM');
  assert.equal(countryOfPost('AMEMBASSY MADRID'), 'SP');
  assert.equal(countryOfPost('AMEMBASSY MOSCOW'), 'RS');
  assert.equal(countryOfPost('AMEMBASSY BAGHDAD NIACT IMMEDIATE'), 'IZ');
  assert.equal(countryOfPost('AMEMBASSY TEHRAN'), 'IR');
  assert.equal(countryOfPost('AMCONSUL CAPE TOWN'), 'SF');
  assert.equal(countryOfPost('USDELMC BRUSSELS BE'), undefined, 'the NATO military committee delegation is not Belgium');
  assert.equal(countryOfPost('USNATO'), undefined);
  assert.equal(postInfo('USMISSION USNATO')?.organization, 'NATO');
  assert.equal(postInfo('USEU BRUSSELS')?.organization, 'EUN');
  assert.equal(postInfo('USMISSION USUN NEW YORK')?.organization, 'UN');
  assert.equal(countryOfPost('SECSTATE WASHDC'), undefined);
  assert.equal(countryOfPost('AMEMBASSY ATLANTIS'), undefined);
});

test('posts: every country code is a geographic tag, and the table covers 150 cities', () => {
  assert.ok(postCountries.size >= 150, `${postCountries.size} cities`);
  for (const [city, code] of postCountries) assert.equal(builtinTags.get(code)?.kind, 'geographic', `${city} -> ${code}`);
});

test('posts: every embassy and consulate addressed in the corpus has a country', () => {
  const corpus = path.join(repoRoot, 'test', 'fixtures', 'corpus');
  const unknown = new Set<string>();
  for (const file of fs.readdirSync(corpus).filter((name) => name.endsWith('.cable'))) {
    const text = fs.readFileSync(path.join(corpus, file), 'utf8');
    for (const match of text.matchAll(/\b(?:AMEMBASSY|AMCONSUL) [A-Z][A-Z ]*/g)) {
      if (countryOfPost(match[0]) === undefined) unknown.add(match[0]);
    }
  }
  assert.deepEqual([...unknown], []);
});

test('reasons: letters a-h, each with a category, looked up case-insensitively', () => {
  assert.deepEqual(reasons.map((reason) => reason.letter), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  for (const reason of reasons) assert.ok(reason.category.length > 10, reason.letter);
  assert.match(reasonForLetter('B')?.category ?? '', /foreign government information/);
  assert.match(reasonForLetter('d')?.category ?? '', /foreign relations/);
  assert.equal(reasonForLetter('i'), undefined);
});

test('precedences, exemptions, executive orders, markings: lookups', () => {
  assert.equal(precedenceByLetter.get('Z')?.word, 'FLASH');
  assert.equal(precedenceByLetter.get('O')?.word, 'IMMEDIATE');
  assert.equal(precedenceByLetter.get('P')?.word, 'PRIORITY');
  assert.equal(precedenceByLetter.get('R')?.word, 'ROUTINE');
  assert.equal(precedenceByWord.get('NIACT IMMEDIATE')?.letter, undefined);

  for (let n = 1; n <= 9; n++) assert.equal(exemptionForCode(`25x${n}`)?.obsolete, false, `25X${n}`);
  assert.equal(exemptionForCode('50X1-HUM')?.obsolete, false);
  assert.equal(exemptionForCode('50X2-WMD')?.obsolete, false);
  for (const code of ['OADR', 'MR', 'X1', 'X8']) assert.equal(exemptionForCode(code)?.obsolete, true, code);
  assert.equal(exemptionForCode('25X10'), undefined);
  assert.ok(exemptions.every((exemption) => exemption.source.length > 0));

  for (const order of [11652, 12065, 12356, 12958, 13292, 13526]) assert.ok(executiveOrderInfo.get(order)?.year, String(order));
  assert.equal(executiveOrderInfo.get(13526)?.year, 2009);

  for (const level of LEVELS) assert.ok(levelInfo.get(level)?.name, level);
  assert.equal(controlInfo('NF')?.name, 'NOFORN');
  assert.equal(controlInfo('rel nato')?.name, 'REL TO');
  for (const caption of ['SIPDIS', 'NOFORN', 'SENSITIVE', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS', 'EFTO']) {
    assert.ok(captionInfo.get(caption)?.meaning, caption);
  }
  for (const combination of markCombinations) {
    assert.match(combination.mark, /^\((U|SBU|C|S|TS)(\/{1,2}[A-Z ]+)*\)$/, combination.mark);
    assert.ok(combination.mark.startsWith(`(${combination.level}`), combination.mark);
  }
});
