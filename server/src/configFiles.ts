// The configuration of a cable on disk, one way for the server and cable-lint: the nearest .cablerc.json
// above the file (each folder looked up once), resolved with the editor's settings under it, and the
// TAGS vocabulary its `tags.extraFile` names (each file read once). Call `forget` when files change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, type ConfigFile, type ResolvedConfig } from './service/configLoader';
import { loadTagVocabulary, type TagVocabulary } from './service/tagVocabulary';

export const RC_FILE_NAME = '.cablerc.json';

export class ConfigFiles {
  /** Per folder, the nearest configuration file at or above it (null: none up to the root). */
  private readonly nearestByFolder = new Map<string, ConfigFile | null>();

  private readonly vocabularies = new Map<string, { vocabulary: TagVocabulary; errors: string[] }>();

  /** The nearest .cablerc.json at or above `folder`. */
  nearest(folder: string): ConfigFile | undefined {
    const cached = this.nearestByFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const name = path.join(folder, RC_FILE_NAME);
    let found: ConfigFile | null;
    try {
      found = { name, text: fs.readFileSync(name, 'utf8') };
    } catch {
      const parent = path.dirname(folder);
      found = parent === folder ? null : (this.nearest(parent) ?? null);
    }
    this.nearestByFolder.set(folder, found);
    return found ?? undefined;
  }

  /** The configuration of the cable at `file`: `rcFile` when given (cable-lint --config), else the nearest. */
  resolve(file: string, options: { settings?: unknown; settingsFolder?: string; rcFile?: ConfigFile } = {}): ResolvedConfig {
    const rcFile = options.rcFile ?? this.nearest(path.dirname(file));
    return resolveConfig({ settings: options.settings, settingsFolder: options.settingsFolder, rcFile, target: file });
  }

  /** The built-in vocabulary with the extra TAGS file's codes, if one is named. */
  vocabulary(extraFile: string): { vocabulary: TagVocabulary; errors: string[] } {
    let loaded = this.vocabularies.get(extraFile);
    if (!loaded) {
      loaded = loadTagVocabulary(extraFile || undefined, (file) => fs.readFileSync(file, 'utf8'));
      this.vocabularies.set(extraFile, loaded);
    }
    return loaded;
  }

  forget(): void {
    this.nearestByFolder.clear();
    this.vocabularies.clear();
  }
}
