// Classification guides in the real editor (issue 21): a paragraph marked below its guide topic draws
// CBL032, a hover on the matched words shows the topic, and the quick fix raises the mark.
import assert from 'node:assert/strict';
import { focusEditor, goToLine, hoverUntil, lineNumberOf, screenshot, waitForLine, chooseAction, waitForAction } from './workbench.mjs';

export const tests = [
  {
    name: "a paragraph below its guide topic's level: CBL032, the topic on hover, and the quick fix raises the mark",
    async run({ page, workspace, screenshotsDir }) {
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'guides' }).first().click();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'guided.cable' }).first().click();
      await page.locator('[id="status.editor.mode"]', { hasText: /cable/i }).waitFor({ timeout: 60_000 });
      await focusEditor(page);
      const line = lineNumberOf(workspace, 'guides/guided.cable', /^Category I transfer/);
      await goToLine(page, line);
      await waitForLine(page, /^Category I transfer/);
      // The status bar counts the portions the guide would raise.
      await page.locator('footer .statusbar-item', { hasText: /CONFIDENTIAL.*2/ }).first().waitFor({ timeout: 45_000 });
      const shown = await hoverUntil(page, 'Category I transfer', 3, 'MT-3');
      assert.match(shown, /Foreign government views/);
      assert.match(shown, /CONFIDENTIAL/);
      await screenshot(page, screenshotsDir, 'guide-hover.png');
      await page.keyboard.press('Escape');

      await focusEditor(page);
      await goToLine(page, line - 1);
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+.');
      await waitForAction(page, 'Raise the mark to (C)');
      await chooseAction(page, 'Raise the mark');
      await waitForLine(page, /^2\. \(C\) Paris shared in confidence/);
    },
  },
];
