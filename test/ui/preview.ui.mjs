// The preview beside the editor (issue 20): telegram pages with their banners, following the typing, and
// scrolling the editor when it is scrolled.
/* global document -- page.evaluate callbacks run in the browser */
import { goToLine, lineNumberOf, openFile, runCommand, screenshot } from './workbench.mjs';

/** The preview's page: a webview is an iframe holding the page's own iframe. */
function previewFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export const tests = [
  {
    name: 'Open Preview to the Side shows banners and page numbers, follows the typing, and scrolls the editor',
    async run({ page, workspace, screenshotsDir }) {
      await openFile(page, 'seed.cable');
      await runCommand(page, 'Cable: Open Preview to the Side');
      const preview = previewFrame(page);
      await preview.locator('header.banner', { hasText: 'CONFIDENTIAL' }).first().waitFor({ timeout: 45_000 });
      await preview.locator('.page-number', { hasText: /^Page 1 of \d+$/ }).first().waitFor({ timeout: 10_000 });
      await preview.locator('a.ref', { hasText: 'REF C' }).first().waitFor({ timeout: 10_000 });

      // Type in the editor: the preview shows it.
      await page.locator('.editor-group-container .monaco-editor').first().click();
      await goToLine(page, lineNumberOf(workspace, 'seed.cable', /^SUBJECT:/));
      await page.keyboard.press('End');
      await page.keyboard.type(' PREVIEWED');
      await preview.locator('.line', { hasText: 'PREVIEWED' }).first().waitFor({ timeout: 30_000 });
      await goToLine(page, 1);
      await screenshot(page, screenshotsDir, 'preview.png');

      // Scrolling the preview scrolls the editor to the same place.
      const topLine = () => page.evaluate(() => Math.min(...[...document.querySelectorAll('.editor-group-container .monaco-editor .line-numbers')].map((element) => Number(element.textContent)).filter((value) => value > 0)));
      const before = await topLine();
      const box = await page.locator('iframe.webview.ready').first().boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 2500);
      await page.waitForFunction((start) => Math.min(...[...document.querySelectorAll('.editor-group-container .monaco-editor .line-numbers')].map((element) => Number(element.textContent)).filter((value) => value > 0)) > start + 10, before, { timeout: 15_000 });
    },
  },
];
