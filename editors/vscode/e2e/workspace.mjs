// The test workspace of e2e.mjs as the checks read it: the terms of its term-list glossaries, plain
// mentions in an article, snippets of definitions, links.
import fs from 'node:fs';
import path from 'node:path';

/** Entry words of the term-list glossaries: headword + aliases of every h2 of files with an article-URL comment. */
export function readTerms(ws) {
  const terms = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const text = fs.readFileSync(p, 'utf8');
        if (!/<!--\s*記事(URL|タイトル)\s*[:：]/.test(text)) continue;
        const lines = text.split(/\r?\n/);
        for (let i = 0; i < lines.length; i++) {
          const m = /^##\s+(.*)$/.exec(lines[i]);
          if (!m) continue;
          const words = m[1].replace(/<[^>]*>/g, '').split('|').map((w) => w.trim()).filter(Boolean);
          if (words.length === 0) continue;
          const body = [];
          for (let j = i + 1; j < lines.length && !/^##\s/.test(lines[j]); j++) body.push(lines[j]);
          terms.push({ headword: words[0], words, file: p, line: i + 1, definition: body.join('\n') });
        }
      }
    }
  };
  walk(ws);
  return terms;
}

/** A run of plain text (outside tags and link syntax) of a definition, to recognise it in the hover. */
export function definitionSnippet(definition) {
  // The first line with text; a reading comment (<!-- 読み:… -->) right after the heading is not shown as text.
  const first = definition.split('\n').find((l) => l.trim().length > 0 && !/^\s*<!--.*-->\s*$/.test(l)) ?? '';
  const runs = first
    .replace(/^\s*[-*+]\s+/, '')
    .split(/<[^>]*>|\[[^\]]*\]\([^)]*\)|\*\*|`/)
    .map((s) => s.trim());
  const best = runs.sort((a, b) => b.length - a.length)[0] ?? '';
  return best.slice(0, 10);
}

/** Masks link syntax, inline code and HTML so that only plain prose remains (same length, indices kept). */
function maskNonProse(line) {
  const blank = (s) => ' '.repeat(s.length);
  return line
    .replace(/`[^`]*`/g, blank)
    .replace(/<a\b[^>]*>.*?<\/a>/g, blank)
    .replace(/<[^>]*>/g, blank)
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, blank);
}

/** The first plain (unlinked) mention of a defined term in the article: { line (1-based), column (1-based), term }. */
export function findPlainMention(articleText, terms) {
  const words = terms
    .flatMap((t) => t.words.map((w) => ({ w, t })))
    .filter(({ w }) => [...w].length >= 3)
    .sort((a, b) => b.w.length - a.w.length);
  const lines = articleText.split('\n');
  let inFront = lines[0] === '---';
  let inFence = false;
  for (let i = inFront ? 1 : 0; i < lines.length; i++) {
    const line = lines[i];
    if (inFront) {
      if (line === '---') inFront = false;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || /^\s*#/.test(line) || /^\s*:::/.test(line) || /^\s*\|[-\s|:]+\|\s*$/.test(line)) continue;
    const masked = maskNonProse(line);
    for (const { w, t } of words) {
      const idx = masked.indexOf(w);
      if (idx >= 0) return { line: i + 1, column: idx + 1, word: w, term: t };
    }
  }
  return undefined;
}

export function countLinks(text) {
  return (text.match(/!?\[[^\]\n]+\]\([^)\n]+\)|<a\s[^>]*href=/g) ?? []).length;
}
