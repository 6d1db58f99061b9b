// Builds the one CableConfig for a cable from the editor's `cable` settings and the nearest .cablerc.json
// (JSON with comments), whose `overrides` apply in order to the files their globs match. The file wins
// over the settings (it is shared with CI and the team; settings are one person's). Every bad key or
// value is reported at its place, and the default stays in force for that key. Pure: the server and
// the CLI find and read the files (see configFiles.ts).
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch/posix';
import { BULLET_MARKS, VALIDATE_RUNS, defaultConfig, type BulletMarks, type CableConfig, type RuleSeverity, type ValidateRun } from './config';
import { executiveOrderInfo } from './data/executiveOrders';
import type { Level } from './model';
import { ruleById } from './rules';
import { relativeInside } from './paths';

export interface ConfigFile {
  /** The file's path (the folder it stands in anchors its override globs and relative paths). */
  name: string;
  text: string;
}

export interface ConfigSources {
  /** The `cable` settings section from the editor, if any. */
  settings?: unknown;
  /** The folder the settings' relative paths start from (the workspace folder). */
  settingsFolder?: string;
  /** The nearest .cablerc.json, if any. */
  rcFile?: ConfigFile;
  /** The cable being configured: the overrides whose globs match it apply. */
  target?: string;
}

/** A zero-based position in a configuration file. */
export interface ConfigPosition {
  line: number;
  character: number;
}

/** A bad key or value, and where it is: in a file (with its range) or in the settings. */
export interface ConfigProblem {
  /** The configuration file, or undefined for the editor's settings. */
  file?: string;
  range?: { start: ConfigPosition; end: ConfigPosition };
  message: string;
}

export interface ResolvedConfig {
  config: CableConfig;
  /** Every problem of the sources, whether or not it touches the target (an override for other files too). */
  problems: ConfigProblem[];
  /** The problems as lines: `file:line:column: message`, or `settings "cable.key": message`. */
  errors: string[];
}

const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

const LEVEL_NAMES: ReadonlyMap<string, Level> = new Map([
  ['U', 'U'],
  ['UNCLAS', 'U'],
  ['UNCLASSIFIED', 'U'],
  ['SBU', 'SBU'],
  ['SENSITIVE BUT UNCLASSIFIED', 'SBU'],
  ['C', 'C'],
  ['CONFIDENTIAL', 'C'],
  ['S', 'S'],
  ['SECRET', 'S'],
  ['TS', 'TS'],
  ['TOP SECRET', 'TS'],
]);

/** The keys a configuration may hold, as dotted paths; a file may also nest them (`{"classification": {"systemHigh": ...}}`). */
export const SETTING_KEYS = [
  'rules',
  'classification.systemHigh',
  'declassification.maxYears',
  'declassification.defaultYears',
  'executiveOrder',
  'marking.bullets',
  'tags.extraFile',
  'validate.run',
  'guides',
] as const;
type SettingKey = (typeof SETTING_KEYS)[number];

/** One key's value from a layer, with the JSON nodes it came from when it came from a file. */
interface Entry {
  key: string;
  value: unknown;
  keyNode?: Node;
  valueNode?: Node;
}

interface Layer {
  entries: Entry[];
  /** The configuration file, or undefined for the settings. */
  file?: string;
  /** The folder relative paths start from. */
  folder?: string;
  /** Settings hold other features' keys too (and `trace`); a configuration file holds only ours. */
  strict: boolean;
  /** An override already checked on its own: applying it reports nothing again. */
  checked?: boolean;
}

/** Flattens a settings object to dotted keys, stopping at `rules` (its keys are rule ids). */
function flattenValue(value: Record<string, unknown>, prefix = ''): Entry[] {
  const entries: Entry[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (path !== 'rules' && child !== null && typeof child === 'object' && !Array.isArray(child)) entries.push(...flattenValue(child as Record<string, unknown>, path));
    else entries.push({ key: path, value: child });
  }
  return entries;
}

