// The checks of e2e.mjs for what the editor shows of the glossary without a hover: the semantic
// highlighting of term mentions, and the "create a term" quick fix.
import fs from 'node:fs';
import { goTo, hoverUntil, save, sleep, waitFor, wordBox } from './workbench.mjs';

/**
 * Waits until the unlinked mention `word` on screen is drawn by a semantic token with the extension's
 * default style (underlined: monaco's class `mtku`) and returns the classes of that span.
 */
export async function underlinedMention(page, word, line, column) {
  await goTo(page, line, column);
  return waitFor(`"${word}" underlined as an unlinked term`, () => page.evaluate((word) => {
    for (const span of document.querySelectorAll('.editor-instance .monaco-editor .view-line span span')) {
      if (span.textContent.replace(/\u00a0/g, ' ').includes(word) && /\bmtku\b/.test(span.className)
        && getComputedStyle(span).textDecorationLine.includes('underline')) return span.className;
    }
    return undefined;
  }, word), 30000, 500);
}

/**
 * Types `word` on a new last line of the article, selects it, applies the quick fix "Add 'word' to …",
 * saves everything and hovers the new link: the hover names the new term. Returns what happened.
 */
export async function createTerm(page, articleFile, word) {
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(word, { delay: 20 });
  await page.keyboard.press('Shift+Home');
  await sleep(500);
  await page.keyboard.press('Control+.');
  const action = page.locator('.action-widget .monaco-list-row', { hasText: `Add '${word}' to` });
  await action.first().waitFor({ timeout: 20000 });
  const title = (await action.first().innerText()).trim();
  // The first row is focused when the menu opens (the quick fixes come before "Surround With").
  const focused = page.locator('.action-widget .monaco-list-row.focused', { hasText: `Add '${word}' to` });
  await focused.first().waitFor({ timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('S'); // File: Save All (Ctrl+K S)
  const line = await waitFor(`a link around "${word}" in the saved article`, async () => {
    const l = fs.readFileSync(articleFile, 'utf8').split('\n').find((x) => x.startsWith(`[${word}](`));
    if (!l) await save(page);
    return l;
  }, 15000, 500);
  await page.keyboard.press('Escape');
  const hover = page.locator('.monaco-hover-content', { hasText: 'Defined in' });
  await hoverUntil(page, `the link "${word}"`, () => wordBox(page, word, '['), hover);
  const text = (await hover.first().innerText()).replace(/\s+/g, ' ').trim();
  if (!text.includes(word)) throw new Error(`the hover does not name ${word}: ${text.slice(0, 100)}`);
  return `${title} → ${line.slice(0, 60)}; hover "${text.slice(0, 60)}"`;
}
