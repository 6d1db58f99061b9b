// The configuration of a cable on disk, one way for the server and cable-lint: the nearest .cablerc.json
// above the file (each folder looked up once), resolved with the editor's settings under it, the
// classification guides that apply, and the TAGS vocabulary its `tags.extraFile` names (each file read
// once). Call `forget` when files change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeConfigProblem, resolveConfig, type ConfigFile, type ConfigProblem, type ResolvedConfig } from './service/configLoader';
import { GUIDE_FILE_NAME, applyingGuideNames, parseGuide, type Guide } from './service/guides';
import { loadTagVocabulary, type TagVocabulary } from './service/tagVocabulary';

export const RC_FILE_NAME = '.cablerc.json';

export class ConfigFiles {
  /** Per folder, the nearest configuration file at or above it (null: none up to the root). */
  private readonly nearestByFolder = new Map<string, ConfigFile | null>();

  private readonly nearestGuideByFolder = new Map<string, ConfigFile | null>();

  private readonly guides = new Map<string, { guide?: Guide; problems: ConfigProblem[] }>();

  private readonly vocabularies = new Map<string, { vocabulary: TagVocabulary; errors: string[] }>();

  /** The nearest .cablerc.json at or above `folder`. */
  nearest(folder: string): ConfigFile | undefined {
    return this.nearestNamed(folder, RC_FILE_NAME, this.nearestByFolder);
  }

  private nearestNamed(folder: string, fileName: string, cache: Map<string, ConfigFile | null>): ConfigFile | undefined {
    const cached = cache.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const name = path.join(folder, fileName);
    let found: ConfigFile | null;
    try {
      found = { name, text: fs.readFileSync(name, 'utf8') };
    } catch {
      const parent = path.dirname(folder);
      found = parent === folder ? null : (this.nearestNamed(parent, fileName, cache) ?? null);
    }
    cache.set(folder, found);
    return found ?? undefined;
  }

  /**
   * The configuration of the cable at `file`: `rcFile` when given (cable-lint --config), else the nearest;
   * with the guides that apply (the nearest .cableguide.json and those the configuration lists) and their problems.
   */
  resolve(file: string, options: { settings?: unknown; settingsFolder?: string; rcFile?: ConfigFile } = {}): ResolvedConfig {
    const rcFile = options.rcFile ?? this.nearest(path.dirname(file));
    const resolved = resolveConfig({ settings: options.settings, settingsFolder: options.settingsFolder, rcFile, target: file });
    const nearestGuide = this.nearestNamed(path.dirname(file), GUIDE_FILE_NAME, this.nearestGuideByFolder)?.name;
    const guides: Guide[] = [];
    for (const name of applyingGuideNames(nearestGuide && path.resolve(nearestGuide), resolved.config.guideFiles.map((guideFile) => path.resolve(guideFile)))) {
      const read = this.guide(name);
      if (read.guide) guides.push(read.guide);
      resolved.problems.push(...read.problems);
      resolved.errors.push(...read.problems.map(describeConfigProblem));
    }
    resolved.config.guides = guides;
    return resolved;
  }

  private guide(name: string): { guide?: Guide; problems: ConfigProblem[] } {
    let read = this.guides.get(name);
    if (!read) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(name, 'utf8');
      } catch (error) {
        read = { problems: [{ message: `cannot read the classification guide ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.` }] };
      }
      if (text !== undefined) read = parseGuide({ name, text });
      this.guides.set(name, read!);
    }
    return read!;
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
    this.nearestGuideByFolder.clear();
    this.guides.clear();
    this.vocabularies.clear();
  }
}