/** The same for a JSON object node, keeping each key's nodes for the problem's place. */
function flattenNode(object: Node, prefix = ''): Entry[] {
  const entries: Entry[] = [];
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const path = prefix ? `${prefix}.${String(keyNode.value)}` : String(keyNode.value);
    if (path !== 'rules' && valueNode.type === 'object') entries.push(...flattenNode(valueNode, path));
    else entries.push({ key: path, value: getNodeValue(valueNode), keyNode, valueNode });
  }
  return entries;
}

/** A position table for the file's text: offsets to line and character. */
function positionsOf(text: string): (offset: number) => ConfigPosition {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  };
}

/** The folder a path stands in, with `/` or `\` separators. */
function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut <= 0 ? file.slice(0, cut + 1) : file.slice(0, cut);
}

function isAbsolutePath(file: string): boolean {
  return file.startsWith('/') || file.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(file) || /^[a-z][a-z0-9+.-]*:\/\//i.test(file);
}

/** A relative path joined to the folder it was written for (the config file's, or the settings' workspace folder). */
function joinToFolder(file: string, folder: string | undefined): string {
  return file === '' || isAbsolutePath(file) || !folder ? file : `${folder.replace(/[\\/]+$/, '')}/${file}`;
}

class Problems {
  readonly list: ConfigProblem[] = [];

  private readonly position?: (offset: number) => ConfigPosition;

  constructor(private readonly file: ConfigFile | undefined) {
    if (file) this.position = positionsOf(file.text.replace(/^\uFEFF/, ''));
  }

  /** A problem at `node` of the file (or the settings, when `node` is undefined and the layer is not a file). */
  add(message: string, node?: Node, inFile = node !== undefined): void {
    const problem: ConfigProblem = { message };
    if (inFile && this.file) {
      problem.file = this.file.name;
      const at = node ?? { offset: 0, length: 0 };
      problem.range = { start: this.position!(at.offset), end: this.position!(at.offset + at.length) };
    }
    this.list.push(problem);
  }
}

function settingsLayer(sources: ConfigSources, problems: Problems): Layer | undefined {
  const settings = sources.settings;
  if (settings === undefined || settings === null) return undefined;
  if (typeof settings !== 'object' || Array.isArray(settings)) {
    problems.add('settings "cable": expected an object; using the defaults.', undefined, false);
    return undefined;
  }
  return { entries: flattenValue(settings as Record<string, unknown>), folder: sources.settingsFolder, strict: false };
}

/** The file's own keys, then each override that matches the target; every override is checked either way. */
function fileLayers(rcFile: ConfigFile, target: string | undefined, problems: Problems): Layer[] {
  const text = rcFile.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return [];
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, allowEmptyContent: true });
  if (parseErrors.length > 0 || !root) {
    const first = parseErrors[0];
    const reason = first ? printParseErrorCode(first.error) : 'no value';
    problems.add(`not valid JSON (${reason}); using the defaults and settings.`, first ? { offset: first.offset, length: first.length } as Node : undefined, true);
    return [];
  }
  if (root.type !== 'object') {
    problems.add('expected a JSON object such as {"rules": {"CBL026": "off"}}; using the defaults and settings.', root);
    return [];
  }
  const folder = folderOf(rcFile.name);
  const own = flattenNode(root).filter((entry) => entry.key !== '$schema' && entry.key !== 'overrides');
  const layers: Layer[] = [{ entries: own, file: rcFile.name, folder, strict: true }];
  const overrides = root.children?.find((property) => property.children?.[0]?.value === 'overrides')?.children?.[1];
  if (!overrides) return layers;
  if (overrides.type !== 'array') {
    problems.add('"overrides": expected a list of {"files": ["glob", ...], "rules": {...}}; ignored.', overrides);
    return layers;
  }
  const relative = target === undefined ? undefined : relativeInside(folder, target);
  for (const override of overrides.children ?? []) {
    const matches = overrideMatches(override, relative, problems);
    if (matches === undefined) continue;
    const entries = flattenNode(override).filter((entry) => entry.key !== 'files');
    const layer: Layer = { entries, file: rcFile.name, folder, strict: true };
    // Checked whether or not it applies, so a mistake shows before the day a file matches it.
    applyLayer({ ...defaultConfig, rules: {} }, layer, problems);
    if (matches) layers.push({ ...layer, checked: true });
  }
  return layers;
}

