// Unit tests of the workspace index: key normalisation, header-only summaries, resolution, the
// features it feeds (links, hover, definition, references on the banner) and the indexer over real folders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import * as references from '../../server/src/service/references';
import { CableIndex, SUBJECT_LIMIT, headerEnd, headerText, messageRefKey, normaliseMessageReference } from '../../server/src/service/workspaceIndex';
import { WorkspaceIndexer, readHeader } from '../../server/src/workspaceIndexing';
import { corpusDir, corpusFiles, readFixture } from '../helpers';
import { cable, contextFor, textOf } from './refHelpers';

const seedText = readFixture('seed.cable');
const seedUri = 'file:///w/seed.cable';
const referencedUri = 'file:///w/08STATE106288.cable';
const referencedText = cable({ banner: 'S E C R E T STATE 106288', body: ['1. (S) Plenary proposals.', '2. (S) x'] }).replace('TEST SUBJECT (C)', 'MTCR PLENARY PROPOSALS (S)');

function positionOf(text: string, needle: string, offset = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + offset };
}

describe('workspace index: keys', () => {
  it('normalises the written forms of a message reference the same way', () => {
    assert.equal(messageRefKey('STATE', '109154', 2008), '08STATE109154');
    assert.equal(messageRefKey('SECSTATE', '074879', 2009), '09STATE74879');
    assert.equal(normaliseMessageReference('08 STATE 95573'), '08STATE95573');
    assert.equal(normaliseMessageReference('08 STATE 095573'), '08STATE95573');
    assert.equal(normaliseMessageReference('08STATE095573'), '08STATE95573');
    assert.equal(normaliseMessageReference('SECSTATE 95573', 2008), '08STATE95573');
    assert.equal(normaliseMessageReference('PARIS 001007', 2007), '07PARIS1007');
    assert.equal(normaliseMessageReference('SMITH-DURHAM E MAIL OF 10-08-08'), undefined);
  });
});

describe('workspace index: the index', () => {
  it('summarises a cable from its header: key, classification, subject, date, references', () => {
    const index = new CableIndex();
    const entry = index.update(seedUri, seedText)!;
    assert.equal(entry.key, '08STATE109154');
    assert.equal(entry.classification, 'CONFIDENTIAL');
    assert.equal(entry.level, 'C');
    assert.match(entry.subject!, /^MISSILE TECHNOLOGY CONTROL REGIME \(MTCR\): GUIDANCE/);
    assert.equal(entry.date, '2008-10-10');
    assert.equal(entry.cites.length, 10);
    assert.equal(index.lookup('08 STATE 109154')?.uri, seedUri);
    assert.equal(index.lookup('08STATE0109154')?.uri, seedUri);
  });

  it('reads only the header: it stops at the first paragraph', () => {
    const header = headerText(seedText);
    assert.match(header, /REF: A\. SMITH-DURHAM/);
    assert.doesNotMatch(header, /This is an action request/);
    assert.equal(headerText(seedText.replace(/\n/g, '\r\n')), header, 'CRLF lines end the same way');
  });

  it('tells when the text ends before the header does', () => {
    const header = headerText(seedText);
    assert.equal(headerEnd(header), undefined, 'no paragraph yet: more may follow');
    assert.equal(seedText.slice(0, headerEnd(seedText)).trimEnd(), header.trimEnd());
    assert.equal(headerEnd('A\nB\nC\n', 2), 4, 'at most maxLines lines');
  });

  it('keeps a long subject cut to its limit, and the cited references with their places', () => {
    const longTitle = 'LONG '.repeat(100).trim();
    const entry = new CableIndex().update(seedUri, seedText.replace(/^SUBJECT: .*$/m, `SUBJECT: ${longTitle}`))!;
    assert.equal(entry.subject!.length, SUBJECT_LIMIT);
    assert.ok(longTitle.startsWith(entry.subject!.slice(0, -1)));
    const cited = entry.cites.find((reference) => reference.serial === '106288')!;
    assert.equal(cited.post, 'STATE');
    assert.equal(textOf(contextFor(seedText, new CableIndex(), seedUri).model, cited.range), 'STATE 106288');
  });

  it('resolves a reference without a year in the citing year, the year before, or when only one matches', () => {
    const index = new CableIndex();
    index.update(referencedUri, referencedText);
    const reference = { text: 'STATE 106288', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, post: 'STATE', serial: '106288' };
    assert.equal(index.resolve(reference, 2008)?.uri, referencedUri);
    assert.equal(index.resolve(reference, 2009)?.uri, referencedUri, 'January cables cite December ones');
    assert.equal(index.resolve(reference)?.uri, referencedUri, 'the only STATE 106288 indexed');
    assert.equal(index.resolve({ ...reference, year: 2010 }), undefined);
    index.update('file:///w/other.cable', referencedText.replace('OCT 08', 'OCT 05'));
    assert.equal(index.resolve(reference), undefined, 'ambiguous across years');
    assert.equal(index.resolve(reference, 2008)?.uri, referencedUri);
  });

  it('lists the cables that cite a cable, and follows updates and removals', () => {
    const index = new CableIndex();
    index.update(seedUri, seedText);
    index.update(referencedUri, referencedText);
    assert.deepEqual(
      index.citing('08STATE106288').map((entry) => entry.uri),
      [seedUri],
    );
    index.update(seedUri, seedText.replace('[C](#). STATE 106288', '[C](#). STATE 999999'));
    assert.deepEqual(index.citing('08STATE106288'), []);
    index.remove(referencedUri);
    assert.equal(index.lookup('08STATE106288'), undefined);
    assert.equal(index.size, 1);
  });
});

