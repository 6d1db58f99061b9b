// Writes, from the rule list (allRules), the README's rule table, the table at the top of
// docs/rules.md and schemas/cablerc.schema.json; `--check` only reports what is out of date.
// Reads the compiled rules: run `npx tsc -p tsconfig.test.json` first (npm run compile-tests).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { allRules } = require(path.join(root, 'out', 'server', 'src', 'service', 'rules', 'index.js'));

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesTable(rules) {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rule) => `| [${rule.id}](docs/rules.md#${rule.id.toLowerCase()}-${rule.alias}) | \`${rule.alias}\` | ${rule.defaultSeverity} | ${rule.safeForFixAll ? 'yes' : ''} | ${rule.description.replace(/\|/g, '\\|')} |`);
  return ['| id | alias | default | fix-all | what it flags |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function cablercSchema(rules) {
  const ruleProperties = {};
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    ruleProperties[rule.id] = { $ref: '#/definitions/severity', description: `${rule.alias}: ${rule.description} (default ${rule.defaultSeverity})` };
    ruleProperties[rule.alias] = { $ref: '#/definitions/severity', description: `${rule.id}: ${rule.description} (default ${rule.defaultSeverity})` };
  }
  const level = {
    type: 'string',
    enum: ['UNCLASSIFIED', 'UNCLAS', 'U', 'SBU', 'SENSITIVE BUT UNCLASSIFIED', 'CONFIDENTIAL', 'C', 'SECRET', 'S', 'TOP SECRET', 'TS'],
    description: 'The highest classification this system may hold; any mark or banner above it is an error (CBL031 above-system-high). Default SECRET.',
  };
  const maxYears = { type: 'integer', minimum: 1, maximum: 100, default: 25, description: 'A declassification date more than this many years after the DTG is flagged (CBL012).' };
  const defaultYears = { type: 'integer', minimum: 1, maximum: 100, default: 10, description: 'Years after the DTG that the CBL010/CBL013 fixes write as the DECL date.' };
  const executiveOrder = {
    type: ['string', 'integer'],
    enum: ['13526', '12958', '13292', '12356', '12065', '11652', 13526, 12958, 13292, 12356, 12065, 11652],
    default: '13526',
    description: 'The executive order that fixes write on a new E.O. line.',
  };
  const bullets = {
    type: 'string',
    enum: ['inherit', 'require'],
    default: 'inherit',
    description:
      "Whether bullets (- and --) and sub-paragraphs inside a marked paragraph take the paragraph's mark (inherit, the default) or must carry their own (require); CBL001.",
  };
  const extraFile = {
    type: 'string',
    description:
      'A tab-separated file of extra TAGS codes (CODE<TAB>kind<TAB>meaning, kind one of subject, geographic, organization, program), relative to this file or absolute, added to the built-in vocabulary for completion, hovers and the unknown-tag check (CBL017).',
  };
  const run = {
    type: 'string',
    enum: ['onType', 'onSave'],
    default: 'onType',
    description: 'When the editor checks a cable: as it is typed, or when it is opened and saved. cable-lint always checks.',
  };
  const settings = {
    rules: {
      type: 'object',
      description: 'Per rule, by id (CBL001) or alias (missing-portion-mark): a severity or off.',
      additionalProperties: false,
      properties: ruleProperties,
    },
    classification: { type: 'object', additionalProperties: false, properties: { systemHigh: level } },
    'classification.systemHigh': level,
    declassification: { type: 'object', additionalProperties: false, properties: { maxYears, defaultYears } },
    'declassification.maxYears': maxYears,
    'declassification.defaultYears': defaultYears,
    executiveOrder,
    marking: { type: 'object', additionalProperties: false, properties: { bullets } },
    'marking.bullets': bullets,
    tags: { type: 'object', additionalProperties: false, properties: { extraFile } },
    'tags.extraFile': extraFile,
    validate: { type: 'object', additionalProperties: false, properties: { run } },
    'validate.run': run,
    guides: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Classification guides (.cableguide.json files) that apply besides the nearest .cableguide.json, relative to this file.',
    },
  };
  const files = {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
    description: 'Glob patterns relative to this file: received/**, drafts/*.cable; a folder/ means everything in it.',
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cable.invalid/schemas/cablerc.schema.json',
    title: 'Cable configuration (.cablerc.json)',
    description:
      'Configuration shared by the editor and cable-lint: the nearest .cablerc.json above a cable applies to it. JSON with comments. Keys may be nested ({"classification": {"systemHigh": "SECRET"}}) or dotted ("classification.systemHigh"). This file wins over the editor\'s cable.* settings; overrides apply in order to the files their globs match; a bad key or value is reported at its place and its default kept.',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'], description: 'A new severity for the rule, or off.' },
    },
    properties: {
      $schema: { type: 'string' },
      ...settings,
      overrides: {
        type: 'array',
        description: 'Settings for some files only: each override whose files match a cable applies, in order, over the settings above.',
        items: { type: 'object', required: ['files'], additionalProperties: false, properties: { files, ...settings } },
      },
    },
  };
}

function replaceSection(text, table, file) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: no ${START} ... ${END} section`);
  return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
}

const check = process.argv.includes('--check');
const table = rulesTable(allRules);
const outputs = [
  ['README.md', (text) => replaceSection(text, table, 'README.md')],
  ['docs/rules.md', (text) => replaceSection(text, table.replace(/\]\(docs\/rules\.md#/g, '](#'), 'docs/rules.md')],
  ['schemas/cablerc.schema.json', () => `${JSON.stringify(cablercSchema(allRules), null, 2)}\n`],
];
let stale = 0;
for (const [file, render] of outputs) {
  const full = path.join(root, file);
  const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
  const next = render(current);
  if (next === current) continue;
  stale++;
  if (check) console.error(`${file} is out of date with the rule list: run node scripts/rules-table.mjs`);
  else fs.writeFileSync(full, next);
}
process.exitCode = check && stale > 0 ? 1 : 0;
