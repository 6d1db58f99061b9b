// The extension activates on a .cable file, which gets the `cable` language, and its commands exist.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { extensionId, openCopy, waitFor } from './helpers';

describe('activation', () => {
  it('gives a .cable file the cable language and activates the extension', async () => {
    const { document } = await openCopy('seed.cable');
    assert.equal(document.languageId, 'cable');
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
  });

  it('registers the Cable commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of [
      'cable.renumberParagraphs', 'cable.reletterReferences', 'cable.fixAll',
      'cable.newCable', 'cable.updateBanner', 'cable.showPortionMarks',
    ]) {
      assert.ok(commands.includes(command), `command ${command} is not registered`);
    }
  });
});
