// Where the body keywords start, found for the whole text in one pass (keywordScan.wat).
//
// The parser looks for blocks, citations and cross-references on a line only from where one of these
// words starts. Looking for them line by line with one case-insensitive regex cost more than
// the rest of the parse (V8 cannot skip ahead through a case-insensitive pattern): the WebAssembly
// scan looks at sixteen characters at a time and finds exactly the same starts.
import { keywordScanWasm } from './keywordScanModule';

/** The regex groups the parser asks for: the block words, `REF` (citations) and `PARA` (cross-references). */
export const KEYWORD_GROUP = { block: 0, citation: 1, xref: 2 } as const;

/** The scan's kinds, 1-8 (see keywordScan.wat), and the group each belongs to. */
const GROUP_OF_KIND = [-1, 0, 0, 0, 0, 0, 0, KEYWORD_GROUP.citation, KEYWORD_GROUP.xref];
const NOTE = 5;
const BACKGROUND = 6;
const KIND_LENGTH = [0, 5, 3, 7, 7, 4, 10, 3, 4];
/** NOTE and BACKGROUND open a block only before a colon (white space between, on the same line). */
const COLON_AFTER_RE = /[^\S\r\n]*:/y;
/** Zero units after the text: the scan reads up to 26 units past a block's start. */
const PADDING_UNITS = 32;
/**
 * The longest text scanned here. The module's memory grows to the longest text it is given and never
 * shrinks: about 8 bytes per character. Longer texts (rare: far beyond a long cable) are scanned line by line.
 */
export const MAX_SCANNED_UNITS = 2 * 1024 * 1024;

/** The few WebAssembly APIs used here (the project's type libraries, ES2022 and Node's, do not describe them). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmRuntime {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface Scanner {
  memory: WasmMemory;
  scan(base: number, count: number, out: number): number;
}

let scanner: Scanner | null | undefined;

function loadScanner(): Scanner | null {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmRuntime }).WebAssembly;
  try {
    if (!wasm) return null;
    const { exports } = new wasm.Instance(new wasm.Module(Buffer.from(keywordScanWasm, 'base64')));
    const { memory, scan } = exports as Scanner;
    return { memory, scan };
  } catch {
    // A runtime without WebAssembly SIMD: the parser scans line by line instead.
    return null;
  }
}

/**
 * Keyword starts in the first `units` characters of `text`, as offsets in order: `offsets[i]` starts a
 * word of group `groups[i]` (see KEYWORD_GROUP). Undefined when WebAssembly cannot run here or the text
 * is longer than MAX_SCANNED_UNITS; the caller then scans line by line.
 */
export function findKeywords(text: string, units = text.length): KeywordStarts | undefined {
  if (units > MAX_SCANNED_UNITS) return undefined;
  if (scanner === undefined) scanner = loadScanner();
  if (!scanner) return undefined;
  const inputBytes = (units + PADDING_UNITS) * 2;
  // At most one start per four units (three letters and a separator), eight bytes each, and one more
  // pair the scan writes before it knows the word is no keyword.
  const outputStart = (inputBytes + 7) & ~7;
  const needed = outputStart + Math.ceil(units / 4 + 2) * 8;
  const memory = scanner.memory;
  if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
  const bytes = Buffer.from(memory.buffer);
  bytes.write(text, 0, units * 2, 'utf16le');
  bytes.fill(0, units * 2, inputBytes);
  const count = scanner.scan(0, units, outputStart);
  const pairs = new Int32Array(memory.buffer, outputStart, count * 2);
  const offsets = new Int32Array(count);
  const groups = new Uint8Array(count);
  let kept = 0;
  for (let index = 0; index < count; index++) {
    const offset = pairs[index * 2];
    const kind = pairs[index * 2 + 1];
    if (kind === NOTE || kind === BACKGROUND) {
      COLON_AFTER_RE.lastIndex = offset + KIND_LENGTH[kind];
      if (!COLON_AFTER_RE.test(text)) continue;
    }
    offsets[kept] = offset;
    groups[kept] = GROUP_OF_KIND[kind];
    kept++;
  }
  return new KeywordStarts(offsets.subarray(0, kept), groups.subarray(0, kept));
}

/** The keyword starts, read line by line in order: the first column of each group on the line, or -1. */
export class KeywordStarts {
  block = -1;
  citation = -1;
  xref = -1;
  private next = 0;

  constructor(
    readonly offsets: Int32Array,
    readonly groups: Uint8Array,
  ) {}

  /** Moves to the line that covers offsets [start, start + length); lines must come in text order. */
  onLine(start: number, length: number): void {
    const { offsets, groups } = this;
    this.block = this.citation = this.xref = -1;
    while (this.next < offsets.length && offsets[this.next] < start) this.next++;
    for (let index = this.next; index < offsets.length && offsets[index] < start + length; index++) {
      const column = offsets[index] - start;
      const group = groups[index];
      if (group === KEYWORD_GROUP.block) {
        if (this.block < 0) this.block = column;
      } else if (group === KEYWORD_GROUP.citation) {
        if (this.citation < 0) this.citation = column;
      } else if (this.xref < 0) {
        this.xref = column;
      }
    }
  }
}
