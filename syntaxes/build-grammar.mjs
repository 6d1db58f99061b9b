// Builds syntaxes/cable.tmLanguage.json: node syntaxes/build-grammar.mjs syntaxes/cable.tmLanguage.json
// Edit this file, not the JSON; test/grammar/generated.test.ts checks that the two agree.
import fs from 'node:fs';
import { foldGrammar } from './fold-case.mjs';
const levels = {
  unclassified: ['markup.inserted', 'string.other'],
  sbu: ['markup.italic', 'constant.numeric'],
  confidential: ['markup.changed', 'keyword.other'],
  secret: ['markup.deleted', 'invalid.deprecated'],
  topsecret: ['markup.deleted', 'invalid.illegal'],
};
const levelScope = (level, kind) => levels[level].map((s) => `${s}.${kind}.${level}.cable`).join(' ');
const spaced = (word) => word.split('').join(' ?');
const markCodes = { unclassified: 'U', sbu: 'SBU', confidential: 'C', secret: 'S', topsecret: 'TS' };
const artifactOpen = 'comment.other.web-artifact.cable punctuation.definition.web-artifact.begin.cable';
const artifactClose = 'comment.other.web-artifact.cable punctuation.definition.web-artifact.end.cable';
const addresseeWords = 'AMEMBASSY|AMCONSUL|AMEMB|USMISSION|USDEL|SECSTATE|SECDEF|CIA|DIA|NSC|JOINT STAFF|CJCS|USEU|USNATO|USUN|USOSCE|HQ|CDR|DEPT|DEPARTMENT|WHITE HOUSE|COLLECTIVE';
const captionWords = 'SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|STADIS|NOCONTRACT|ORCON|PROPIN|EFTO';
const blockNames = 'GUIDANCE|TEXT|TALKING\\s+POINTS(?:/NONPAPER)?|NOTE|COMMENT|SUMMARY|BACKGROUND|QUOTE|NONPAPER|ACTION\\s+REQUEST';
// An optional `[x](#)` wrapper around a paragraph or reference label.
const labelled = (inner) => `(?:(\\[)(${inner})(\\]\\(#\\))|(${inner}))`;
const labelCaptures = (scope, first) => ({
  [first]: { name: artifactOpen }, [first + 1]: { name: scope }, [first + 2]: { name: artifactClose }, [first + 3]: { name: scope },
});

const repository = {};
// A line-start construct whose rest of line is ordinary text: a region to the end of the line that
// only looks for in-line constructs, so prose lines search a small scanner. `line` merges them all into
// one regex (they never compete for the same line), so it only takes the label: no name of its own.
const lineRegions = new WeakSet();
const lineRegion = ({ match, captures }) => {
  const rule = { begin: match, beginCaptures: captures, end: '$', patterns: [{ include: '#inline' }] };
  lineRegions.add(rule);
  return rule;
};

repository['transmission-header'] = {
  comment: 'ACP-127 header: from VZCZC to the precedence line or the first blank line.',
  name: 'meta.header.transmission.cable',
  begin: '^\\s*(VZCZC[A-Z0-9]*)',
  beginCaptures: { 1: { name: 'keyword.control.header.start.cable' } },
  end: '^(?=\\s*$)|^(?=\\s*[ZOPR](?:\\s+[ZOPR])?\\s+\\d{6}Z\\b)',
  patterns: [
    { include: '#header-lines' },
    { match: '^\\s*([ZOPR]{2})(?=\\s)', captures: { 1: { name: 'keyword.other.precedence.cable' } } },
    { match: '\\bR[A-Z0-9]{3,7}\\b', name: 'constant.other.routing-indicator.cable' },
  ],
};
// ZNY/ZNR with its letters; one regex whose alternatives name each level.
const zLine = (letterLevels) => ({
  match: `^\\s*(ZN[YR])\\s+(?:${letterLevels.map(([letters]) => `(${letters})`).join('|')})(?:\\s+(ZZH))?\\b`,
  captures: {
    1: { name: 'keyword.control.header.security.cable' },
    ...Object.fromEntries(letterLevels.map(([, level], index) => [index + 2, { name: `meta.classification.${level}.cable ${levelScope(level, 'classification')}` }])),
    [letterLevels.length + 2]: { name: 'keyword.control.header.security.cable' },
  },
});
repository['header-lines'] = {
  patterns: [
    {
      match: '^\\s*(DE)\\s+(R[A-Z0-9]{3,7})\\s+(#\\d+(?:/\\d+)?)(?:\\s+(\\d{7}))?',
      captures: {
        1: { name: 'keyword.control.header.cable' },
        2: { name: 'constant.other.routing-indicator.cable' },
        3: { name: 'constant.other.station-serial.cable' },
        4: { name: 'constant.other.julian-date-time.cable' },
      },
    },
    zLine([['UUUUU', 'unclassified'], ['CCCCC', 'confidential'], ['SSSSS', 'secret'], ['TTTTT', 'topsecret']]),
    {
      comment: 'A header routing line such as `OO RUEHAG RUEHAST`.',
      begin: '^\\s*([ZOPR]{2})\\s+(?=R[A-Z0-9]{3,7}\\b)',
      beginCaptures: { 1: { name: 'keyword.other.precedence.cable' } },
      end: '$',
      patterns: [{ match: '\\bR[A-Z0-9]{3,7}\\b', name: 'constant.other.routing-indicator.cable' }],
    },
  ],
};

