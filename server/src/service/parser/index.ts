// The cable parser: text -> CableModel, each element with its LSP range. It never throws: what it does
// not recognise stays plain text (see shared/cable-format.md, section 13 for how real text varies).
// The reader is a stack of layers, each reading one kind of unit on top of the one below it:
// lines.ts (lines, artifacts, ranges) < marks.ts < blocks.ts < citations.ts < headerBlocks.ts (REF,
// Classified By) < header.ts < body.ts; structure.ts then derives the facts rules and features ask.
import { LEVELS, type CableModel } from '../model';
import { BodyReader } from './body';
import { emptyModel } from './lines';
import { readStructure } from './structure';
import { sortedByStart, splitLines } from './text';

export { MAX_ANALYSED_CHARS } from './lines';
export { analyseMarkInner } from './marks';
export { splitLines } from './text';

class CableParser extends BodyReader {
  run(): CableModel {
    const bodyStart = this.parseHeader();
    this.findEnd(bodyStart);
    this.parseBody(bodyStart);
    this.model.portions = this.portionOrder.sorted ? this.portions : sortedByStart(this.portions);
    this.model.marks = this.markOrder.sorted ? this.marks : sortedByStart(this.marks);
    this.model.markSummary = { highest: this.highestMarkRank < 0 ? undefined : LEVELS[this.highestMarkRank], invalid: this.invalidMarks };
    return this.model;
  }
}

/**
 * Parses a cable; never throws: an internal failure yields a model holding only the lines, and goes to
 * `onError` (the service's log) so that it is seen, not hidden.
 */
export function parse(text: string, onError?: (error: unknown) => void): CableModel {
  try {
    return parseOrThrow(text);
  } catch (error) {
    onError?.(error);
    const source = typeof text === 'string' ? text : '';
    const { lines, eol } = splitLines(source);
    return emptyModel(lines, eol);
  }
}

/** The parser itself, exceptions included: for tests, which must see bugs rather than empty models. */
export function parseOrThrow(text: string): CableModel {
  const model = new CableParser(text).run();
  model.structure = readStructure(model);
  return model;
}
