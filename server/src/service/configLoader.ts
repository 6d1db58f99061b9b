// Builds the one CableConfig from the editor's `cable` settings and a .cablerc.json. The file wins
// over the settings (it is shared with CI and the team; settings are one person's). Every bad key or
// value gets a message naming the file and the key, and the default stays in force for that key.
import { BULLET_MARKS, defaultConfig, type BulletMarks, type CableConfig, type RuleSeverity } from './config';
import { executiveOrderInfo } from './data/executiveOrders';
import type { Level } from './model';
import { ruleById } from './rules';

export interface ConfigSources {
  /** The `cable` settings section from the editor, if any. */
  settings?: unknown;
  /** The text of .cablerc.json and its name for messages, if any. */
  rcFile?: { name: string; text: string };
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
const SETTING_KEYS = ['rules', 'classification.systemHigh', 'declassification.maxYears', 'declassification.defaultYears', 'executiveOrder', 'marking.bullets'] as const;
type SettingKey = (typeof SETTING_KEYS)[number];

/** Flattens nested objects to dotted keys, stopping at `rules` (its keys are rule ids). */
function flatten(value: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (path !== 'rules' && child !== null && typeof child === 'object' && !Array.isArray(child)) entries.push(...flatten(child as Record<string, unknown>, path));
    else entries.push([path, child]);
  }
  return entries;
}

interface Layer {
  /** How messages name where the value came from: the file's name, or `settings cable.`. */
  describe(key: string): string;
  values: Array<[string, unknown]>;
  /** Settings hold other features' keys too; a configuration file holds only ours. */
  strict: boolean;
}

function settingsLayer(settings: unknown, errors: string[]): Layer | undefined {
  if (settings === undefined || settings === null) return undefined;
  if (typeof settings !== 'object' || Array.isArray(settings)) {
    errors.push('settings "cable": expected an object; using the defaults.');
    return undefined;
  }
  return { describe: (key) => `settings "cable.${key}"`, values: flatten(settings as Record<string, unknown>), strict: false };
}

function fileLayer(rcFile: { name: string; text: string }, errors: string[]): Layer | undefined {
  const text = rcFile.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    errors.push(`${rcFile.name}: not valid JSON (${error instanceof Error ? error.message : String(error)}); using the defaults and settings.`);
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    errors.push(`${rcFile.name}: expected a JSON object such as {"rules": {"CBL026": "off"}}; using the defaults and settings.`);
    return undefined;
  }
  const values = flatten(parsed as Record<string, unknown>).filter(([key]) => key !== '$schema');
  return { describe: (key) => `${rcFile.name}: "${key}"`, values, strict: true };
}

function parseLevel(value: unknown): Level | undefined {
  return typeof value === 'string' ? LEVEL_NAMES.get(value.trim().toUpperCase().replace(/\s+/g, ' ')) : undefined;
}

function parseYears(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100 ? value : undefined;
}

/** Applies one layer onto the config; the later layer overrides the earlier one key by key. */
function applyLayer(config: CableConfig, layer: Layer, errors: string[]): void {
  for (const [key, value] of layer.values) {
    if (value === undefined || value === null) continue;
    if (!(SETTING_KEYS as readonly string[]).includes(key)) {
      if (layer.strict) errors.push(`${layer.describe(key)} is not a Cable setting (known: ${SETTING_KEYS.join(', ')}); ignored.`);
      continue;
    }
    applySetting(config, key as SettingKey, value, layer, errors);
  }
}

function applySetting(config: CableConfig, key: SettingKey, value: unknown, layer: Layer, errors: string[]): void {
  const where = layer.describe(key);
  switch (key) {
    case 'rules': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        errors.push(`${where}: expected an object of rule id or alias to severity, e.g. {"CBL026": "off"}; ignored.`);
        return;
      }
      for (const [name, severity] of Object.entries(value as Record<string, unknown>)) {
        const rule = ruleById(name);
        if (!rule) {
          errors.push(`${layer.describe(`rules.${name}`)}: no rule has that id or alias; ignored.`);
        } else if (typeof severity !== 'string' || !SEVERITIES.includes(severity as RuleSeverity)) {
          errors.push(`${layer.describe(`rules.${name}`)}: ${JSON.stringify(severity)} is not a severity (${SEVERITIES.join(', ')}); the rule keeps its default.`);
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
      else errors.push(`${where}: ${JSON.stringify(value)} is not a classification level (UNCLASSIFIED, SBU, CONFIDENTIAL, SECRET, TOP SECRET, or U, C, S, TS); using ${config.systemHigh}.`);
      return;
    }
    case 'declassification.maxYears':
    case 'declassification.defaultYears': {
      const years = parseYears(value);
      const field = key === 'declassification.maxYears' ? 'maxDeclassificationYears' : 'defaultDeclassificationYears';
      if (years !== undefined) config[field] = years;
      else errors.push(`${where}: ${JSON.stringify(value)} is not a whole number of years from 1 to 100; using ${config[field]}.`);
      return;
    }
    case 'executiveOrder': {
      const order = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/^\s*E\.?O\.?\s*/i, '')) : NaN;
      if (executiveOrderInfo.has(order)) config.executiveOrder = String(order);
      else errors.push(`${where}: ${JSON.stringify(value)} is not a known executive order (e.g. 13526, 12958); using ${config.executiveOrder}.`);
      return;
    }
    case 'marking.bullets': {
      if (BULLET_MARKS.includes(value as BulletMarks)) config.bulletMarks = value as BulletMarks;
      else errors.push(`${where}: ${JSON.stringify(value)} is not one of ${BULLET_MARKS.join(', ')}; using ${config.bulletMarks}.`);
      return;
    }
  }
}

export function resolveConfig(sources: ConfigSources): { config: CableConfig; errors: string[] } {
  const errors: string[] = [];
  const config: CableConfig = { ...defaultConfig, rules: { ...defaultConfig.rules } };
  const layers = [settingsLayer(sources.settings, errors), sources.rcFile ? fileLayer(sources.rcFile, errors) : undefined];
  for (const layer of layers) if (layer) applyLayer(config, layer, errors);
  if (config.defaultDeclassificationYears > config.maxDeclassificationYears) {
    errors.push(
      `declassification.defaultYears (${config.defaultDeclassificationYears}) is more than declassification.maxYears (${config.maxDeclassificationYears}); using ${config.maxDeclassificationYears}.`,
    );
    config.defaultDeclassificationYears = config.maxDeclassificationYears;
  }
  return { config, errors };
}
