// A seeded generator of valid cables of any size, shared by the benchmarks and the property tests.
// The same seed and options always give the same text.

export interface GenerateOptions {
  seed: number;
  /** Number of numbered paragraphs (at least 1). */
  paragraphs: number;
  /** Lettered references (0-26). */
  references?: number;
  /** Force a classification; otherwise chosen by the seed. */
  classification?: 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET';
  lineEnding?: '\n' | '\r\n';
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const posts = [
  ['PARIS', 'FR'],
  ['LONDON', 'UK'],
  ['BERLIN', 'GM'],
  ['MADRID', 'SP'],
  ['ROME', 'IT'],
  ['CANBERRA', 'AS'],
  ['MOSCOW', 'RS'],
  ['TOKYO', 'JA'],
  ['OTTAWA', 'CA'],
  ['BRASILIA', 'BR'],
] as const;
const subjectTags = ['PREL', 'PGOV', 'ECON', 'PARM', 'MARR', 'PHUM', 'ETRD', 'SENV', 'KNNP', 'EFIN'];
const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const words = (
  'the embassy should note that partners delegation ministry officials meeting plenary proposal discussion ' +
  'support regional security cooperation agreement review report contacts information exchange guidance ' +
  'government policy economic trade assistance program visit schedule response request action department'
).split(' ');

export function generateCable(options: GenerateOptions): string {
  const random = randomSource(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const sentence = (count: number) => {
    const text = Array.from({ length: count }, () => pick(words)).join(' ');
    return text[0].toUpperCase() + text.slice(1) + '.';
  };

  const classification = options.classification ?? pick(['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET'] as const);
  const classified = classification !== 'UNCLASSIFIED';
  const mark = classification === 'SECRET' ? '(S)' : classification === 'CONFIDENTIAL' ? '(C)' : '(U)';
  const paragraphCount = Math.max(1, options.paragraphs);
  const referenceCount = Math.min(26, Math.max(0, options.references ?? int(0, 4)));
  const [post, country] = pick(posts);
  const year = int(2010, 2024);
  const month = int(1, 12);
  const day = int(1, 28);
  const dtg = `${pad(day)}${pad(int(0, 23))}${pad(int(0, 59))}Z ${months[month - 1]} ${String(year).slice(2)}`;
  const serial = int(1000, 199999);
  const lines: string[] = [];

  lines.push(`${pick(['O', 'P', 'R'])} ${dtg}`, 'FM SECSTATE WASHDC', `TO AMEMBASSY ${post} ${pick(['PRIORITY', 'IMMEDIATE', 'ROUTINE'])}`, '');
  const banner = classified ? spaced(classification) : 'UNCLAS';
  lines.push(`${banner} STATE ${String(serial).padStart(6, '0')}`, '', 'SIPDIS', '');
  lines.push(classified ? `E.O. 13526: DECL: ${pad(month)}/${pad(day)}/${year + 10}` : 'E.O. 13526: N/A');
  lines.push(`TAGS: ${[...new Set([pick(subjectTags), pick(subjectTags), pick(subjectTags)])].join(' ')} ${country}`);
  lines.push(`SUBJECT: ${classified ? mark + ' ' : ''}${sentence(int(4, 8)).toUpperCase().replace(/\.$/, '')}`, '');
  const letters = Array.from({ length: referenceCount }, (_, index) => String.fromCharCode(65 + index));
  if (referenceCount === 1) lines.push(`REF: STATE ${int(1000, 99999)}`, '');
  if (referenceCount > 1) {
    letters.forEach((letter, index) => lines.push(`${index === 0 ? 'REF: ' : '     '}${letter}. STATE ${int(1000, 99999)}`));
    lines.push('');
  }
  if (classified) lines.push(`Classified By: Office Director ${pick(['Jane', 'John', 'Pat'])} Doe.`, 'Reason: 1.4 (b), (d).', '');

  // Every reference is cited at least once, and cross-references name real paragraphs.
  const citations = referenceCount === 1 ? ['REFTEL'] : letters.map((letter) => `REF ${letter}`);
  for (let number = 1; number <= paragraphCount; number++) {
    const cite = citations.length > 0 && (number <= citations.length || random() < 0.2) ? ` (${citations[(number - 1) % citations.length]})` : '';
    const xref = paragraphCount > 1 && random() < 0.15 ? ` Please see paragraph ${int(1, paragraphCount)}.` : '';
    const body = paragraphCount === 1 ? '' : `${number}. `;
    lines.push(`${body}${mark} ${sentence(int(8, 20))}${cite}${xref}`);
    for (let line = int(0, 5); line > 0; line--) lines.push(sentence(int(6, 14)));
    if (random() < 0.25) {
      lines.push('');
      for (let sub = 0; sub < int(1, 3); sub++) lines.push(`${String.fromCharCode(65 + sub)}. ${mark} ${sentence(int(5, 10))}`);
    }
    if (random() < 0.3) {
      lines.push('', 'EMBASSY REP SHOULD:', '');
      for (let point = int(1, 3); point > 0; point--) lines.push(`-- ${sentence(int(6, 12))} ${mark}`, '');
    }
    lines.push('');
  }
  lines.push(pick(['CLINTON', 'KERRY', 'RICE']), '', 'NNNN', '');
  return lines.join(options.lineEnding ?? '\n');
}

/** A cable of about `bytes` bytes: as many paragraphs as it takes. */
export function generateCableOfSize(seed: number, bytes: number): string {
  const sample = generateCable({ seed, paragraphs: 50, references: 6 });
  const paragraphs = Math.max(1, Math.round((50 * bytes) / sample.length));
  return generateCable({ seed, paragraphs, references: 6 });
}

function spaced(word: string): string {
  return word.split('').join(' ');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
