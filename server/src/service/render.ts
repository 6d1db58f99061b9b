// The cable as it will be read: telegram pages in a monospace face, each with the banner at its top and
// bottom (32 CFR 2001.21: the overall classification, or with `page` the highest on that page) and
// "Page n of N", portion marks shaded by level, REF citations linked to their entries and cross-references
// to their paragraphs. One renderer for the editor's preview, Export as HTML and cable-render. Every word
// of the cable is kept, in order; a web-copy link `[1](#)` shows as its text. Pure: no DOM, no Node.
import { levelRank, type CableModel, type Level } from './model';
import { levelName } from './rules/support';

export type PageBanner = 'overall' | 'page';

export interface RenderOptions {
  /** Printed lines per page, not counting the banners (a long line wraps and counts each of its rows). */
  pageLines: number;
  pageBanner: PageBanner;
  /** Characters per printed row. */
  width?: number;
  /** Findings to show in the margin beside their line (the editor's preview). */
  notes?: ReadonlyArray<{ line: number; message: string; severity: 'error' | 'warning' | 'info' }>;
}

export interface RenderedPage {
  /** Zero-based cable lines on this page: [first, last]. */
  first: number;
  last: number;
  banner: string;
  html: string;
}

export const DEFAULT_PAGE_LINES = 60;
const DEFAULT_WIDTH = 80;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** A stretch of one line drawn in an element: a mark, or a link. */
interface Decoration {
  start: number;
  end: number;
  open: string;
  close: string;
}

/** Per line: its decorations, and the characters of web-copy links that are not shown (`[`, `](#)`). */
interface LineParts {
  decorations: Decoration[];
  hidden: Array<[number, number]>;
  id?: string;
}

function partsOf(model: CableModel): Map<number, LineParts> {
  const parts = new Map<number, LineParts>();
  const at = (line: number): LineParts => {
    let entry = parts.get(line);
    if (!entry) parts.set(line, (entry = { decorations: [], hidden: [] }));
    return entry;
  };
  for (const artifact of model.artifacts) {
    const { range, inner } = artifact;
    if (range.startLine !== range.endLine) continue;
    at(range.startLine).hidden.push([range.startCharacter, inner.range.startCharacter], [inner.range.endCharacter, range.endCharacter]);
  }
  for (const mark of model.marks) {
    if (mark.range.startLine !== mark.range.endLine) continue;
    const level = mark.level ? mark.level.toLowerCase() : 'invalid';
    at(mark.range.startLine).decorations.push({ start: mark.range.startCharacter, end: mark.range.endCharacter, open: `<span class="mark mark-${level}">`, close: '</span>' });
  }
  const entries = model.refs?.entries ?? [];
  for (const entry of entries) if (entry.letter) at(entry.range.startLine).id ??= `ref-${entry.letter.toLowerCase()}`;
  for (const citation of model.refCitations) {
    const letter = citation.letters[0];
    if (!letter || citation.range.startLine !== citation.range.endLine || !entries.some((entry) => entry.letter === letter)) continue;
    at(citation.range.startLine).decorations.push({ start: citation.range.startCharacter, end: citation.range.endCharacter, open: `<a class="ref" href="#ref-${letter.toLowerCase()}">`, close: '</a>' });
  }
  for (const paragraph of model.paragraphs) at(paragraph.number.range.startLine).id ??= `para-${paragraph.number.value}`;
  for (const xref of model.paragraphXrefs) {
    const target = xref.numbers[0];
    if (xref.external || target === undefined || !model.structure.paragraphIndex.has(target) || xref.range.startLine !== xref.range.endLine) continue;
    at(xref.range.startLine).decorations.push({ start: xref.range.startCharacter, end: xref.range.endCharacter, open: `<a class="xref" href="#para-${target}">`, close: '</a>' });
  }
  return parts;
}