/** Whether an override applies to the target (relative to the config's folder); undefined when the override is unusable. */
function overrideMatches(override: Node, relative: string | undefined, problems: Problems): boolean | undefined {
  if (override.type !== 'object') {
    problems.add('an override is an object such as {"files": ["received/**"], "rules": {"CBL001": "off"}}; ignored.', override);
    return undefined;
  }
  const filesNode = override.children?.find((property) => property.children?.[0]?.value === 'files')?.children?.[1];
  const files = filesNode ? getNodeValue(filesNode) : undefined;
  const patterns = typeof files === 'string' ? [files] : files;
  if (!Array.isArray(patterns) || patterns.length === 0 || !patterns.every((pattern) => typeof pattern === 'string' && pattern.trim() !== '')) {
    problems.add('"files": expected a list of glob patterns relative to this file, e.g. ["received/**"]; the override is ignored.', filesNode ?? override);
    return undefined;
  }
  if (relative === undefined) return false;
  // `received/` means everything in that folder, as in .gitignore.
  const globs = (patterns as string[]).map((pattern) => pattern.replace(/^\.\//, '').replace(/\/$/, '/**'));
  return picomatch(globs, { dot: true })(relative);
}

function parseLevel(value: unknown): Level | undefined {
  return typeof value === 'string' ? LEVEL_NAMES.get(value.trim().toUpperCase().replace(/\s+/g, ' ')) : undefined;
}

function parseYears(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100 ? value : undefined;
}

/** Applies one layer onto the config; the later layer overrides the earlier one key by key. */
function applyLayer(config: CableConfig, layer: Layer, problems: Problems): void {
  for (const entry of layer.entries) {
    if (entry.value === undefined || entry.value === null) continue;
    if (!(SETTING_KEYS as readonly string[]).includes(entry.key)) {
      if (layer.strict) problems.add(`"${entry.key}" is not a Cable setting (known: ${SETTING_KEYS.join(', ')}, overrides); ignored.`, entry.keyNode);
      continue;
    }
    applySetting(config, entry.key as SettingKey, entry, layer, problems);
  }
}

function applySetting(config: CableConfig, key: SettingKey, entry: Entry, layer: Layer, problems: Problems): void {
  const { value } = entry;
  const where = layer.file ? `"${key}"` : `settings "cable.${key}"`;
  const report = (message: string, node = entry.valueNode) => problems.add(message, node, layer.file !== undefined);
  switch (key) {
    case 'rules': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        report(`${where}: expected an object of rule id or alias to severity, e.g. {"CBL026": "off"}; ignored.`);
        return;
      }
      const properties = entry.valueNode?.children ?? [];
      for (const [name, severity] of Object.entries(value as Record<string, unknown>)) {
        const property = properties.find((candidate) => candidate.children?.[0]?.value === name);
        const ruleWhere = layer.file ? `"rules.${name}"` : `settings "cable.rules.${name}"`;
        const rule = ruleById(name);
        if (!rule) {
          report(`${ruleWhere}: no rule has that id or alias; ignored.`, property?.children?.[0]);
        } else if (typeof severity !== 'string' || !SEVERITIES.includes(severity as RuleSeverity)) {
          report(`${ruleWhere}: ${JSON.stringify(severity)} is not a severity (${SEVERITIES.join(', ')}); the rule keeps its default.`, property?.children?.[1]);
        } else {
          // Stored by id, so an alias in one place and the id in another name the same entry.
          delete config.rules[rule.id];
          config.rules[rule.id] = severity as RuleSeverity;
        }
      }
      return;
    }
    case 'classification.systemHigh': {
      const level = parseLevel(value);
      if (level) config.systemHigh = level;
      else report(`${where}: ${JSON.stringify(value)} is not a classification level (UNCLASSIFIED, SBU, CONFIDENTIAL, SECRET, TOP SECRET, or U, C, S, TS); using ${config.systemHigh}.`);
      return;
    }
    case 'declassification.maxYears':
    case 'declassification.defaultYears': {
      const years = parseYears(value);
      const field = key === 'declassification.maxYears' ? 'maxDeclassificationYears' : 'defaultDeclassificationYears';
      if (years !== undefined) config[field] = years;
      else report(`${where}: ${JSON.stringify(value)} is not a whole number of years from 1 to 100; using ${config[field]}.`);
      return;
    }
    case 'executiveOrder': {
      const order = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/^\s*E\.?O\.?\s*/i, '')) : NaN;
      if (executiveOrderInfo.has(order)) config.executiveOrder = String(order);
      else report(`${where}: ${JSON.stringify(value)} is not a known executive order (e.g. 13526, 12958); using ${config.executiveOrder}.`);
      return;
    }
    case 'marking.bullets': {
      if (BULLET_MARKS.includes(value as BulletMarks)) config.bulletMarks = value as BulletMarks;
      else report(`${where}: ${JSON.stringify(value)} is not one of ${BULLET_MARKS.join(', ')}; using ${config.bulletMarks}.`);
      return;
    }
    case 'tags.extraFile': {
      if (typeof value !== 'string') {
        report(`${where}: ${JSON.stringify(value)} is not a file path; ignored.`);
        return;
      }
      config.tagsExtraFile = joinToFolder(value.trim(), layer.folder);
      return;
    }
    case 'guides': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
        report(`${where}: expected a list of classification guide files, e.g. ["guides/mtcr.cableguide.json"]; ignored.`);
        return;
      }
      config.guideFiles = (value as string[]).map((file) => joinToFolder(file.trim(), layer.folder));
      return;
    }
    case 'validate.run': {
      if (VALIDATE_RUNS.includes(value as ValidateRun)) config.validateRun = value as ValidateRun;
      else report(`${where}: ${JSON.stringify(value)} is not one of ${VALIDATE_RUNS.join(', ')}; using ${config.validateRun}.`);
      return;
    }
  }
}

