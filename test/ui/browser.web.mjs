// Cable in the browser's extension host (npm run test:web: code-server with the extension forced into the
// web worker host, as on vscode.dev): it says it runs there, the seed is highlighted, a diagnostic offers
// its quick fix, the outline lists the cable, and the status bar shows the classification; a .cableignore
// leaves cables out of the index as on the desktop; Check All Cables in Workspace lists unopened cables' problems.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectSeedMarksColoured, focusEditor, goToLine, runCommand, lineNumberOf, openFile, screenshot, waitForLine, waitForNoSquiggle, waitForProblems, waitForSquiggle, chooseAction, waitForAction } from './workbench.mjs';

const cableIgnoreFixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e', 'cableignore');

export const tests = [
  {
    name: 'in the web worker host: the seed highlighted, the status bar, the outline, a quick fix for a missing mark',
    async run({ page, workspace, screenshotsDir }) {
      await openFile(page, 'seed.cable');
      // Only the browser build says this (once): the extension runs in the web worker host.
      await page.locator('.notifications-toasts', { hasText: 'Cable runs in the browser' }).waitFor({ timeout: 60_000 });

      await expectSeedMarksColoured(page, workspace);
      await page.locator('footer .statusbar-item', { hasText: 'CONFIDENTIAL' }).first().waitFor({ state: 'visible', timeout: 45_000 });
      await runCommand(page, 'Explorer: Focus on Outline View');
      await page.locator('.outline-pane .monaco-list-row', { hasText: 'FM SECSTATE WASHDC' }).first().waitFor({ timeout: 30_000 });

      await openFile(page, 'unmarked.cable');
      await waitForSquiggle(page);
      const lineNumber = lineNumberOf(workspace, 'unmarked.cable', /^2\. This paragraph has no portion mark/);
      await goToLine(page, lineNumber);
      await focusEditor(page);
      await goToLine(page, lineNumber);
      await page.keyboard.press('Control+.');
      await waitForAction(page, '(U)');
      await screenshot(page, screenshotsDir, 'browser.png');
      await chooseAction(page, '(U)');
      await waitForLine(page, /^2\. \(U\) This paragraph has no portion mark/);
    },
  },
  {
    name: 'in the web worker host: a .cableignore leaves a folder of received cables out of the index',
    async run({ page, workspace }) {
      // refcheck.cable (CONFIDENTIAL) cites STATE 067890, which received/secret.cable is (SECRET): CBL030, an info.
      // Copied in, then the window reloaded: a workspace that has them from the start.
      cpSync(cableIgnoreFixtures, workspace, { recursive: true });
      await page.reload();
      await openFile(page, 'refcheck.cable');
      await waitForSquiggle(page, 60_000);
      // Ignoring the folder takes the SECRET cable out of the index, and the finding goes.
      writeFileSync(join(workspace, '.cableignore'), 'received/\n');
      await waitForNoSquiggle(page);
      // Without the .cableignore, it is back.
      rmSync(join(workspace, '.cableignore'));
      await waitForSquiggle(page);
    },
  },
  {
    name: 'in the web worker host: Check All Cables in Workspace lists the problems of a cable no editor has open',
    async run({ page }) {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'unmarked.cable' }).first().waitFor({ timeout: 60_000 });
      await runCommand(page, 'Cable: Check All Cables in Workspace');
      // unmarked.cable's paragraph 2 has no mark: an error, counted in the status bar, with no editor open.
      await waitForProblems(page, 60_000);
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'unmarked.cable' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'CBL001' }).first().waitFor({ timeout: 30_000 });
    },
  },
];
