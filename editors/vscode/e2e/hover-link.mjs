// The hover-link check of e2e.mjs: a term's hover links the terms of its definition, and clicking one
// of those links in the hover opens the linked term's heading.
import path from 'node:path';
import { goTo, hoverUntil, quickOpen, sleep, waitFor, wordBox } from './workbench.mjs';

/**
 * A term whose definition links (<a href="…#…">label</a>) a term of another file, and that term:
 * { term, label, target } (target: a readTerms entry with its 1-based heading line), or undefined.
 */
export function pickTermLink(terms) {
  for (const term of terms) {
    for (const m of term.definition.matchAll(/<a\s+href="[^"]*#[^"]+"[^>]*>([^<]+)<\/a>/g)) {
      const target = terms.find((t) => t.words.includes(m[1]) && t.file !== term.file);
      if (target) return { term, label: m[1], target };
    }
  }
  return undefined;
}

/**
 * Opens the term's file, hovers its heading, clicks the link of `label` inside the hover and waits
 * until the editor shows the target's file with the cursor on its heading line.
 */
export async function followTermLinkInHover(page, { term, label, target }) {
  await quickOpen(page, path.basename(term.file));
  await goTo(page, term.line, 1);
  const link = page.locator('.monaco-hover-content a', { hasText: label });
  await hoverUntil(page, `the heading of ${term.headword}`, () => wordBox(page, term.headword, '## '), link);
  const href = (await link.first().getAttribute('data-href')) ?? (await link.first().getAttribute('href')) ?? '';
  await link.first().click({ timeout: 5000 });
  const targetFile = path.basename(target.file);
  await page.locator('.tab.active', { hasText: targetFile }).waitFor({ timeout: 15000 });
  const position = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ });
  const where = await waitFor(
    `the cursor on line ${target.line} of ${targetFile}`,
    async () => {
      const t = (await position.first().innerText()).trim();
      return t.startsWith(`Ln ${target.line},`) ? t : undefined;
    },
    10000,
  );
  await sleep(300);
  return `${term.headword}: "${label}" (…${decodeURI(href).slice(-30)}) → ${targetFile} ${where}`;
}