repository['precedence-line'] = {
  match: '^\\s*([ZOPR])(?:\\s+([ZOPR]))?\\s+(\\d{6}Z\\s+[A-Za-z]{3}\\s+\\d{2}(?:\\d{2})?)(?=\\s|$)',
  name: 'meta.precedence.cable',
  captures: {
    1: { name: 'keyword.other.precedence.action.cable' },
    2: { name: 'keyword.other.precedence.info.cable' },
    3: { name: 'constant.other.date-time-group.cable' },
  },
};

repository['addressees'] = {
  comment: 'FM/TO/INFO and the continuation lines that carry a routing prefix or a known addressee.',
  name: 'meta.addressee.cable',
  begin: `^\\s*(FM|TO|INFO)\\s+(?=R[A-Z0-9]{3,7}/|(?:${addresseeWords})\\b|[A-Z][A-Z0-9 .,&'/()-]*(?:\\b(?:PRIORITY|IMMEDIATE|ROUTINE|FLASH|COLLECTIVE|WASHDC|WASHINGTON(?: DC)?)\\b|\\s\\d{3,5}|\\s[A-Z]{3}-\\d{2})\\s*$)`,
  beginCaptures: { 1: { name: 'keyword.other.address.cable' } },
  end: `^(?!\\s*R[A-Z0-9]{3,7}/|\\s*(?:${addresseeWords})\\b)`,
  patterns: [
    { match: '\\b(R[A-Z0-9]{3,7})(/)', captures: { 1: { name: 'constant.other.routing-indicator.cable' }, 2: { name: 'punctuation.separator.routing.cable' } } },
    { match: '\\b(?:NIACT\\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)\\b', name: 'keyword.other.precedence.cable' },
    { match: `\\b(?:${addresseeWords})\\b`, name: 'support.type.addressee.cable' },
    { match: '\\b\\d{1,5}(?=\\s*$)', name: 'constant.numeric.serial.cable' },
  ],
};

const banner = (level, words) => ({
  name: `meta.banner.${level}.cable`,
  begin: `^\\s*(${words})(?=\\s*$|\\s*//|\\s+(?i:SECTION)\\s|\\s+EFTO\\b|\\s+[A-Za-z][A-Za-z .]*\\s\\d{2,}\\s*$)`,
  beginCaptures: { 1: { name: `meta.classification.${level}.cable ${levelScope(level, 'classification')}` } },
  end: '$',
  patterns: [{ include: '#banner-parts' }],
});
repository['banner'] = {
  comment: 'The classification line, spaced (C O N F I D E N T I A L) or plain, with SECTION nn OF nn and the message reference.',
  patterns: [
    banner('topsecret', `(?i:${spaced('TOPSECRET')})`),
    banner('secret', `(?i:${spaced('SECRET')})`),
    banner('confidential', `(?i:${spaced('CONFIDENTIAL')})`),
    banner('unclassified', `(?i:${spaced('UNCLAS')}(?: ?${spaced('SIFIED')})?)`),
  ],
};
repository['banner-parts'] = {
  patterns: [
    {
      match: '(?i)\\b(SECTION)\\s+(\\d+)\\s+(OF)\\s+(\\d+)\\b',
      name: 'meta.section-count.cable',
      captures: {
        1: { name: 'keyword.other.section.cable' }, 2: { name: 'constant.numeric.section.cable' },
        3: { name: 'keyword.other.section.cable' }, 4: { name: 'constant.numeric.section.cable' },
      },
    },
    { match: '//?', name: 'punctuation.separator.dissemination.cable' },
    { match: `\\b(?:${captionWords}|NF|FGI|REL(?: TO)?|FOUO)\\b`, name: 'storage.modifier.caption.cable' },
    {
      match: '\\b([A-Za-z]+(?: [A-Za-z]+)*)\\s+(\\d{2,})(?=\\s*$)',
      captures: { 1: { name: 'entity.name.section.message-reference.cable' }, 2: { name: 'constant.other.message-number.cable' } },
    },
  ],
};

