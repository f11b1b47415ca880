// The checks of e2e.mjs for what a glossary file shows without a hover: the reading inlay hint after a
// kanji term heading, and the code lens "N links · M mentions" whose click opens the references peek.
import { quickOpen, sleep, waitFor } from './workbench.mjs';

/** Opens `file` and waits for `⟨reading⟩` drawn on one of its lines (VS Code draws inlay hints as injected text). */
export async function readingHintOnScreen(page, file, reading) {
  await quickOpen(page, file);
  const label = `⟨${reading}⟩`;
  return waitFor(`the inlay hint ${label} on screen`, () => page.evaluate((label) => {
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
      const text = line.textContent.replace(/\u00a0/g, ' ');
      if (text.includes(label)) return text.trim().slice(0, 60);
    }
    return undefined;
  }, label), 30000, 500);
}

/**
 * In the open glossary file, waits for a code lens reading "N links · M mentions" with N + M > 0, clicks it
 * and waits for the references peek; returns the lens text and the peek's title, then closes the peek.
 */
export async function codeLensPeek(page) {
  const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration a', { hasText: /^[1-9][\d,]* links? · |· [1-9][\d,]* mentions?$/ });
  await lens.first().waitFor({ timeout: 30000 });
  const title = (await lens.first().innerText()).trim();
  if (!/^[\d,]+ links? · [\d,]+ mentions?$/.test(title)) throw new Error(`unexpected code lens text: ${title}`);
  await lens.first().click();
  const peek = page.locator('.zone-widget .peekview-widget');
  await peek.first().waitFor({ timeout: 20000 });
  await sleep(500);
  const head = (await page.locator('.zone-widget .peekview-title').first().innerText()).replace(/\s+/g, ' ').trim();
  const rows = await page.locator('.zone-widget .ref-tree .monaco-list-row').count();
  if (rows === 0) throw new Error(`the references peek lists nothing (${head})`);
  return { title, head, rows };
}