/** One line as HTML: escaped, its decorations (overlapping ones dropped, first wins), hidden characters left out. */
function lineHtml(text: string, parts: LineParts | undefined): { html: string; shown: string } {
  if (!parts) return { html: escapeHtml(text), shown: text };
  const decorations = [...parts.decorations].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Decoration[] = [];
  for (const decoration of decorations) if (!kept.length || decoration.start >= kept[kept.length - 1].end) kept.push(decoration);
  const hidden = (column: number) => parts.hidden.some(([start, end]) => column >= start && column < end);
  let html = '';
  let shown = '';
  let next = 0;
  for (let column = 0; column <= text.length; column++) {
    const closing = kept.find((decoration) => decoration.end === column && decoration.start < column);
    if (closing) html += closing.close;
    if (column === text.length) break;
    const opening = kept[next]?.start === column ? kept[next++] : undefined;
    if (opening) html += opening.open;
    if (hidden(column)) continue;
    html += escapeHtml(text[column]);
    shown += text[column];
  }
  return { html, shown };
}

/** How many printed rows a line takes at `width` characters, wrapping at spaces as the page does. */
export function printedRows(text: string, width: number): number {
  if (text.length <= width) return 1;
  let rows = 0;
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    rest = cut > 0 ? rest.slice(cut + 1) : rest.slice(width);
    rows++;
  }
  return rows + 1;
}

/** The overall classification: the banner's level, or the highest portion's when there is no banner. */
function overallLevel(model: CableModel): Level | undefined {
  return model.banner?.level ?? highest(model, 0, model.lines.length - 1);
}

function highest(model: CableModel, first: number, last: number): Level | undefined {
  let level: Level | undefined;
  for (const mark of model.marks) {
    if (mark.range.startLine < first || mark.range.startLine > last || !mark.level) continue;
    if (!level || levelRank(mark.level) > levelRank(level)) level = mark.level;
  }
  return level;
}

function bannerText(level: Level | undefined): string {
  return level ? levelName(level) : 'UNMARKED';
}

/** The cable's pages. */
export function renderPages(model: CableModel, options: RenderOptions): RenderedPage[] {
  const width = options.width ?? DEFAULT_WIDTH;
  const pageLines = Math.max(5, Math.floor(options.pageLines) || DEFAULT_PAGE_LINES);
  const parts = partsOf(model);
  const notes = new Map<number, NonNullable<RenderOptions['notes']>[number][]>();
  for (const note of options.notes ?? []) notes.set(note.line, [...(notes.get(note.line) ?? []), note]);
  const ranges: Array<[number, number]> = [];
  let first = 0;
  let rows = 0;
  const lines = model.lines.map((text, index) => lineHtml(index === 0 ? text.replace(/^\uFEFF/, '') : text, parts.get(index)));
  lines.forEach((line, index) => {
    const lineRows = printedRows(line.shown, width);
    if (rows > 0 && rows + lineRows > pageLines) {
      ranges.push([first, index - 1]);
      first = index;
      rows = 0;
    }
    rows += lineRows;
  });
  if (lines.length > 0) ranges.push([first, lines.length - 1]);
  const overall = overallLevel(model);
  return ranges.map(([start, end]) => {
    const level = options.pageBanner === 'page' ? (highest(model, start, end) ?? overall) : overall;
    let html = '';
    for (let index = start; index <= end; index++) {
      const id = parts.get(index)?.id;
      const lineNotes = notes.get(index) ?? [];
      const margin = lineNotes.map((note) => `<span class="note note-${note.severity}" title="${escapeHtml(note.message)}">${escapeHtml(note.message)}</span>`).join('');
      html += `<div class="line" data-line="${index}"${id ? ` id="${id}"` : ''}>${lines[index].html || ' '}${margin ? `<span class="notes">${margin}</span>` : ''}</div>`;
    }
    return { first: start, last: end, banner: bannerText(level), html };
  });
}