describe('workspace index: the corpus', () => {
  const index = new CableIndex();
  const files = corpusFiles();
  for (const file of files) index.update(`file:///corpus/${file}`, fs.readFileSync(path.join(corpusDir, file), 'utf8'));

  it('keys each released cable by the reference its file is named after', () => {
    const indexed = index.all();
    assert.ok(indexed.length >= files.length - 1, `${indexed.length} of ${files.length} indexed`);
    for (const cable of indexed) assert.equal(`${cable.key}.cable`, path.basename(cable.uri));
  });

  it('finds which released cables cite which, with and without a written year', () => {
    // 09 STATE 127892 cites USNATO 464 (no year written); 10 STATE 7810 cites `09 STATE 127892`.
    assert.deepEqual(
      index.citing('09USNATO464').map((cable) => cable.key),
      ['09STATE127892'],
    );
    assert.deepEqual(
      index.citing('09STATE127892').map((cable) => cable.key),
      ['10STATE7810'],
    );
  });
});

describe('workspace index: features', () => {
  const index = new CableIndex();
  index.update(seedUri, seedText);
  index.update(referencedUri, referencedText);
  const seed = contextFor(seedText, index, seedUri);

  it('links a REF entry that names an indexed cable', () => {
    const links = references.documentLinks(seed);
    assert.equal(links.length, 1);
    assert.equal(links[0].target, referencedUri);
    assert.equal(textOf(seed.model, links[0].range), 'STATE 106288');
  });

  it('hovers with the referenced cable subject, classification and date, on the entry and on REF C', () => {
    for (const position of [positionOf(seedText, '[C](#). STATE 106288', 10), positionOf(seedText, '(REF C)', 5)]) {
      const hover = references.referenceHover(seed, position);
      const value = (hover?.contents as { value: string }).value;
      assert.match(value, /MTCR PLENARY PROPOSALS/);
      assert.match(value, /Classification: SECRET/);
      assert.match(value, /Date: 2008-10-10/);
    }
  });

  it('goes to the referenced cable from its REF entry', () => {
    const [location] = references.definition(seed, positionOf(seedText, '[C](#). STATE 106288', 10));
    assert.equal(location.uri, referencedUri);
    assert.equal(location.range.start.line, 4, 'the banner line of the referenced cable');
  });

  it('finds the cables that cite a banner', () => {
    const referenced = contextFor(referencedText, index, referencedUri);
    const locations = references.findReferences(referenced, positionOf(referencedText, 'STATE 106288', 3), false);
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri, seedUri);
    assert.equal(textOf(seed.model, locations[0].range), 'STATE 106288');
  });
});

