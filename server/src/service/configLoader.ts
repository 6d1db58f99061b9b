// Builds the one CableConfig from the editor's settings and a .cablerc.json, with clear messages. (Placeholder.)
import { defaultConfig, type CableConfig } from './config';

export interface ConfigSources {
  /** The `cable` settings section from the editor, if any. */
  settings?: unknown;
  /** The text of .cablerc.json and its name for messages, if any. */
  rcFile?: { name: string; text: string };
}

export function resolveConfig(_sources: ConfigSources): { config: CableConfig; errors: string[] } {
  return { config: defaultConfig, errors: [] };
}
