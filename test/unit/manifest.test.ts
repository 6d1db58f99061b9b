// The manifest's contributions hold together: every command titled, categorised and run by the client
// or the server, every setting described with a default and documented in the README, the semantic
// token legend mapped to TextMate scopes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { clientCommands, serverCommands } from '../../client/src/commandIds';
import { semanticTokensLegend } from '../../server/src/service/semanticTokens';
import { repoRoot } from '../helpers';

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string; default?: unknown; enum?: unknown[]; enumDescriptions?: string[]; title?: string }> };
    semanticTokenTypes: Array<{ id: string; description: string }>;
    semanticTokenModifiers: Array<{ id: string; description: string }>;
    semanticTokenScopes: Array<{ language: string; scopes: Record<string, string[]> }>;
    jsonValidation: Array<{ fileMatch: string | string[]; url: string }>;
    walkthroughs: Array<{ id: string; title: string; steps: Array<{ id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }> }>;
    languages: Array<{ id: string; filenames?: string[] }>;
    taskDefinitions: Array<{ type: string }>;
    problemMatchers: Array<{ name: string }>;
  };
}

const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const clientSource = fs
  .readdirSync(path.join(repoRoot, 'client', 'src'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => fs.readFileSync(path.join(repoRoot, 'client', 'src', name), 'utf8'))
  .join('\n');
const serverSource = fs.readFileSync(path.join(repoRoot, 'server', 'src', 'features.ts'), 'utf8');

function section(markerName: string): string {
  const start = readme.indexOf(`<!-- ${markerName}:start -->`);
  const end = readme.indexOf(`<!-- ${markerName}:end -->`);
  assert.ok(start >= 0 && end > start, `README has no ${markerName} section`);
  return readme.slice(start, end);
}

describe('manifest', () => {
  const commands = manifest.contributes.commands;

  it('every command has a title and the category Cable', () => {
    assert.ok(commands.length >= 6);
    for (const command of commands) {
      assert.ok(command.title?.trim(), `${command.command} has no title`);
      assert.equal(command.category, 'Cable', command.command);
    }
  });

  it('every command is run by the client or by the server, and nothing else is claimed', () => {
    const contributed = commands.map((command) => command.command).sort();
    const implemented = [...Object.values(clientCommands), ...Object.values(serverCommands)].sort();
    assert.deepEqual(contributed, implemented);
    // The client registers its own commands from a table keyed by these ids...
    for (const id of Object.values(clientCommands)) assert.match(clientSource, new RegExp(`'${id.replace('.', '\\.')}': \\(`), `${id} has no handler`);
    assert.match(clientSource, /registerCommand\(command, handler\)/);
    // ...and the server lists its commands in executeCommandProvider, which the client library registers.
    for (const id of Object.values(serverCommands)) assert.ok(serverSource.includes(`'${id}'`), `features.ts does not implement ${id}`);
    assert.match(clientSource, /executeCommand: async \(command, args, next\)/, 'the middleware supplies the URI to server commands');
  });

  it('the palette offers the cable commands only in a cable, New Cable everywhere, the workspace check with a folder; the context menu holds the editing commands', () => {
    const palette = manifest.contributes.menus.commandPalette;
    for (const command of commands) {
      const entry = palette.find((item) => item.command === command.command);
      if (command.command === 'cable.newCable') assert.ok(!entry || !entry.when, 'New Cable is always in the palette');
      else if (command.command === 'cable.checkWorkspace' || command.command === 'cable.createConfig') assert.equal(entry?.when, 'workspaceFolderCount > 0');
      else assert.equal(entry?.when, 'editorLangId == cable', command.command);
    }
    const context = manifest.contributes.menus['editor/context'].map((item) => item.command);
    for (const id of Object.values(serverCommands)) assert.ok(context.includes(id), `${id} not in the editor context menu`);
    assert.ok(manifest.contributes.menus['editor/context'].every((item) => item.when === 'editorLangId == cable'));
  });

  it('the README documents every command', () => {
    const documented = section('commands');
    for (const command of commands) {
      assert.ok(documented.includes(`\`${command.command}\``), `${command.command} not in the README`);
      assert.ok(documented.includes(command.title), `${command.title} not in the README`);
    }
  });

  it('every setting has a title, a description and a default, enums have their descriptions, and the README documents it', () => {
    const properties = manifest.contributes.configuration.properties;
    const expected = ['cable.rules', 'cable.classification.systemHigh', 'cable.declassification.maxYears', 'cable.executiveOrder', 'cable.tags.extraFile', 'cable.validate.run', 'cable.trace.server'];
    for (const key of expected) assert.ok(properties[key], `${key} is not contributed`);
    const documented = section('settings');
    for (const [key, property] of Object.entries(properties)) {
      assert.ok(property.title, `${key} has no title`);
      assert.ok(property.description || property.markdownDescription, `${key} has no description`);
      assert.ok('default' in property, `${key} has no default`);
      if (property.enum) {
        assert.equal(property.enumDescriptions?.length, property.enum.length, `${key}: one description per enum value`);
        assert.ok(property.enum.includes(property.default), `${key}: the default is one of the values`);
      }
      assert.match(documented, new RegExp(`\\| \`${key.replace(/\./g, '\\.')}\` \\| \`${JSON.stringify(property.default).replace(/^"(.*)"$/, '$1').replace(/[{}]/g, '\\$&') || '""'}\``), `${key} and its default are not in the README settings table`);
    }
    assert.equal(properties['cable.declassification.maxYears'].default, 25);
    assert.equal(properties['cable.executiveOrder'].default, '13526');
    assert.deepEqual(properties['cable.validate.run'].enum, ['onType', 'onSave']);
    assert.deepEqual(properties['cable.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('every semantic token type and modifier of the legend is declared, and each type and modifier maps to scopes', () => {
    const types = manifest.contributes.semanticTokenTypes.map((type) => type.id);
    const modifiers = manifest.contributes.semanticTokenModifiers.map((modifier) => modifier.id);
    assert.deepEqual([...types].sort(), [...semanticTokensLegend.tokenTypes].sort());
    assert.deepEqual([...modifiers].sort(), [...semanticTokensLegend.tokenModifiers].sort());
    const scopes = manifest.contributes.semanticTokenScopes.find((entry) => entry.language === 'cable')!.scopes;
    const selectors = Object.keys(scopes);
    for (const selector of selectors) {
      const [type, ...selectorModifiers] = selector.split('.');
      assert.ok(types.includes(type), `${selector}: unknown type`);
      for (const modifier of selectorModifiers) assert.ok(modifiers.includes(modifier), `${selector}: unknown modifier`);
      assert.ok(scopes[selector].length > 0 && scopes[selector].every((scope) => scope.endsWith('.cable')), selector);
    }
    for (const level of ['unclassified', 'sbu', 'confidential', 'secret', 'topSecret']) assert.ok(selectors.includes(`portionMark.${level}`), level);
    for (const required of ['refCitation', 'refCitation.unresolved', 'tag', 'tag.unknown', 'paragraphNumber.outOfSequence']) assert.ok(selectors.includes(required), required);
  });

  it('.cablerc.json and classification guides are validated against their schemas and edited as JSON with comments', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [
      { fileMatch: '.cablerc.json', url: './schemas/cablerc.schema.json' },
      { fileMatch: ['.cableguide.json', '*.cableguide.json'], url: './schemas/cableguide.schema.json' },
    ]);
    for (const schema of manifest.contributes.jsonValidation) assert.ok(fs.existsSync(path.join(repoRoot, schema.url)), schema.url);
    assert.ok(manifest.contributes.languages.some((language) => language.id === 'jsonc' && language.filenames?.includes('.cablerc.json') && language.filenames.includes('.cableguide.json')));
  });

  it('the walkthrough: five steps in order, each with its page in docs/ and a link that runs the command it completes on', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((step) => step.title), ['Create a new cable', 'See a problem and its quick fix', 'Fill in TAGS', 'Renumber paragraphs', 'Set up .cablerc.json']);
    const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(repoRoot, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
      const link = /\]\(command:([\w.]+)\)/.exec(step.description);
      assert.ok(link, `${step.id} has a command link`);
      assert.deepEqual(step.completionEvents, [`onCommand:${link[1]}`], `${step.id} completes when its command runs`);
      if (link[1].startsWith('cable.')) assert.ok(contributed.has(link[1]), `${link[1]} is a contributed command`);
    }
  });

  it('Tasks: Run Task offers cable-lint, read by the $cable-lint problem matcher', () => {
    assert.deepEqual(manifest.contributes.taskDefinitions.map((task) => task.type), ['cable-lint']);
    assert.ok(manifest.contributes.problemMatchers.some((matcher) => matcher.name === 'cable-lint'));
    assert.ok(manifest.activationEvents?.includes('onTaskType:cable-lint'));
    const client = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /registerTaskProvider\(CABLE_LINT_TASK/);
    assert.match(client, /'\$cable-lint'/);
  });

  it('the snippets contributed for cable exist', () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'snippets', 'cable.code-snippets')));
  });
});