/** The pages as HTML sections, each with its banner at the top and at the bottom beside "Page n of N". */
export function renderBody(model: CableModel, options: RenderOptions): string {
  const pages = renderPages(model, options);
  return pages
    .map(
      (page, index) =>
        `<section class="page" data-first-line="${page.first}">` +
        `<header class="banner">${escapeHtml(page.banner)}</header>` +
        `<div class="text">${page.html}</div>` +
        `<footer><span class="banner">${escapeHtml(page.banner)}</span><span class="page-number">Page ${index + 1} of ${pages.length}</span></footer>` +
        `</section>`,
    )
    .join('\n');
}

/** The page's style: the editor's colours in the preview (VS Code's variables), plain ones in an exported page; print CSS. */
export function renderStyle(width = DEFAULT_WIDTH): string {
  return `
:root { color-scheme: light dark; }
body { margin: 0; padding: 16px; background: var(--vscode-editor-background, #fff); color: var(--vscode-editor-foreground, #111); }
.page { max-width: calc(${width}ch + 2px); margin: 0 auto 24px; padding: 12px 24px; border: 1px solid var(--vscode-panel-border, #bbb); box-sizing: content-box;
  display: flex; flex-direction: column; font-family: var(--vscode-editor-font-family, "DejaVu Sans Mono", "Courier New", monospace); font-size: 12px; line-height: 1.3; }
.banner { text-align: center; font-weight: bold; letter-spacing: 0.05em; }
header.banner { margin-bottom: 8px; }
footer { display: flex; justify-content: space-between; margin-top: 8px; }
footer .banner { flex: 1; }
.page-number { white-space: nowrap; }
.text { flex: 1; }
.line { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.3em; position: relative; }
.mark { border-radius: 3px; padding: 0 1px; }
.mark-u { background: rgba(46, 160, 67, 0.22); }
.mark-sbu { background: rgba(0, 150, 170, 0.22); }
.mark-c { background: rgba(40, 110, 230, 0.25); }
.mark-s { background: rgba(220, 40, 40, 0.25); }
.mark-ts { background: rgba(240, 140, 0, 0.30); }
.mark-invalid { text-decoration: underline wavy rgba(220, 40, 40, 0.8); }
a { color: var(--vscode-textLink-foreground, #0645ad); text-decoration: none; }
a:hover { text-decoration: underline; }
.notes { display: block; margin: 1px 0 3px 2ch; white-space: normal; font-family: var(--vscode-font-family, sans-serif); font-size: 11px; opacity: 0.85; }
.note { display: block; padding: 1px 4px; border-left: 3px solid; }
.note-error { border-color: var(--vscode-editorError-foreground, #d00); }
.note-warning { border-color: var(--vscode-editorWarning-foreground, #c80); }
.note-info { border-color: var(--vscode-editorInfo-foreground, #06c); }
@media print {
  @page { size: letter; margin: 0.4in 0.5in; }
  body { padding: 0; background: #fff; color: #000; }
  .page { border: none; margin: 0 auto; padding: 0; width: ${width}ch; max-width: none; height: 10.1in; font-size: 9pt; line-height: 1.25; break-after: page; page-break-after: always; }
  .page:last-child { break-after: auto; page-break-after: auto; }
  .notes { display: none; }
}`;
}

export interface DocumentOptions extends RenderOptions {
  title: string;
  /** The page's Content-Security-Policy. */
  csp: string;
  /** A nonce for the style and script elements (the preview); an exported page has no script. */
  nonce?: string;
  script?: string;
}

/** A whole HTML page: inline style, a CSP meta, the pages, and a script only when given one. */
export function renderDocument(model: CableModel, options: DocumentOptions): string {
  const nonce = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style${nonce}>${renderStyle(options.width)}</style>
</head>
<body>
${renderBody(model, options)}
${options.script ? `<script${nonce}>${options.script}</script>` : ''}
</body>
</html>
`;
}

/** The CSP of an exported page: its own inline style, nothing else. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'";