describe('workspace indexing over folders', () => {
  let root: string;
  const uriOf = (...parts: string[]) => pathToFileURL(path.join(root, ...parts)).href;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-index-'));
    fs.mkdirSync(path.join(root, 'drafts', 'old'), { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules', 'pkg'), { recursive: true });
    fs.mkdirSync(path.join(root, '.git'), { recursive: true });
    fs.writeFileSync(path.join(root, 'seed.cable'), seedText);
    fs.writeFileSync(path.join(root, 'drafts', 'old', 'referenced.cable'), referencedText);
    fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'skipped.cable'), referencedText.replace('106288', '1'));
    fs.writeFileSync(path.join(root, '.git', 'skipped.cable'), referencedText.replace('106288', '2'));
    fs.writeFileSync(path.join(root, 'notes.txt'), referencedText.replace('106288', '3'));
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('indexes nested folders, skipping node_modules and .git', async () => {
    const indexer = new WorkspaceIndexer();
    assert.equal(await indexer.scan([pathToFileURL(root).href]), 2);
    assert.equal(indexer.index.lookup('08STATE106288')?.uri, uriOf('drafts', 'old', 'referenced.cable'));
    assert.equal(indexer.index.lookup('08STATE1'), undefined);
    assert.equal(indexer.index.lookup('08STATE2'), undefined);
  });

  it('follows workspace folders added and removed', async () => {
    const indexer = new WorkspaceIndexer();
    const drafts = pathToFileURL(path.join(root, 'drafts')).href;
    await indexer.foldersChanged([drafts], []);
    assert.equal(indexer.index.lookup('08STATE106288')?.uri, uriOf('drafts', 'old', 'referenced.cable'));
    assert.equal(indexer.index.byUri(uriOf('seed.cable')), undefined, 'the seed is outside the only folder');
    await indexer.foldersChanged([pathToFileURL(root).href], [drafts]);
    assert.ok(indexer.index.byUri(uriOf('seed.cable')), 'the added folder is indexed');
    await indexer.foldersChanged([], [pathToFileURL(root).href]);
    assert.equal(indexer.index.lookup('08STATE106288'), undefined, 'nothing is left of a removed folder');
  });

  it('follows created, changed and deleted files, and reports a change', async () => {
    let changes = 0;
    let changed!: () => void;
    const firstChange = new Promise<void>((resolve) => (changed = resolve));
    const indexer = new WorkspaceIndexer({
      onChanged: () => {
        changes++;
        changed();
      },
    });
    await indexer.scan([pathToFileURL(root).href]);
    const added = path.join(root, 'added.cable');
    fs.writeFileSync(added, referencedText.replace('106288', '555'));
    await indexer.filesChanged([{ uri: pathToFileURL(added).href, type: 1 }]);
    assert.equal(indexer.index.lookup('08STATE555')?.uri, pathToFileURL(added).href);
    fs.writeFileSync(added, referencedText.replace('106288', '556'));
    await indexer.filesChanged([{ uri: pathToFileURL(added).href, type: 2 }]);
    assert.equal(indexer.index.lookup('08STATE555'), undefined);
    assert.ok(indexer.index.lookup('08STATE556'));
    fs.rmSync(added);
    await indexer.filesChanged([{ uri: pathToFileURL(added).href, type: 3 }]);
    assert.equal(indexer.index.lookup('08STATE556'), undefined);
    await firstChange;
    assert.ok(changes >= 1, 'onChanged called after the debounce');
    indexer.dispose();
  });

  it('prefers an open document over the file on disk', async () => {
    const open = new Set<string>();
    const indexer = new WorkspaceIndexer({ isOpen: (uri) => open.has(uri) });
    await indexer.scan([pathToFileURL(root).href]);
    const seedFile = uriOf('seed.cable');
    open.add(seedFile);
    indexer.documentChanged(seedFile, seedText.replace('STATE 109154', 'STATE 777'));
    assert.equal(indexer.index.lookup('08STATE777')?.uri, seedFile);
    await indexer.filesChanged([{ uri: seedFile, type: 2 }]);
    assert.ok(indexer.index.lookup('08STATE777'), 'a disk event does not override the open text');
    open.delete(seedFile);
    await indexer.documentClosed(seedFile);
    assert.equal(indexer.index.lookup('08STATE777'), undefined);
    assert.ok(indexer.index.lookup('08STATE109154'));
  });

  it('reads only the first bytes of a large file', async () => {
    const large = path.join(root, 'large.cable');
    fs.writeFileSync(large, referencedText + '\n' + 'x'.repeat(2_000_000));
    const header = await readHeader(large);
    assert.equal(header, referencedText.slice(0, headerEnd(referencedText)), 'up to the first paragraph');
    fs.writeFileSync(large, 'x\n'.repeat(100_000));
    assert.ok((await readHeader(large)).length <= 16 * 1024, 'no paragraph: at most 16 KB');
    fs.writeFileSync(large, referencedText + '\n' + 'x'.repeat(2_000_000));
    const indexer = new WorkspaceIndexer();
    await indexer.scan([pathToFileURL(root).href]);
    assert.equal(indexer.index.size, 3);
    fs.rmSync(large);
  });

  it('stays fast with thousands of files', async () => {
    const many = path.join(root, 'many');
    fs.mkdirSync(many);
    for (let serial = 1; serial <= 3000; serial++) {
      fs.writeFileSync(path.join(many, `c${serial}.cable`), referencedText.replace('STATE 106288', `PARIS ${serial}`));
    }
    const indexer = new WorkspaceIndexer();
    const started = Date.now();
    const indexed = await indexer.scan([pathToFileURL(root).href]);
    const elapsed = Date.now() - started;
    assert.equal(indexed, 3002);
    assert.equal(indexer.index.lookup('08PARIS2999')?.uri, pathToFileURL(path.join(many, 'c2999.cable')).href);
    assert.ok(elapsed < 8000, `3,000 cables indexed in ${elapsed} ms`);
    fs.rmSync(many, { recursive: true });
  });
});
