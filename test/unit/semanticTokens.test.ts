// Semantic tokens: marks and banner by level, citations that resolve or not, known and unknown tags,
// paragraph numbers out of sequence; the LSP encoding, and range requests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { createCableService } from '../../server/src/service';
import { collectSemanticTokens, decodeSemanticTokens, encodeSemanticTokens, semanticTokensLegend } from '../../server/src/service/semanticTokens';
import { builtinVocabulary } from '../../server/src/service/tagVocabulary';
import { seedPath } from '../helpers';

const cable = [
  'P R 051407Z MAR 24',
  'FM SECSTATE WASHDC',
  'TO AMEMBASSY PARIS PRIORITY',
  '',
  'S E C R E T STATE 000123',
  'NOFORN',
  '',
  'E.O. 13526: DECL: 03/05/2034',
  '',
  'TAGS: PREL QQQQ FR',
  '',
  'SUBJECT: TEST (C)',
  '',
  'REF: A. STATE 000111',
  'B. STATE 000112',
  '',
  'Classified By: Office Director Jane Doe.',
  'Reason: 1.4 (b), (d).',
  '',
  '1. (U) Per REF A and REF C, see paragraph 2 and paragraph 9.',
  '',
  '2. (S//NF) Secret text. (REFS A-B)',
  '',
  '4. (SBU) Numbered out of sequence.',
  '',
  '5. (X) An invalid mark.',
  '',
  'RICE',
  'NNNN',
].join('\n');

const service = createCableService({ vocabulary: builtinVocabulary() });
// The service caches a model per URI and version: each text gets its own URI.
const uris = new Map<string, string>();
const document = (text: string) => {
  if (!uris.has(text)) uris.set(text, `file:///tokens-${uris.size}.cable`);
  return { uri: uris.get(text)!, version: 1, getText: () => text };
};
const tokensOf = (text: string, range?: Parameters<typeof collectSemanticTokens>[1]) => collectSemanticTokens(service.contextOf(document(text)), range);
const lines = cable.split('\n');
const textOf = (token: { line: number; character: number; length: number }) => lines[token.line].slice(token.character, token.character + token.length);

describe('semantic tokens', () => {
  const tokens = tokensOf(cable);
  const describeToken = (token: (typeof tokens)[number]) => `${textOf(token)} ${token.type}${token.modifiers.map((modifier) => `.${modifier}`).join('')}`;
  const described = tokens.map(describeToken);

  it('marks carry their level as a modifier, with controls flagged and an invalid mark marked so', () => {
    assert.ok(described.includes('(C) portionMark.confidential'), described.join('\n'));
    assert.ok(described.includes('(U) portionMark.unclassified'));
    assert.ok(described.includes('(S//NF) portionMark.secret.controlled'));
    assert.ok(described.includes('(SBU) portionMark.sbu'));
    assert.ok(described.includes('(X) portionMark.invalid'));
  });

  it('the banner classification carries its level', () => {
    assert.ok(described.includes('S E C R E T classification.secret'), described.join('\n'));
  });

  it('citations that resolve are plain, those that do not are unresolved (letters and paragraph numbers)', () => {
    const citations = tokens.filter((token) => token.type === 'refCitation').map(describeToken);
    assert.deepEqual(citations, ['A refCitation', 'C refCitation.unresolved', 'A refCitation', 'B refCitation']);
    const paragraphs = tokens.filter((token) => token.type === 'paragraphReference').map(describeToken);
    assert.deepEqual(paragraphs, ['2 paragraphReference', '9 paragraphReference.unresolved']);
  });

  it('known tags are plain, unknown tags are unknown', () => {
    assert.deepEqual(tokens.filter((token) => token.type === 'tag').map(describeToken), ['PREL tag', 'QQQQ tag.unknown', 'FR tag']);
  });

  it('paragraph numbers out of sequence are marked', () => {
    assert.deepEqual(tokens.filter((token) => token.type === 'paragraphNumber').map(describeToken), ['1 paragraphNumber', '2 paragraphNumber', '4 paragraphNumber.outOfSequence', '5 paragraphNumber.outOfSequence']);
  });

  it('tokens are in document order and never overlap', () => {
    for (let index = 1; index < tokens.length; index++) {
      const [previous, token] = [tokens[index - 1], tokens[index]];
      assert.ok(previous.line < token.line || (previous.line === token.line && previous.character + previous.length <= token.character), `${describeToken(previous)} / ${describeToken(token)}`);
    }
  });

  it('encodes as LSP relative integers that decode back to the same tokens', () => {
    const data = service.semanticTokens(document(cable));
    assert.equal(data.length, tokens.length * 5);
    assert.deepEqual(data, encodeSemanticTokens(tokens));
    const decoded = decodeSemanticTokens(data, semanticTokensLegend);
    assert.deepEqual(decoded, tokens.map((token) => ({ ...token, modifiers: [...token.modifiers].sort((a, b) => semanticTokensLegend.tokenModifiers.indexOf(a) - semanticTokensLegend.tokenModifiers.indexOf(b)) })));
    // The first token's line is absolute; a later one on the same line is relative to the previous start.
    const firstMark = lines.findIndex((line) => line.startsWith('1. (U)'));
    const onLine = tokens.filter((token) => token.line === firstMark);
    assert.ok(onLine.length >= 3);
  });

  it('a range request returns only the tokens within the range', () => {
    const start = lines.findIndex((line) => line.startsWith('1. (U)'));
    const range = { start: { line: start, character: 0 }, end: { line: start + 2, character: 0 } };
    const inRange = tokensOf(cable, range);
    assert.ok(inRange.length > 0);
    assert.ok(inRange.every((token) => token.line === start), inRange.map(describeToken).join(', '));
    assert.deepEqual(inRange, tokens.filter((token) => token.line === start));
    const partial = tokensOf(cable, { start: { line: start, character: 0 }, end: { line: start, character: 8 } });
    assert.deepEqual(partial.map(describeToken), ['1 paragraphNumber', '(U) portionMark.unclassified']);
    assert.deepEqual(service.semanticTokens(document(cable), range), encodeSemanticTokens(inRange));
  });

  it('the seed: 14 out of sequence, REFS D-J resolved, every mark confidential or unclassified', () => {
    const seed = fs.readFileSync(seedPath, 'utf8');
    const seedLines = seed.split('\n');
    const seedTokens = tokensOf(seed);
    const numbers = seedTokens.filter((token) => token.type === 'paragraphNumber');
    assert.deepEqual(numbers.map((token) => [seedLines[token.line].slice(token.character, token.character + token.length), token.modifiers.join()]), [['1', ''], ['2', ''], ['3', ''], ['14', 'outOfSequence']]);
    assert.ok(seedTokens.filter((token) => token.type === 'refCitation').every((token) => token.modifiers.length === 0));
    assert.ok(seedTokens.filter((token) => token.type === 'portionMark').every((token) => ['confidential', 'unclassified'].includes(token.modifiers[0])));
    assert.ok(seedTokens.filter((token) => token.type === 'tag').every((token) => token.modifiers.length === 0), 'the seed\'s tags are all known');
  });

  it('REFTEL resolves only when the cable has a reference', () => {
    const withRef = 'REF: STATE 000111\n\n1. (U) Per reftel, text.\n\n2. (U) More.';
    const withoutRef = '1. (U) Per reftel, text.\n\n2. (U) More.';
    const reftel = (text: string) => tokensOf(text).filter((token) => token.type === 'refCitation').map((token) => token.modifiers.join());
    assert.deepEqual(reftel(withRef), ['']);
    assert.deepEqual(reftel(withoutRef), ['unresolved']);
  });
});
