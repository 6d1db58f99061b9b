// Builds server/src/service/data/tags.json, the TAGS vocabulary, from the facts in ../shared/data
// (tags.tsv, tag_counts.tsv, fips10-4.tsv) plus the vetted overrides in server/src/service/data/tag-overrides.json.
// Usage: node scripts/build-tags.mjs [dataDir]   (default: ../shared/data relative to the repo root)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.argv[2] ?? join(repoRoot, '..', 'shared', 'data'));
const dataModuleDir = join(repoRoot, 'server', 'src', 'service', 'data');
const outputPath = join(dataModuleDir, 'tags.json');

/**
 * Source families of tags.tsv rows, most authoritative first. The rank decides which meaning wins
 * when a code has several; the 1974 handbook ranks below every current source, so its dated
 * wordings stay out where a current one exists.
 */
const SOURCE_FAMILIES = [
  { key: 'fah3-h011', match: /^fam\.state\.gov\/FAM\/05FAH03\/05FAH030010/, text: '5 FAH-3 H-011.1 TAGS and Subject (fam.state.gov, CT:TAGS-91 02-17-2022; partial copy, list seen only from AADP to EMIN)' },
  { key: 'fah3-h111', match: /^fam\.state\.gov\/FAM\/05FAH03\/05FAH030110/, text: '5 FAH-3 H-111 (fam.state.gov, CT:TAGS-91/97)' },
  { key: 'fah3-h414', match: /tags_mapping\.py COUNTRY_TAGS \(/, text: '5 FAH-3 H-414 geographic TAGS (fam.state.gov, CT:TAGS-96 03-04-2024), as transcribed in leuc/ACP-127 src/tags_mapping.py COUNTRY_TAGS' },
  { key: 'fips-list', match: /^ramsun\/happiness-inc/, text: 'FIPS 10-4 country code list with names (ramsun/happiness-inc templates/static/js/FIPS10.js)' },
  { key: 'plusd', match: /^(o9812\/Wikileaks-Stock-Market|zotero\/translators)/, text: 'WikiLeaks PlusD tag labels (o9812/Wikileaks-Stock-Market data_description.md; zotero/translators "WikiLeaks PlusD.js" test cases)' },
  { key: 'nara-faq', match: /PERMANENT\/TEMPORARY_SUBJECT_TAGS/, text: "National Archives RG 59 Central Foreign Policy Files FAQ, Appendix I/II, as transcribed in leuc/ACP-127 src/tags_mapping.py" },
  { key: 'acp127-org-corpus', match: /ORGANIZATION_TAGS corpus-evidence/, text: 'leuc/ACP-127 src/tags_mapping.py ORGANIZATION_TAGS, codes confirmed from 1973-79 cable text (not in the 1974 handbook)' },
  { key: 'tags-1974', match: /tags_mapping\.py (SUBJECT_TAGS_1974|ORGANIZATION_TAGS|REGION_TAGS_1974)/, text: 'State Department handbook "Traffic Analysis by Geography and Subject" TL:TAGS-1, 6-28-74 (1974 wording), as transcribed in leuc/ACP-127 src/tags_mapping.py' },
  { key: 'historylab', match: /^mnyrop\/hlab-ipy/, text: 'History Lab "tags" table of 1970s TAGS (mnyrop/hlab-ipy cables/cables-preview.md)' },
  { key: 'blog', match: /^pdnetworks\.wordpress\.com/, text: 'pdnetworks.wordpress.com/2010/12/16/cablegate-tags/ (blog, informal glosses)' },
  { key: 'cablemap', match: /^heuer\/cablemap/, text: 'tag lists of the cable parser heuer/cablemap (code lists, no meanings)' },
  { key: 'cablegate-corpus', match: /^(chillicoder\/cablegate|corpus evidence)/, text: 'observed in the TAGS lines of released cables (chillicoder/cablegate corpus)' },
];
const UNVERIFIED = /^UNVERIFIED/;
const TAG_TOKEN = /^[A-Z0-9][A-Z0-9-]*$/;
const KIND_NAMES = { subject: 'subject', geo: 'geographic', 'geo?': 'geographic', organization: 'organization', program: 'program' };
const FIPS_KEY = 'fips10-4';
const FIPS_TEXT = 'FIPS 10-4 country codes (the two-letter geographic TAGS), from ../shared/data/fips10-4.tsv';
const OBSERVED_KEY = 'observed';
const OBSERVED_TEXT = 'seen in the TAGS lines of released cables (tag_counts.tsv); meaning not established';
/** Program-shaped codes in tag_counts.tsv that are misspellings of another tag, not tags of their own. */
const MISSPELLINGS = new Set(['KIFR']);

function readTsv(name) {
  const lines = readFileSync(join(dataDir, name), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(1).map((line) => line.split('\t'));
}

function sourceFamily(sourceText) {
  const index = SOURCE_FAMILIES.findIndex((family) => family.match.test(sourceText));
  if (index < 0) throw new Error(`tags.tsv: unknown source family: ${sourceText}`);
  return { rank: index, key: SOURCE_FAMILIES[index].key };
}

// tsv fields may be quoted CSV-style when they hold quotes
function unquote(field) {
  const trimmed = (field ?? '').trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replace(/""/g, '"') : trimmed;
}

/**
 * Strips the annotations tags.tsv adds to some meanings ("Serbia (evidence: ...)" -> "Serbia") and the
 * category prefix of PlusD labels ("Political Affairs--External Political Relations").
 */
function cleanMeaning(meaning) {
  return meaning.replace(/^[A-Za-z ,]+--/, '').replace(/\s*\[page text shows[^\]]*\]/, '').replace(/\s*\(evidence:[^)]*\)/, '').replace(/\s*\(used with[^)]*\)/, '').trim();
}

