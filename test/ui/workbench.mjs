// Driving code-server's workbench in Chromium for the UI tests: open a file, move the cursor, find
// rendered text, wait for the editor's own signals (squiggles, widgets), never for a fixed time.
/* global document, NodeFilter, getComputedStyle -- page.evaluate callbacks run in the browser */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const editorSelector = '.editor-group-container.active .monaco-editor';

/** The one-based number of the first line of a workspace file matching `pattern`. */
export function lineNumberOf(workspace, fileName, pattern) {
  const lines = readFileSync(join(workspace, fileName), 'utf8').split(/\r?\n/);
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line of ${fileName} matches ${pattern}`);
  return index + 1;
}

/** Opens a file from the explorer and waits until its editor shows text. */
export async function openFile(page, fileName) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.locator('.tab.active', { hasText: fileName }).waitFor();
  await page.locator(`${editorSelector} .view-line`).first().waitFor();
  // The first window after installing may open the file before the extension's language is known.
  if (fileName.endsWith('.cable')) {
    await page.locator('[id="status.editor.mode"]', { hasText: /cable/i }).waitFor({ timeout: 60_000 });
  }
  await focusEditor(page);
}

export async function focusEditor(page) {
  await page.locator(`${editorSelector} .view-lines`).click({ position: { x: 5, y: 5 } });
}

/**
 * Runs a command from the palette by its title, as a user would. A window that has just opened may list an
 * extension's commands only a little later: the palette is asked again until the command is there.
 */
export async function runCommand(page, title, timeout = 60_000) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (const deadline = Date.now() + timeout; ;) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    const listed = await row.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (listed) break;
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`the command palette does not list "${title}"`);
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Moves the cursor to the start of a line (Go to Line) and back into the editor. */
export async function goToLine(page, lineNumber) {
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${lineNumber}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Waits until the language server has published a diagnostic that the editor draws. */
export async function waitForSquiggle(page, timeout = 45_000) {
  await page.locator(`${editorSelector} :is(.squiggly-error, .squiggly-warning, .squiggly-info)`).first()
    .waitFor({ state: 'attached', timeout });
}

/** Waits until the editor draws no diagnostic of these kinds (`squiggly-info`, ...) any more. */
export async function waitForNoSquiggle(page, kinds = ['squiggly-error', 'squiggly-warning', 'squiggly-info'], timeout = 45_000) {
  const selector = `${editorSelector} :is(${kinds.map((kind) => `.${kind}`).join(', ')})`;
  await page.locator(selector).first().waitFor({ state: 'detached', timeout });
}

/** Waits until the Problems item of the status bar counts at least one problem. */
export async function waitForProblems(page, timeout = 45_000) {
  await page.waitForFunction(() => {
    const item = document.querySelector('[id="status.problems"]');
    const label = item?.getAttribute('aria-label') ?? item?.textContent ?? '';
    return /[1-9]/.test(label);
  }, undefined, { timeout });
}

/** The rendered editor lines, top to bottom, with the editor's non-breaking spaces made plain. */
export async function visibleLines(page) {
  return page.evaluate((selector) => {
    const lines = [...document.querySelectorAll(`${selector} .view-lines .view-line`)];
    lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
  }, editorSelector);
}

/** Waits until a rendered line matches `pattern`; returns that line. */
export async function waitForLine(page, pattern, timeout = 30_000) {
  const handle = await page.waitForFunction(({ selector, source, flags }) => {
    const regex = new RegExp(source, flags);
    for (const line of document.querySelectorAll(`${selector} .view-lines .view-line`)) {
      const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      if (regex.test(text)) return text;
    }
    return false;
  }, { selector: editorSelector, source: pattern.source, flags: pattern.flags }, { timeout });
  return handle.jsonValue();
}

/**
 * Finds `needle` in the rendered lines and returns, for the character at `charIndex` within it,
 * its box on screen and the computed colour of the span that draws it.
 */
export async function renderedChar(page, needle, charIndex = 0) {
  const found = await page.evaluate(({ selector, needle, charIndex }) => {
    for (const line of document.querySelectorAll(`${selector} .view-lines .view-line`)) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: text.length });
        text += node.data.replace(/\u00a0/g, ' ');
      }
      const at = text.indexOf(needle);
      if (at < 0) continue;
      const target = at + charIndex;
      const holder = [...nodes].reverse().find((entry) => entry.start <= target);
      const range = document.createRange();
      range.setStart(holder.node, target - holder.start);
      range.setEnd(holder.node, target - holder.start + 1);
      const box = range.getBoundingClientRect();
      return {
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
        color: getComputedStyle(holder.node.parentElement).color,
      };
    }
    return undefined;
  }, { selector: editorSelector, needle, charIndex });
  if (!found) throw new Error(`"${needle}" is not on screen; lines: ${(await visibleLines(page)).join(' / ')}`);
  return found;
}

/**
 * Hovers the character and waits for a hover widget containing `expected`. A hover made before
 * the server is ready shows nothing, so it moves away and hovers again until the deadline.
 */
export async function hoverUntil(page, needle, charIndex, expected, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  const widget = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: expected }).first();
  for (;;) {
    const { x, y } = await renderedChar(page, needle, charIndex);
    await page.mouse.move(5, 5);
    await page.mouse.move(x, y, { steps: 3 });
    try {
      await widget.waitFor({ state: 'visible', timeout: 4_000 });
      // The widget fades in: wait for the end of the fade so a screenshot shows it whole.
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover:not(.hidden)')]
        .some((hover) => getComputedStyle(hover).opacity === '1' && getComputedStyle(hover.parentElement ?? hover).opacity === '1'), undefined, { timeout: 5_000 });
      return (await widget.textContent()) ?? '';
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no hover with "${expected}" over "${needle}" after ${timeout / 1000} s`, { cause: error });
    }
  }
}

/** The suggest widget's row whose text contains `label`, once visible. */
export function suggestRow(page, label) {
  return page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { hasText: label }).first();
}

export async function screenshot(page, screenshotsDir, name) {
  await page.screenshot({ path: join(screenshotsDir, name) });
}

/** Waits for the action in the open quick-fix menu whose label holds `label`. */
export async function waitForAction(page, label) {
  await page.locator('.action-widget .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** Runs that action, choosing it with the keyboard (the menu's own focus moves as the mouse passes). */
export async function chooseAction(page, label) {
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let step = 0; step < 10 && !((await focused.textContent().catch(() => '')) ?? '').includes(label); step += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/**
 * Asserts that the seed's (U) and (C) marks are drawn in colours of their own, apart from plain text; returns
 * the three characters read (the caller may compare more with them).
 */
export async function expectSeedMarksColoured(page, workspace) {
  await goToLine(page, lineNumberOf(workspace, 'seed.cable', /This is an action request/));
  await waitForLine(page, /Guidance for use by the Embassy REP/);
  const unclassified = await renderedChar(page, '(U) This is an action request', 1);
  // Words of the body that no rule of the grammar names: the colour of plain text.
  const plain = await renderedChar(page, 'Embassy Paris please', 2);
  const confidential = await renderedChar(page, '(C) Guidance for use', 1);
  assert.notEqual(unclassified.color, confidential.color, '(U) and (C) are drawn in the same colour');
  assert.notEqual(unclassified.color, plain.color, '(U) is drawn like plain text');
  assert.notEqual(confidential.color, plain.color, '(C) is drawn like plain text');
  return { unclassified, confidential, plain };
}
