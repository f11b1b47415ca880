// Types of the server's `glossary/terms` request and the quick-pick items built from it. Pure, unit-testable.

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface GlossaryTerm {
  headword: string;
  aliases: string[];
  reading: string | null;
  uri: string;
  range: LspRange;
  /** Markdown. */
  definition: string;
}

export interface GlossaryTermsResult {
  terms: GlossaryTerm[];
}

export const TERMS_REQUEST = 'glossary/terms';
export const STATUS_NOTIFICATION = 'glossary/status';
export const LINK_ALL_TERMS_COMMAND = 'glossary.linkAllTerms';

/** Shape-compatible with `vscode.QuickPickItem`, plus the term it stands for. */
export interface TermPickItem {
  label: string;
  description?: string;
  detail?: string;
  term: GlossaryTerm;
}

const MAX_DETAIL = 160;

/** The first non-empty line of a Markdown definition as plain text. */
export function firstLine(markdown: string): string {
  for (const raw of markdown.split(/\r?\n/)) {
    let line = raw
      .replace(/<a\b[^>]*>(.*?)<\/a>/gi, '$1') // <a href>text</a> -> text
      .replace(/<[^>]+>/g, '') // other HTML
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) -> text
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '') // list marker
      .replace(/^\s*>+\s?/, '') // quote
      .replace(/^\s*#+\s+/, '') // heading
      .replace(/(\*\*|__|`)/g, '')
      .trim();
    if (line.length === 0 || /^(```|~~~|:::|---|<!--)/.test(raw.trim())) {
      continue;
    }
    if (line.length > MAX_DETAIL) {
      line = line.slice(0, MAX_DETAIL - 1) + '…';
    }
    return line;
  }
  return '';
}

/** Whether the server's answer has the expected shape (drops malformed entries). */
export function validTerms(result: unknown): GlossaryTerm[] {
  const terms = (result as Partial<GlossaryTermsResult> | null | undefined)?.terms;
  if (!Array.isArray(terms)) {
    return [];
  }
  return terms.filter(
    (t): t is GlossaryTerm =>
      typeof t === 'object' &&
      t !== null &&
      typeof (t as GlossaryTerm).headword === 'string' &&
      typeof (t as GlossaryTerm).uri === 'string' &&
      typeof (t as GlossaryTerm).range === 'object' &&
      (t as GlossaryTerm).range !== null,
  );
}

/**
 * One item per term: label = headword, description = aliases and reading (searchable in the quick
 * pick), detail = first line of the definition. Sorted by headword, then file.
 */
export function termPickItems(terms: readonly GlossaryTerm[]): TermPickItem[] {
  const seen = new Map<string, number>();
  for (const t of terms) {
    seen.set(t.headword, (seen.get(t.headword) ?? 0) + 1);
  }
  const items = terms.map((term) => {
    const aliases = Array.isArray(term.aliases) ? term.aliases.filter((a) => typeof a === 'string' && a.length > 0) : [];
    const parts = [...aliases];
    if (typeof term.reading === 'string' && term.reading.length > 0 && !parts.includes(term.reading)) {
      parts.push(`(${term.reading})`);
    }
    if ((seen.get(term.headword) ?? 0) > 1) {
      // The same headword is defined in several files: tell them apart by file name.
      parts.push(fileName(term.uri));
    }
    const item: TermPickItem = { label: term.headword, term };
    if (parts.length > 0) {
      item.description = parts.join(' · ');
    }
    const detail = firstLine(typeof term.definition === 'string' ? term.definition : '');
    if (detail.length > 0) {
      item.detail = detail;
    }
    return item;
  });
  items.sort((a, b) => a.label.localeCompare(b.label, 'ja') || a.term.uri.localeCompare(b.term.uri));
  return items;
}

/** The last path segment of a URI, decoded. */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