repository['sensitive-but-unclassified'] = lineRegion({
  match: '^\\s*(SENSITIVE BUT UNCLASSIFIED)\\b',
  captures: { 1: { name: `meta.classification.sbu.cable ${levelScope('sbu', 'classification')}` } },
});

repository['captions'] = {
  comment: 'Caption lines after the banner: SIPDIS, NOFORN, SENSITIVE, EXDIS, NODIS, LIMDIS, STADIS.',
  begin: `^\\s*(?=(?i:${captionWords})\\b(?:[\\s/,]+(?i:${captionWords})\\b)*[\\s/,]*$)`,
  end: '$',
  name: 'meta.captions.cable',
  patterns: [{ match: `(?i)\\b(?:${captionWords})\\b`, name: 'storage.modifier.caption.cable' }],
};

const eoParts = [
  { match: '(?i)\\b(DECL|DNG)\\b\\s*(:)?', captures: { 1: { name: 'keyword.other.declassification.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } } },
  { match: '\\b(?:\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}/\\d{1,2}/\\d{1,2})\\b', name: 'constant.other.date.cable' },
  { match: '(?i)\\bN/A\\b', name: 'constant.language.not-applicable.cable' },
  { match: '(?i)\\b(?:25X[1-9]|50X[1-9])(?:-[A-Z]+)?\\b', name: 'constant.language.exemption.cable' },
  { match: '\\b(?:OADR|MR|X[1-8])\\b', name: 'invalid.deprecated.declassification.obsolete.cable' },
  { match: '\\bCO\\b', name: `${levelScope('confidential', 'classification')}` },
];
repository['executive-order'] = {
  comment: 'E.O. 12958: DECL: 10/31/2033 and its variants; also a lone DECL: line.',
  name: 'meta.executive-order.cable',
  begin: '^(?:\\s*((?i:E\\.?\\s?O\\.?))\\s*(\\d{5})\\b\\s*(:)?|(?=\\s*(?i:DECL|DNG)\\s*:))',
  beginCaptures: {
    1: { name: 'keyword.other.executive-order.cable' },
    2: { name: 'constant.other.executive-order-number.cable' },
    3: { name: 'punctuation.separator.key-value.cable' },
  },
  end: '$',
  patterns: eoParts,
};

repository['tags'] = {
  comment: 'TAGS: line and its continuation lines made only of tag codes.',
  name: 'meta.tags.cable',
  begin: '^\\s*(TAGS)\\b\\s*(:)?',
  beginCaptures: { 1: { name: 'keyword.other.tags.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } },
  end: '^(?!\\s*\\[?[A-Z][A-Z0-9]{1,5}\\]?(?:\\(#\\))?(?:[\\s,]+\\[?[A-Z][A-Z0-9]{1,5}\\]?(?:\\(#\\))?)*[\\s,]*$)',
  patterns: [
    {
      match: '(\\[)([A-Za-z][A-Za-z0-9]{1,6})(\\]\\(#\\))',
      captures: { 1: { name: artifactOpen }, 2: { name: 'entity.name.type.tag.cable' }, 3: { name: artifactClose } },
    },
    { match: '\\b[A-Z][A-Z0-9]{1,6}\\b', name: 'entity.name.type.tag.cable' },
  ],
};

repository['subject'] = {
  name: 'meta.subject.cable',
  begin: '^\\s*((?i:SUBJECT|SUBJ))\\s*(:)',
  beginCaptures: { 1: { name: 'keyword.other.subject.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } },
  end: '^(?=\\s*$|\\s*(?i:REFS?|Classified|TAGS)\\b|\\s*\\d{1,3}\\.\\s)',
  patterns: [{ include: '#portion-marks' }, { include: '#web-artifact' }],
};

repository['references'] = {
  comment: 'REF: block; lettered entries may follow on later lines, after blank lines.',
  name: 'meta.references.cable',
  begin: '^\\s*((?i:REFS?|REFERENCES?))\\s*(:)',
  beginCaptures: { 1: { name: 'keyword.other.reference.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } },
  end: '^(?!\\s*$|\\s*(?:\\[[A-Z]\\]\\(#\\)|[A-Z])\\.\\s)',
  patterns: [
    {
      match: `(?<![^\\s:])${labelled('[A-Z]')}(\\.)(?=\\s|$)`,
      captures: { ...labelCaptures('entity.name.label.reference.cable', 1), 5: { name: 'punctuation.separator.label.cable' } },
    },
    { include: '#portion-marks' },
    { include: '#web-artifact' },
  ],
};

const reasonLetters = {
  comment: 'The 1.4 / 1.5 reason and its letters: 1.4 (b), (d); 1.4(b,d); 1.5 (B and D).',
  begin: '\\b(1\\.[45])(?=\\s*\\(?\\s*[a-hA-H]\\b)',
  beginCaptures: { 1: { name: 'constant.other.reason-section.cable' } },
  end: '(?=\\.(?:\\s|$)|\\s\\d|[;:]|\\b(?!and\\b|[a-hA-H]\\b)[A-Za-z]|$)',
  name: 'meta.reason.cable',
  patterns: [{ match: '\\b[a-hA-H]\\b', name: 'constant.character.reason.cable' }],
};
repository['classified-by'] = {
  patterns: [
    {
      name: 'meta.classified-by.cable',
      begin: '^\\s*((?i:Classified\\s+By))\\s*(:)?',
      beginCaptures: { 1: { name: 'keyword.other.classified-by.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } },
      end: '$',
      patterns: [
        { match: '(?i)\\b(reasons?)\\b\\s*(:)?', captures: { 1: { name: 'keyword.other.reason.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } } },
        reasonLetters,
        { include: '#portion-marks' },
      ],
    },
    {
      name: 'meta.reason.line.cable',
      begin: '^\\s*((?i:Reasons?))\\b\\s*(:)?(?=\\s*1\\.[45])',
      beginCaptures: { 1: { name: 'keyword.other.reason.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } },
      end: '$',
      patterns: [reasonLetters, { include: '#portion-marks' }],
    },
    lineRegion({
      match: '^\\s*((?i:Declassify\\s+on|Derived\\s+from))\\s*(:)?',
      captures: { 1: { name: 'keyword.other.classified-by.cable' }, 2: { name: 'punctuation.separator.key-value.cable' } },
    }),
  ],
};

repository['paragraph-number'] = lineRegion({
  match: `^\\s*${labelled('\\d{1,3}')}(\\.)(?=\\s|$)`,
  captures: { ...labelCaptures('markup.heading.paragraph.cable entity.name.section.paragraph.cable', 1), 5: { name: 'punctuation.separator.label.cable' } },
});
repository['subparagraph'] = {
  patterns: [
    lineRegion({
      match: `^\\s*${labelled('\\d{1,3}[A-Z]|[A-Z]')}(\\.)(?=\\s|$)`,
      captures: { ...labelCaptures('markup.heading.subparagraph.cable entity.name.section.subparagraph.cable', 1), 5: { name: 'punctuation.separator.label.cable' } },
    }),
    lineRegion({ match: '^\\s*(\\()([a-z]|\\d{1,2})(\\))(?=\\s)', captures: { 2: { name: 'entity.name.section.subparagraph.cable' } } }),
  ],
};
repository['talking-point'] = lineRegion({
  match: '^\\s*(--?)(?!-)',
  captures: { 1: { name: 'markup.list.unnumbered.talking-point.cable punctuation.definition.list.begin.cable' } },
});
repository['whole-line'] = {
  comment: 'Lines that are one construct (the trailing blanks stop short of the newline, which ends the line region): NNNN, End Cable Text, //// or ---- underlines, SUMMARY-style headings, and (best effort) the signature, one all-capitals word before NNNN. One regex keeps the top-level scanner small.',
  match: "^\\s*(?:(NNNN)|((?i:End\\s+Cable\\s+Text))|(/{4,}|-{4,})|((?:SUMMARY|Summary|COMMENT|Comment|BACKGROUND|Background)(?:\\s+(?i:and\\s+(?:action\\s+request|comment)))?)\\.?|([A-Z][A-Z'-]{1,24}))[^\\S\\n]*$",
  captures: {
    1: { name: 'keyword.control.end-of-message.cable' },
    2: { name: 'comment.line.web-artifact.cable' },
    3: { name: 'markup.heading.underline.cable punctuation.definition.heading.underline.cable' },
    4: { name: 'keyword.control.block.begin.cable' },
    5: { name: 'entity.name.function.signature.cable' },
  },
};
repository['blocks'] = {
  comment: 'BEGIN x / END x, NOTE: / END NOTE., COMMENT, BACKGROUND, SUMMARY openers and headings.',
  patterns: [
    { match: `(?i)\\b(BEGIN)\\s+(${blockNames})\\b`, name: 'keyword.control.block.begin.cable' },
    { match: `(?i)\\b(END)\\s+(${blockNames})\\b`, name: 'keyword.control.block.end.cable' },
    {
      match: '\\b(?:NOTE|Note|COMMENT|Comment|SUMMARY|Summary|BACKGROUND|Background)(?:\\s+(?i:and\\s+(?:action\\s+request|comment)))?\\s*:',
      name: 'keyword.control.block.begin.cable',
    },
  ],
};
const shouldPhrase = '(?:EMBASSY|POSTS?|MISSION|USMISSION|AMBASSADOR|USDEL|DELEGATION)(?:\\s+REPS?)?\\s+SHOULD\\s*:';
repository['set-phrases'] = {
  patterns: [
    {
      match: `(?i)\\bAS\\s+NECESSARY\\s+AND\\s+APPROPRIATE,\\s*${shouldPhrase}`,
      name: 'keyword.other.set-phrase.cable',
    },
    { match: `(?i)\\b${shouldPhrase}`, name: 'keyword.other.set-phrase.cable' },
    { match: '(?i)\\bThis\\s+is\\s+an\\s+action\\s+request\\b', name: 'keyword.other.set-phrase.cable' },
  ],
};
const refLetter = '[A-Za-z](?![\\w\'’])';
repository['citations'] = {
  comment: 'REF C, (REF C), REFS D-J, refs A and B, REFTEL, SEPTEL; see paragraph 3, paras 4-6. Begin/end regions rather than captures with patterns, which re-scan the line and go quadratic on long lines.',
  patterns: [
    {
      name: 'meta.citation.reference.cable',
      begin: `(?i)\\b(REFS?)\\.?\\s+(?=${refLetter})`,
      beginCaptures: { 1: { name: 'keyword.other.reference.cable' } },
      end: "(?i)(?=[^\\s,&a-z-]|$)|(?<![a-z])(?=(?!and\\b)[a-z][\\w'’])",
      patterns: [{ match: `\\b${refLetter}`, name: 'variable.other.reference.ref.cable' }],
    },
    { match: '(?i)\\b(?:REFTELS?|SEPTELS?)\\b', name: 'keyword.other.reference.reftel.cable' },
    { comment: 'A separate rule: an optional "see" in front of the paragraph rule defeats the regex optimiser.', match: '(?i)\\bsee(?=\\s+para)', name: 'keyword.other.cross-reference.cable' },
    {
      name: 'meta.citation.paragraph.cable',
      begin: '(?i)\\b(para(?:graph)?s?)\\.?\\s+(?=\\d)',
      beginCaptures: { 1: { name: 'keyword.other.cross-reference.cable' } },
      end: '(?i)(?!\\d|\\s*(?:-|,|and\\b|through\\b|to\\b)\\s*\\d)',
      patterns: [
        { match: '\\d{1,3}(?:\\.[A-Za-z]\\b)?', name: 'variable.other.reference.paragraph.cable' },
        { match: '(?i)\\s*(?:-|,|and|through|to)\\s*(?=\\d)' },
      ],
    },
  ],
};
repository['portion-marks'] = {
  comment: 'Portion marks (U) (SBU) (C) (S) (TS), with dissemination controls after / or //.',
  // One regex for all levels keeps the scanner small; each level is its own pair of groups.
  match: Object.values(markCodes).map((code) => `(\\(${code}((?:/{1,2}[A-Z][A-Z0-9 ,]*)*)\\))`).join('|'),
  captures: Object.fromEntries(Object.keys(markCodes).flatMap((level, index) => [
    [2 * index + 1, { name: `meta.marking.portion.${level}.cable ${levelScope(level, 'marking')}` }],
    [2 * index + 2, { name: 'meta.dissemination-control.cable' }],
  ])),
};
repository['web-artifact'] = {
  match: '(\\[)([^\\[\\]\\r\\n]{1,80})(\\]\\(#\\))',
  captures: { 1: { name: artifactOpen }, 3: { name: artifactClose } },
};
const captureGroups = (regex) => (regex.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').match(/\((?!\?)/g) ?? []).length;
const caseScoped = (regex) => (regex.startsWith('(?i)') ? `(?i:${regex.slice(4)})` : regex);
// A regex with its capture groups made non-capturing, for use inside a lookahead.
const withoutGroups = (regex) => {
  let out = '';
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') { out += regex.slice(i, i + 2); i++; continue; }
    if (c === '[') {
      let j = i + 1;
      if (regex[j] === '^') j++;
      if (regex[j] === ']') j++;
      while (regex[j] !== ']') { if (regex[j] === '\\') j++; j++; }
      out += regex.slice(i, j + 1); i = j; continue;
    }
    out += c === '(' && regex[i + 1] !== '?' ? '(?:' : c;
  }
  return out;
};
// Several match rules as one regex: a capture group per named rule for its scope, each rule's own groups
// renumbered after it. Oniguruma tries every regex of a list at every position, so one regex with
// alternatives costs less than several.
const mergeRules = (wordRules, otherRules, last) => {
  let group = 1;
  const captures = {};
  const part = (rule, body) => {
    if (rule.name) captures[group++] = { name: rule.name };
    for (const [index, capture] of Object.entries(rule.captures ?? {})) captures[group + Number(index) - 1] = capture;
    group += captureGroups(body);
    return rule.name ? `(${body})` : `(?:${body})`;
  };
  const words = wordRules.map((rule) => part(rule, caseScoped(rule.match).replace(/^\\b/, '').replace(/^\(\?i:\\b/, '(?i:')));
  const others = otherRules.map((rule) => part(rule, caseScoped(rule.match)));
  return { match: [`\\b(?:${words.join('|')})`, ...others, last].join('|'), captures };
};
// Every in-line construct that starts with a word (set phrases, BEGIN/END, NOTE:, REFTEL, see, and the REF /
// paragraph citations), as one regex without groups: ordinary text is any word where none of them matches.
const inlineWordRules = [...repository['set-phrases'].patterns, ...repository['blocks'].patterns, ...repository['citations'].patterns];
// Without their leading `\b`: that check is slow (tried at every word it cost about 0.15 of the ratio to Markdown),
// and without it the lookahead rejects a superset (a construct word inside another word), which costs a search.
// Kept exact otherwise, so that a run goes on past `note`, `embassy`, `reference` and stops only before a construct.
const constructWord = inlineWordRules.map((rule) => withoutGroups(caseScoped(rule.match ?? rule.begin)).replace(/^\\b|^(\(\?i:)\\b/, '$1')).join('|');
// The beginning of every construct word (case-insensitive, a superset): a cheap check that most words fail at
// their first or second letter, before the exact one. Keep in step with the word rules and citations above
// (test/grammar/ordinaryText.test.ts checks each construct after ordinary words; a missing start fails it).
const constructWordStarts = ['AS\\s', 'AMB', 'BEGIN\\s', 'BACK', 'COMM', 'DELE', 'EMB', 'END\\s', 'MISS', 'NOTE', 'POST', 'PARA',
  'REF', 'SUMM', 'SEP', 'SEE\\s', 'THIS\\s', 'USM', 'USD'];
// The prefixes as a trie, its first level split in three by letter range so that a word tries few branches.
const trie = (words) => {
  const groups = new Map();
  for (const word of words) {
    const [head, rest] = word.startsWith('\\') ? [word.slice(0, 2), word.slice(2)] : [word[0], word.slice(1)];
    groups.set(head, [...(groups.get(head) ?? []), rest]);
  }
  const branches = [...groups].map(([head, rests]) => head + (rests.includes('') ? '' : rests.length === 1 ? rests[0] : `(?:${trie(rests)})`));
  return branches.join('|');
};
const startsIn = (range) => constructWordStarts.filter((word) => new RegExp(`^[${range}]`).test(word));
const constructStart = ['A-D', 'E-P', 'R-U'].map((range) => `(?=[${range}])(?:${trie(startsIn(range))})`).join('|');
if (['A-D', 'E-P', 'R-U'].flatMap(startsIn).length !== constructWordStarts.length) throw new Error('constructWordStarts outside the ranges');
const ordinaryWord = `(?!(?=(?i:${constructStart}))(?:${constructWord}))(?>[0-9A-Z_a-z]+)`;
// Ordinary text in one go: words where no construct begins, with what lies between them, stopping before a
// portion mark, `[` and the next construct. Words are ASCII (`[0-9A-Z_a-z]` is cheaper to test than `\w`); other letters count
// as text between words, which is safe because every construct word starts at a `\b` and a Unicode letter
// before it would defeat that `\b` anyway. The line regions' begins take it (below); the in-line regex tries
// it last (ordinaryRun), after a first item that is such a word or one character that starts nothing there,
// so the scanner advances by runs of words instead of searching character by character for the constructs.
// A `(` is text too unless a portion mark starts at it (the mark's own pattern, in a lookahead), so that
// `(MTCR)` or `(POC)` does not end a run.
const notMark = `\\((?!(?:${Object.values(markCodes).join('|')})(?:/{1,2}[A-Z][A-Z0-9 ,]*)*\\))`;
const between = `[^0-9A-Z_a-z(\\[\\n]*(?:${notMark}[^0-9A-Z_a-z(\\[\\n]*)*`;
const ordinaryText = `${between}(?:${ordinaryWord}${between})*`;
const ordinaryRun = `(?:${ordinaryWord}|[^0-9A-Z_a-z\\n])${ordinaryText}`;
repository['inline'] = {
  comment: 'Constructs found anywhere in a line, and runs of ordinary text between them (see ordinaryRun).',
  patterns: [
    mergeRules(
      [...repository['set-phrases'].patterns, ...repository['blocks'].patterns, ...repository['citations'].patterns.filter((rule) => rule.match)],
      [repository['portion-marks'], repository['web-artifact']],
      ordinaryRun,
    ),
    ...repository['citations'].patterns.filter((rule) => !rule.match),
  ],
};
for (const merged of ['set-phrases', 'blocks', 'citations']) delete repository[merged];
// Begin/end rules that differ only in their begin regex as one rule: alternatives in list order, each
// rule's begin groups renumbered after the previous ones. One regex fewer to try on every line.
const mergeBegins = (rules, extra = {}, tail = { begin: '' }) => {
  let group = 0;
  const beginCaptures = {};
  const alternatives = rules.map((rule) => {
    for (const [index, capture] of Object.entries(rule.beginCaptures ?? {})) beginCaptures[group + Number(index)] = capture;
    group += captureGroups(rule.begin);
    return rule.begin.replace(/^\^/, '');
  });
  for (const [index, capture] of Object.entries(tail.beginCaptures ?? {})) beginCaptures[group + Number(index)] = capture;
  const { begin: _begin, beginCaptures: _captures, comment: _comment, ...shared } = rules[0];
  return { ...extra, ...shared, begin: `^(?:${alternatives.join('|')})${tail.begin}`, beginCaptures };
};
// Single-line constructs are tried only where the line region begins: written with `^`, rewritten to
// `\G`, which Oniguruma tries at one position instead of scanning the line for a line start.
const atLineRegionStart = (rule) => JSON.parse(JSON.stringify(rule), (key, value) =>
  (key === 'match' || key === 'begin') && typeof value === 'string' && value.startsWith('^') ? '\\G' + value.slice(1) : value);
const lineStartRules = ['precedence-line', 'banner', 'sensitive-but-unclassified', 'captions', 'executive-order', 'classified-by',
  'paragraph-number', 'subparagraph', 'talking-point', 'whole-line'].flatMap((name) => {
  const rule = repository[name];
  delete repository[name];
  return rule.patterns && !rule.begin ? rule.patterns : [rule];
});
// The line-start constructs other than the ordinary-text ones (header lines, precedence, banner, captions, E.O.,
// Classified By, whole-line constructs): rare lines, so they sit in a region of their own that a line enters
// only when one of them matches at its start (its begin is all of them, without groups, in a lookahead).
// Ordinary lines then search a top level of 8 regexes once, instead of 9 and then the 12 of the old `line`.
const rareLineRules = [...repository['header-lines'].patterns, ...lineStartRules.filter((rule) => !lineRegions.has(rule))];
// The lines whose rest is ordinary text: constructs at the start (paragraph numbers, talking points, ...) as one
// regex (they never match the same line as a rule listed before them, so list order is kept), then any other
// line, in a regex of its own without capture groups (it matches most lines, and every group costs at each
// match). The rest of the line is a region that looks only for in-line constructs. Each begin also takes the
// ordinary text that follows (what the region's first search would take), so a line of ordinary text is one
// search to its end.
const ordinaryLineRules = [
  mergeBegins(lineStartRules.filter((rule) => lineRegions.has(rule)), {
    comment: 'Line-start constructs whose rest of line is ordinary text, and the ordinary text after them, up to one portion mark and the ordinary text after it.',
  }, { begin: `${ordinaryText}(?:(?:${repository['portion-marks'].match})${ordinaryText})?`, beginCaptures: repository['portion-marks'].captures }),
  { ...lineRegion({ match: `^(?=.)${ordinaryText}` }), comment: 'Any other line, and its ordinary text.' },
];
repository['rare-line'] = {
  comment: 'A line that starts with a single-line construct other than those of ordinary-line: the begin looks ahead for any of them, which are then tried at the region start only.',
  // The white space before them once, atomically, rather than again in each alternative.
  begin: `^(?=(?>\\s*)(?:${rareLineRules.map((rule) => withoutGroups((rule.match ?? rule.begin).replace(/^\^/, '')).replace(/^\\s\*/, '')).join('|')}))`,
  end: '$',
  patterns: [...rareLineRules, ...ordinaryLineRules].map(atLineRegionStart),
};
repository['ordinary-line'] = { patterns: ordinaryLineRules };
// The header constructs (VZCZC, FM/TO/INFO, TAGS, SUBJECT, REF) are looked for from the first line, or a line
// that starts with one of their words (a section's repeated header), to the next numbered paragraph: body lines
// then search a top level of four regexes instead of eight, and every line is tokenized as before (a line the
// begin takes in error is tokenized the same inside the region). `(?!\\G)`: a cable that starts with its
// paragraph 1 keeps the region to its next paragraph, as ending where the region began would stop the line.
const headerRules = ['transmission-header', 'addressees', 'tags', 'subject', 'references'];
repository['header'] = {
  comment: 'The cable up to its first numbered paragraph, and a repeated header up to the next: the header constructs, then any line.',
  begin: '^(?:\\A|(?=\\s*(?:VZCZC|FM|TO|INFO|TAGS|(?i:SUBJ|REF))))',
  end: '^(?!\\G)(?=\\s*(?:\\[\\d{1,3}\\]\\(#\\)|\\d{1,3})\\.\\s)',
  patterns: [...headerRules, 'rare-line', 'ordinary-line'].map((name) => ({ include: `#${name}` })),
};

const scopesDoc = {
  unclassified: levelScope('unclassified', 'marking'),
  sbu: levelScope('sbu', 'marking'),
  confidential: levelScope('confidential', 'marking'),
  secret: levelScope('secret', 'marking'),
  topsecret: levelScope('topsecret', 'marking'),
};
const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Cable',
  scopeName: 'text.cable',
  fileTypes: ['cable'],
  comment: 'Diplomatic cables (see docs/grammar.md for every scope). Classification levels: ' +
    Object.entries(scopesDoc).map(([k, v]) => `${k} -> ${v}`).join('; ') +
    '. Portion marks add meta.marking.portion.<level>.cable, banner lines meta.banner.<level>.cable, banner words use <...>.classification.<level>.cable.',
  patterns: [{ include: '#header' }, { include: '#rare-line' }, { include: '#ordinary-line' }],
  repository,
};
// vscode-textmate appends "\n" to every line, so a region that ends at the end of the line can look for that
// newline: Oniguruma finds it much faster than `$`, which it tries at every position of every search.
const endAtNewline = (node) => {
  if (Array.isArray(node)) return node.forEach(endAtNewline);
  if (!node || typeof node !== 'object') return;
  if (node.end === '$') {
    node.end = '(?=\\n)';
    keepNewline(node);
  }
  Object.values(node).forEach(endAtNewline);
};
// Inside such a region no regex may swallow that newline (as a trailing `\s*(:)?` would), or the region
// would run on into the next line.
const keepNewline = (node) => {
  if (Array.isArray(node)) return node.forEach(keepNewline);
  if (!node || typeof node !== 'object') return;
  for (const key of ['match', 'begin']) if (typeof node[key] === 'string') node[key] = node[key].replaceAll('\\s*(:)?', '[^\\S\\n]*(:)?');
  Object.values(node).forEach(keepNewline);
};
endAtNewline(grammar);
// The top-level line regions can take the newline too: then the top-level search that ends the line starts at
// its very end, one position fewer for each of its regexes. (Not the copies inside rare-line, whose own end
// must still see the newline.)
for (const rule of [repository['rare-line'], ...repository['ordinary-line'].patterns]) rule.end = '\\n';
foldGrammar(grammar);
fs.writeFileSync(process.argv[2], JSON.stringify(grammar, null, 2) + '\n');