/** `file:line:column: message` (one-based), or the message alone for the settings. */
export function describeConfigProblem(problem: ConfigProblem): string {
  if (!problem.file) return problem.message;
  const start = problem.range?.start;
  return start ? `${problem.file}:${start.line + 1}:${start.character + 1}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

export function resolveConfig(sources: ConfigSources): ResolvedConfig {
  const settingsProblems = new Problems(undefined);
  const fileProblems = new Problems(sources.rcFile);
  const config: CableConfig = { ...defaultConfig, rules: { ...defaultConfig.rules } };
  const settings = settingsLayer(sources, settingsProblems);
  if (settings) applyLayer(config, settings, settingsProblems);
  if (sources.rcFile) {
    for (const layer of fileLayers(sources.rcFile, sources.target, fileProblems)) applyLayer(config, layer, layer.checked ? new Problems(undefined) : fileProblems);
  }
  const problems = [...settingsProblems.list, ...fileProblems.list];
  if (config.defaultDeclassificationYears > config.maxDeclassificationYears) {
    problems.push({
      message: `declassification.defaultYears (${config.defaultDeclassificationYears}) is more than declassification.maxYears (${config.maxDeclassificationYears}); using ${config.maxDeclassificationYears}.`,
    });
    config.defaultDeclassificationYears = config.maxDeclassificationYears;
  }
  return { config, problems, errors: problems.map(describeConfigProblem) };
}
