// The outline: header, subject, references, paragraphs with their sub-paragraphs and blocks.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { TextRange, type Block, type CableModel, type Paragraph, type PortionMark, type SubParagraph } from './model';

export function documentSymbols(model: CableModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const header = headerSymbol(model);
  if (header) symbols.push(header);
  if (model.subject) {
    symbols.push(symbol(`SUBJECT: ${withMark(model.subject.title, model.subject.mark)}`, SymbolKind.String, model.subject.range, model.subject.keyword.range));
  }
  if (model.refs && model.refs.entries.length > 0) {
    const entries = model.refs.entries.map((entry) =>
      symbol(entry.letterRange ? `REF ${entry.letter}. ${entry.description}` : `REF ${entry.description}`, SymbolKind.Key, entry.range, entry.letterRange ?? entry.descriptionRange),
    );
    symbols.push(symbol('References', SymbolKind.Namespace, model.refs.range, model.refs.keyword.range, entries));
  }
  if (model.classifiedBy) {
    symbols.push(symbol(`Classified By: ${model.classifiedBy.classifier?.text ?? ''}`.trim(), SymbolKind.Property, model.classifiedBy.range, model.classifiedBy.keyword.range));
  }
  model.paragraphs.forEach((paragraph) => symbols.push(paragraphSymbol(paragraph, model.blocks)));
  if (model.signature) symbols.push(symbol(`Signature: ${model.signature.text.trim()}`, SymbolKind.Constant, model.signature.range, model.signature.range));
  return symbols;
}

function headerSymbol(model: CableModel): DocumentSymbol | undefined {
  const children: DocumentSymbol[] = [];
  if (model.precedence) children.push(symbol(model.precedence.text.trim(), SymbolKind.Event, model.precedence.range, model.precedence.range));
  for (const block of model.addresses) {
    const names = block.addressees.map((addressee) => addressee.name.text).join(', ');
    children.push(symbol(`${block.keyword.kind} ${names}`.trim(), SymbolKind.Field, block.range, block.keyword.range));
  }
  if (model.banner) children.push(symbol(model.banner.text.trim(), SymbolKind.Enum, model.banner.range, model.banner.classification.range));
  if (model.eo) children.push(symbol(model.eo.text.trim(), SymbolKind.Property, model.eo.range, model.eo.keyword.range));
  if (model.tags) children.push(symbol(`TAGS: ${model.tags.tags.map((tag) => tag.code).join(' ')}`, SymbolKind.Array, model.tags.range, model.tags.keyword.range));
  if (children.length === 0) return undefined;
  const range = model.headerRange ?? { start: children[0].range.start, end: children[children.length - 1].range.end };
  return symbol('Header', SymbolKind.Module, range, children[0].selectionRange, children);
}

function paragraphSymbol(paragraph: Paragraph, blocks: Block[]): DocumentSymbol {
  // Mapped, not pushed (a list grown by push keeps room for more), and none when empty: thousands of paragraphs.
  let children = paragraph.subParagraphs.length > 0 ? paragraph.subParagraphs.map(subParagraphSymbol) : undefined;
  let withBlocks = false;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (contains(paragraph.range, block.range) && !paragraph.subParagraphs.some((sub) => contains(sub.range, block.range))) {
      (children ??= []).push(blockSymbol(block));
      withBlocks = true;
    }
  }
  // Sub-paragraphs come in document order: only blocks among them need sorting.
  if (withBlocks) children!.sort((a, b) => a.range.start.line - b.range.start.line);
  // Starts with the number and ends with a trimmed title: nothing to trim.
  const name = `${paragraph.number.text}. ${withMark(paragraph.title, paragraph.mark)}`;
  return symbol(name, SymbolKind.Number, paragraph.range, paragraph.number.range, children, true);
}

function subParagraphSymbol(sub: SubParagraph): DocumentSymbol {
  const label = sub.label.text.startsWith('(') ? sub.label.text : `${sub.label.text}.`;
  return symbol(`${label} ${withMark(sub.title, sub.mark)}`, SymbolKind.Struct, sub.range, sub.label.range, undefined, label.trim() === label && label !== '');
}

function blockSymbol(block: Block): DocumentSymbol {
  return symbol(block.kind, SymbolKind.Object, block.range, block.open.range);
}

function withMark(title: string, mark: PortionMark | undefined): string {
  const words = title.trim() || '(untitled)';
  return mark ? `${mark.text} ${words}` : words;
}

/** `trimmed`: the caller knows the name is trimmed and not empty (thousands of paragraphs: no copy to check). */
function symbol(name: string, kind: SymbolKind, range: Range, selectionRange: Range, children?: DocumentSymbol[], trimmed = false): DocumentSymbol {
  // VS Code rejects an empty name and a selection range outside the range.
  const safeSelection = contains(range, selectionRange) ? selectionRange : { start: range.start, end: range.start };
  const safeName = trimmed ? name : name.trim() || '(empty)';
  // DocumentSymbol.create's shape, written out: one object with all its properties at once.
  return children ? { name: safeName, detail: undefined, kind, range, selectionRange: safeSelection, children } : { name: safeName, detail: undefined, kind, range, selectionRange: safeSelection };
}

function contains(outer: Range, inner: Range): boolean {
  // Model ranges (nearly all here) compare their numbers without making positions.
  if (outer instanceof TextRange && inner instanceof TextRange) return outer.contains(inner);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
