// The language features as a user meets them: hover widget, completion widget, light-bulb quick
// fix, the command palette, and a snippet expanding.
import assert from 'node:assert/strict';
import {
  focusEditor, goToLine, hoverUntil, lineNumberOf, openFile, runCommand, screenshot, suggestRow,
  waitForLine, waitForProblems, waitForSquiggle, chooseAction, waitForAction,
} from './workbench.mjs';

export const tests = [
  {
    name: 'hovering REF C shows STATE 106288',
    async run({ page, workspace, screenshotsDir }) {
      await openFile(page, 'seed.cable');
      await waitForProblems(page);
      await goToLine(page, lineNumberOf(workspace, 'seed.cable', /\(REF C\)/));
      await waitForLine(page, /\(REF C\)/);
      const text = await hoverUntil(page, '(REF C)', 5, 'STATE 106288');
      assert.match(text, /STATE 106288/);
      await screenshot(page, screenshotsDir, 'hover-ref.png');
    },
  },
  {
    name: 'completion after "TAGS: " lists PREL with its meaning',
    async run({ page, workspace, screenshotsDir }) {
      await openFile(page, 'draft.cable');
      await goToLine(page, lineNumberOf(workspace, 'draft.cable', /^TAGS:/));
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('TAGS: PR');
      await page.keyboard.press('Control+Space');
      const row = suggestRow(page, 'PREL');
      await row.waitFor({ timeout: 45_000 });
      let rowText = (await row.textContent()) ?? '';
      if (!/political/i.test(rowText)) {
        // The meaning may sit in the details pane rather than on the row: open it.
        await page.keyboard.press('Control+Space');
        const details = page.locator('.suggest-details-container .suggest-details', { hasText: /political/i }).first();
        await details.waitFor({ state: 'visible', timeout: 10_000 });
        rowText += ` ${(await details.textContent()) ?? ''}`;
      }
      assert.match(rowText, /External Political Relations/i);
      // The picture shows the meaning whole, in the details pane beside the list.
      const details = page.locator('.suggest-details-container .suggest-details').first();
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      await details.waitFor({ state: 'visible', timeout: 10_000 });
      await screenshot(page, screenshotsDir, 'tags-completion.png');
    },
  },
  {
    name: 'the light bulb offers the quick fix that inserts (U)',
    async run({ page, workspace, screenshotsDir }) {
      await openFile(page, 'unmarked.cable');
      await waitForSquiggle(page);
      const lineNumber = lineNumberOf(workspace, 'unmarked.cable', /^2\. This paragraph has no portion mark/);
      await goToLine(page, lineNumber);
      // The light bulb is a widget that carries its icon's codicon class itself.
      const bulb = page.locator('.lightBulbWidget.codicon').first();
      try {
        await bulb.waitFor({ state: 'visible', timeout: 15_000 });
        await bulb.click();
      } catch {
        await focusEditor(page);
        await goToLine(page, lineNumber);
        await page.keyboard.press('Control+.');
      }
      await waitForAction(page, '(U)');
      await screenshot(page, screenshotsDir, 'quick-fix.png');
      await chooseAction(page, '(U)');
      await waitForLine(page, /^2\. \(U\) This paragraph has no portion mark\.$/);
    },
  },
  {
    name: 'the command palette runs "Cable: Renumber Paragraphs" and 14. becomes 4.',
    async run({ page, workspace }) {
      await openFile(page, 'seed.cable');
      await goToLine(page, lineNumberOf(workspace, 'seed.cable', /^14\. \(U\)/));
      await waitForLine(page, /^14\. \(U\) Please slug/);
      await runCommand(page, 'Cable: Renumber Paragraphs');
      await waitForLine(page, /^4\. \(U\) Please slug/);
    },
  },
  {
    name: 'typing tp expands the talking-point snippet',
    async run({ page, workspace }) {
      await openFile(page, 'draft.cable');
      await goToLine(page, lineNumberOf(workspace, 'draft.cable', /^2\. \(U\) Points:/));
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('tp');
      await page.keyboard.press('Control+Space');
      const row = suggestRow(page, 'tp');
      await row.waitFor({ timeout: 30_000 });
      await row.click();
      const expanded = await waitForLine(page, /^--\s*\S/);
      assert.ok(!/^--\s*tp$/.test(expanded), `the snippet did not expand: ${expanded}`);
    },
  },
];
