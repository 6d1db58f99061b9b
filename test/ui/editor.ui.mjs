// What only the screen shows about the seed: the grammar's colours for (U), (C) and the banner,
// the outline beside it, and the classification in the status bar.
import assert from 'node:assert/strict';
import { expectSeedMarksColoured, goToLine, lineNumberOf, openFile, renderedChar, runCommand, screenshot, waitForLine } from './workbench.mjs';

export const tests = [
  {
    name: 'the seed is highlighted: (U), (C) and the banner in colours of their own',
    async run({ page, workspace, screenshotsDir }) {
      await openFile(page, 'seed.cable');
      await goToLine(page, lineNumberOf(workspace, 'seed.cable', /STATE 109154$/));
      await waitForLine(page, /C O N F I D E N T I A L/);
      const banner = await renderedChar(page, 'C O N F I D E N T I A L', 0);
      const { plain } = await expectSeedMarksColoured(page, workspace);
      assert.notEqual(banner.color, plain.color, 'the banner is drawn like plain text');

      // The picture for the README: the top of the seed with its outline.
      await runCommand(page, 'Explorer: Focus on Outline View');
      await page.locator('.outline-pane .monaco-list-row').first().waitFor({ timeout: 30_000 });
      await goToLine(page, 1);
      await waitForLine(page, /^P R 102030Z OCT 08/);
      await screenshot(page, screenshotsDir, 'seed-editor.png');
    },
  },
  {
    name: 'the status bar shows the classification of the open cable',
    async run({ page }) {
      await openFile(page, 'seed.cable');
      const item = page.locator('footer .statusbar-item', { hasText: 'CONFIDENTIAL' }).first();
      await item.waitFor({ state: 'visible', timeout: 45_000 });
    },
  },
];
