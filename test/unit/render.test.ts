// The renderer behind the preview, Export as HTML and cable-render (issue 20): pages of pageLines printed
// rows with the banner on each, page numbers, escaping, links to REF entries and paragraphs, marks
// shaded by level, and every word of a real cable kept in order.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from '../../server/src/service/parser';
import { EXPORT_CSP, printedRows, renderBody, renderDocument, renderPages } from '../../server/src/service/render';
import { corpusDir, corpusFiles, readFixture } from '../helpers';

const seed = readFixture('seed.cable');

/** The visible text of rendered HTML: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<\/(?:div|header|footer|span class="banner")>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function cable(body: string[], banner = 'C O N F I D E N T I A L STATE 012345'): string {
  return ['P 121530Z MAR 09', 'FM SECSTATE WASHDC', 'TO AMEMBASSY PARIS', '', banner, '', 'E.O. 13526: DECL: 03/12/2019', 'TAGS: PREL, FR', 'SUBJECT: (U) TEST', '', ...body, '', 'CLINTON', '', 'NNNN'].join('\n');
}

describe('renderer', () => {
  it('cuts pages at pageLines printed rows, each with the banner at the top and bottom and Page n of N', () => {
    const body = Array.from({ length: 30 }, (_, index) => `${index + 1}. (C) Paragraph ${index + 1}.`);
    const model = parse(cable(body));
    const pages = renderPages(model, { pageLines: 20, pageBanner: 'overall' });
    assert.equal(pages.length, Math.ceil(model.lines.length / 20));
    assert.deepEqual(pages.map((page) => page.first), pages.map((_, index) => index * 20));
    assert.ok(pages.every((page) => page.banner === 'CONFIDENTIAL'));
    const html = renderBody(model, { pageLines: 20, pageBanner: 'overall' });
    const sections = html.split('<section').slice(1);
    assert.equal(sections.length, pages.length);
    sections.forEach((section, index) => {
      assert.match(section, /^[^>]*><header class="banner">CONFIDENTIAL<\/header>/);
      assert.match(section, new RegExp(`<footer><span class="banner">CONFIDENTIAL</span><span class="page-number">Page ${index + 1} of ${pages.length}</span></footer></section>`));
    });
  });

  it('counts a long line by the rows it prints on', () => {
    assert.equal(printedRows('x'.repeat(80), 80), 1);
    assert.equal(printedRows(`${'word '.repeat(30)}`.trim(), 80), 2);
    const long = `1. (C) ${'a long sentence of the paragraph '.repeat(12)}`;
    const pages = renderPages(parse(cable([long, '', '2. (C) Short.'])), { pageLines: 16, pageBanner: 'overall' });
    assert.ok(pages.length >= 2, 'the wrapped line pushes the rest to a second page');
  });

  it('with pageBanner page, each page carries the highest mark on it', () => {
    // The header's 10 lines, paragraph 1 and 14 blank lines fill the first page of 25.
    const body = ['1. (U) Open.', ...Array.from({ length: 14 }, () => ''), '2. (S) Secret.', '3. (C) Confidential.'];
    const pages = renderPages(parse(cable(body, 'S E C R E T STATE 012345')), { pageLines: 25, pageBanner: 'page' });
    assert.deepEqual(pages.map((page) => page.banner), ['UNCLASSIFIED', 'SECRET']);
  });

  it('escapes the text and shows a web-copy link as its text', () => {
    const html = renderBody(parse(cable(['[1](#). (U) Costs <5% & "more" than \'planned\'.'])), { pageLines: 60, pageBanner: 'overall' });
    assert.ok(html.includes('1. <span class="mark mark-u">(U)</span> Costs &lt;5% &amp; &quot;more&quot; than &#39;planned&#39;.'), html);
    assert.ok(!html.includes('](#)'));
  });

  it('links REF citations to their entries and cross-references to their paragraphs, and shades marks by level', () => {
    const model = parse(seed);
    const html = renderBody(model, { pageLines: 60, pageBanner: 'overall' });
    assert.match(html, /<a class="ref" href="#ref-c">REF C<\/a>/);
    assert.match(html, /id="ref-c"/);
    assert.match(html, /<a class="xref" href="#para-3">paragraph 3<\/a>/);
    assert.match(html, /id="para-3"/);
    assert.match(html, /<span class="mark mark-c">\(C\)<\/span>/);
    assert.match(html, /<span class="mark mark-u">\(U\)<\/span>/);
  });

  it('shows findings in the margin beside their line', () => {
    const html = renderBody(parse(seed), { pageLines: 60, pageBanner: 'overall', notes: [{ line: 3, message: 'A <finding>', severity: 'warning' }] });
    assert.match(html, /data-line="3"[^>]*>.*<span class="notes"><span class="note note-warning" title="A &lt;finding&gt;">A &lt;finding&gt;<\/span><\/span><\/div>/);
  });

  it('an exported page: inline style, a CSP that allows no script, and no script', () => {
    const page = renderDocument(parse(seed), { title: 'seed <draft>.cable', csp: EXPORT_CSP, pageLines: 60, pageBanner: 'overall' });
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;[^"]*script-src &#39;none&#39;">/);
    assert.ok(!page.includes('<script'));
    assert.match(page, /<title>seed &lt;draft&gt;\.cable<\/title>/);
    assert.match(page, /@media print/);
  });

  it('keeps every word of every real cable, in order', () => {
    for (const file of corpusFiles()) {
      const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
      const shown = visibleText(renderBody(parse(text), { pageLines: 60, pageBanner: 'overall' }));
      const words = text.replace(/\[([^\]]*)\]\(#\)/g, '$1').split(/\s+/).filter(Boolean);
      let from = 0;
      for (const word of words) {
        const found = shown.indexOf(word, from);
        assert.ok(found >= 0, `${file}: "${word}" is missing or out of order`);
        from = found + word.length;
      }
    }
  });
});