const counts = new Map(readTsv('tag_counts.tsv').map(([tag, count]) => [tag, Number(count)]));
const overrides = JSON.parse(readFileSync(join(dataModuleDir, 'tag-overrides.json'), 'utf8'));

const sources = {};
const entries = new Map(); // code -> { code, kind, meaning?, source, rank }

for (const [rawCode, rawKind, rawMeaning, rawSource] of readTsv('tags.tsv')) {
  const code = rawCode.trim();
  const kind = KIND_NAMES[rawKind.trim()];
  if (!kind) continue; // subject-category letters (A, B, C ...) are not tags
  if (!TAG_TOKEN.test(code)) continue; // names such as "AER LINGUS" or "UNGA/C-1" cannot be written as one TAGS token
  const sourceText = unquote(rawSource);
  const verified = !UNVERIFIED.test(sourceText);
  const meaning = verified ? cleanMeaning(unquote(rawMeaning)) : '';
  const family = verified ? sourceFamily(sourceText) : { rank: SOURCE_FAMILIES.length, key: OBSERVED_KEY };
  const candidate = { code, kind, meaning: meaning || undefined, source: family.key, rank: meaning ? family.rank : SOURCE_FAMILIES.length + 1 };
  const current = entries.get(code);
  if (!current || candidate.rank < current.rank) entries.set(code, candidate);
}

// Every FIPS code is a geographic tag named as in FIPS 10-4 (rows without a code, "-", are
// places FIPS does not code; a code listed twice, BM Burma / Myanmar, keeps both names).
const fipsNames = new Map();
for (const [fips, , name] of readTsv('fips10-4.tsv')) {
  const code = fips.trim();
  if (!/^[A-Z]{2}$/.test(code)) continue;
  fipsNames.set(code, [...(fipsNames.get(code) ?? []), name.trim()]);
}
for (const [code, names] of fipsNames) {
  entries.set(code, { code, kind: 'geographic', meaning: names.join('; '), source: FIPS_KEY, rank: -1 });
}

// Program tags seen in cables but in no list.
for (const code of counts.keys()) {
  if (/^K[A-Z]{3}$/.test(code) && !entries.has(code) && !MISSPELLINGS.has(code)) {
    entries.set(code, { code, kind: 'program', source: OBSERVED_KEY, rank: SOURCE_FAMILIES.length + 1 });
  }
}

for (const override of overrides.tags) {
  if (!overrides.sources[override.source]) throw new Error(`tag-overrides.json: ${override.code} names unknown source ${override.source}`);
  entries.set(override.code, { code: override.code, kind: override.kind, meaning: override.meaning, source: override.source, rank: -2 });
}

// Geographic and subject tags need a meaning to be offered; codes no source explains stay out.
const dropped = [];
for (const [code, entry] of entries) {
  if (!entry.meaning && (entry.kind === 'geographic' || entry.kind === 'subject')) {
    entries.delete(code);
    dropped.push(code);
  }
}

const tags = [...entries.values()]
  .map(({ code, kind, meaning, source }) => ({ code, kind, ...(meaning ? { meaning } : {}), source, count: counts.get(code) ?? 0 }))
  .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

for (const tag of tags) {
  if (sources[tag.source]) continue;
  const family = SOURCE_FAMILIES.find((f) => f.key === tag.source);
  sources[tag.source] = family?.text ?? overrides.sources[tag.source]
    ?? (tag.source === FIPS_KEY ? FIPS_TEXT : tag.source === OBSERVED_KEY ? OBSERVED_TEXT : undefined);
  if (!sources[tag.source]) throw new Error(`no text for source ${tag.source}`);
}

const lines = tags.map((tag) => '    ' + JSON.stringify(tag));
const json = `{\n  "sources": ${JSON.stringify(sources, null, 4).replace(/\n}/, '\n  }')},\n  "tags": [\n${lines.join(',\n')}\n  ]\n}\n`;
writeFileSync(outputPath, json);
console.log(`wrote ${tags.length} tags to ${outputPath}; left out (no meaning): ${dropped.sort().join(' ') || 'none'}`);
