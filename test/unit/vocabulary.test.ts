// The TAGS vocabulary in force: the built-in codes, the user's extra file and its error messages, and
// the "did you mean" suggestions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinVocabulary, isSubjectTag, loadTagVocabulary, suggestTags } from '../../server/src/service/tagVocabulary';

const files = (contents: Record<string, string>) => (file: string): string => {
  if (!(file in contents)) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
  return contents[file];
};

describe('built-in vocabulary', () => {
  it('knows PREL as a subject tag with its meaning, case-insensitively', () => {
    const vocabulary = builtinVocabulary();
    const prel = vocabulary.get('prel');
    assert.equal(prel?.code, 'PREL');
    assert.equal(prel?.kind, 'subject');
    assert.match(prel?.meaning ?? '', /political relations/i);
    assert.ok(isSubjectTag(vocabulary, 'PGOV'));
    assert.ok(!isSubjectTag(vocabulary, 'FR'), 'FR is geographic');
    assert.equal(vocabulary.get('FR')?.kind, 'geographic');
  });

  it('lists entries most frequent first', () => {
    const counts = [...builtinVocabulary().entries()].map((entry) => entry.count);
    assert.ok(counts.length > 500);
    for (let index = 1; index < counts.length; index++) assert.ok(counts[index - 1] >= counts[index], `entry ${index} out of order`);
  });

  it('suggests the nearest known codes for a typo', () => {
    assert.equal(suggestTags(builtinVocabulary(), 'PRLE')[0], 'PREL');
    assert.ok(suggestTags(builtinVocabulary(), 'PGOVV').includes('PGOV'));
    assert.deepEqual(suggestTags(builtinVocabulary(), 'QQQQQQQQ'), []);
    assert.deepEqual(suggestTags(builtinVocabulary(), 'MTCR'), ['MTCRE'], 'only the nearest, not codes two edits away');
  });
});

describe('loadTagVocabulary', () => {
  it('without an extra file is the built-in vocabulary, with no message', () => {
    const { vocabulary, errors } = loadTagVocabulary(undefined, files({}));
    assert.deepEqual(errors, []);
    assert.equal(vocabulary.get('PREL')?.kind, 'subject');
  });

  it("adds the user's tags to the built-in ones", () => {
    const { vocabulary, errors } = loadTagVocabulary('/ws/tags.tsv', files({ '/ws/tags.tsv': 'code\tkind\tmeaning\nXPOC\tsubject\tPoint of contact meetings\nzzorg\torganisation\tOur club\n' }));
    assert.deepEqual(errors, []);
    assert.equal(vocabulary.get('XPOC')?.meaning, 'Point of contact meetings');
    assert.equal(vocabulary.get('XPOC')?.kind, 'subject');
    assert.equal(vocabulary.get('ZZORG')?.kind, 'organization');
    assert.equal(vocabulary.get('PREL')?.kind, 'subject', 'built-ins stay');
    assert.ok([...vocabulary.entries()].some((entry) => entry.code === 'XPOC'));
  });

  it("a user's entry for a built-in code takes the user's meaning and keeps the count", () => {
    const builtinCount = builtinVocabulary().get('PREL')!.count;
    const { vocabulary } = loadTagVocabulary('t.tsv', files({ 't.tsv': 'PREL\tsubject\tForeign relations (our wording)\n' }));
    assert.equal(vocabulary.get('PREL')?.meaning, 'Foreign relations (our wording)');
    assert.equal(vocabulary.get('PREL')?.count, builtinCount);
  });

  it('a missing file gives a message naming it, and the built-in vocabulary stays', () => {
    const { vocabulary, errors } = loadTagVocabulary('/ws/missing.tsv', files({}));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /\/ws\/missing\.tsv/);
    assert.match(errors[0], /built-in/);
    assert.equal(vocabulary.get('PREL')?.kind, 'subject');
  });

  it('a malformed line gives a message naming the file and line; good lines are kept', () => {
    const { vocabulary, errors } = loadTagVocabulary('x.tsv', files({ 'x.tsv': 'XGOOD\tsubject\tFine\nXBAD\tweather\tNo such kind\nonlyonefield\n' }));
    assert.equal(vocabulary.get('XGOOD')?.meaning, 'Fine');
    assert.equal(vocabulary.get('XBAD'), undefined);
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors[0], /^x\.tsv:2: .*weather/);
    assert.match(errors[1], /^x\.tsv:3: /);
    assert.ok(vocabulary.get('PREL'));
  });

  it('an empty file says it defines no tags', () => {
    const { errors } = loadTagVocabulary('empty.tsv', files({ 'empty.tsv': '# nothing yet\n' }));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /empty\.tsv.*no tags/);
  });
});
