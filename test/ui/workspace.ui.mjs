// Issue 18 in the real editor: a rule id in the Problems panel is a link that opens the rule's page
// shipped in the extension, and the Getting Started walkthrough's steps run the real commands.
import { editorSelector, openFile, runCommand, screenshot, waitForLine, waitForProblems } from './workbench.mjs';

export const tests = [
  {
    name: "the rule id in the Problems panel opens the rule's page from the extension's docs",
    async run({ page, screenshotsDir }) {
      await openFile(page, 'unmarked.cable');
      await waitForProblems(page);
      await runCommand(page, 'View: Focus Problems');
      const link = page.locator('.markers-panel a', { hasText: 'CBL001' }).first();
      await link.waitFor({ timeout: 30_000 });
      await link.click();
      await page.locator('.tab.active', { hasText: 'rules.md' }).waitFor({ timeout: 30_000 });
      // The link names the rule's heading line: the editor shows it.
      await waitForLine(page, /^## CBL001 missing-portion-mark/);
      await screenshot(page, screenshotsDir, 'rule-docs.png');
    },
  },
  {
    name: 'the Getting Started walkthrough lists its steps and its first step opens a new cable',
    async run({ page }) {
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The command opens a second pick (which walkthrough), so the palette does not close: no runCommand here.
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('>Welcome: Open Walkthrough');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
      await page.keyboard.press('Enter');
      const choice = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Cable' }).first();
      await choice.waitFor({ timeout: 30_000 });
      await choice.click();
      for (const step of ['Create a new cable', 'See a problem and its quick fix', 'Fill in TAGS', 'Renumber paragraphs', 'Set up .cablerc.json']) {
        await page.locator('.getting-started-step', { hasText: step }).first().waitFor({ timeout: 30_000 });
      }
      await page.locator('.getting-started-step', { hasText: 'Create a new cable' }).first().click();
      await page.locator('.getting-started-step a, .getting-started-step .button-link', { hasText: 'New Cable' }).first().click();
      await page.locator('[id="status.editor.mode"]', { hasText: /cable/i }).waitFor({ timeout: 30_000 });
      await page.locator(`${editorSelector} .view-line`, { hasText: 'NNNN' }).first().waitFor({ timeout: 30_000 }).catch(async () => {
        // A long template may leave NNNN below the fold: the banner is near the top either way.
        await page.locator(`${editorSelector} .view-line`, { hasText: /STATE|UNCLAS|CONFIDENTIAL/ }).first().waitFor({ timeout: 10_000 });
      });
    },
  },
];
