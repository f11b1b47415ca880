// Mapping of the extension's `glossary.*` settings to the configuration object the server expects.
// Pure: no `vscode` import, unit-testable.
//
// The server receives
//   initialize:                         initializationOptions: { settings: S }
//   workspace/didChangeConfiguration:   { settings: { glossary: S } }
//   workspace/configuration (section "glossary"): S
// with S = { rules: { [idOrAlias]: severity }, unlinkedMentions: boolean, linkerMode: "all" | "first", glossaryGlobs: string[],
//            readingHints: "off" | "first" | "all" }.

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';
export type LinkerMode = 'all' | 'first';
export type ReadingHints = 'off' | 'first' | 'all';

export interface ServerSettings {
  rules: Record<string, Severity>;
  unlinkedMentions: boolean;
  linkerMode: LinkerMode;
  glossaryGlobs: string[];
  readingHints: ReadingHints;
}

/** The raw values of the settings, as read from `workspace.getConfiguration('glossary')`. */
export interface RawSettings {
  rules?: unknown;
  unlinkedMentionsEnabled?: unknown;
  linkerMode?: unknown;
  glossaryGlobs?: unknown;
  readingHints?: unknown;
}

export interface MappedSettings {
  settings: ServerSettings;
  /** Human-readable problems with the user's settings (shown in the output channel). */
  warnings: string[];
}

/** Rule ids and their aliases (SPEC §2). */
export const RULES: ReadonlyArray<readonly [id: string, alias: string]> = [
  ['GL0001', 'broken-link'],
  ['GL0002', 'broken-anchor'],
  ['GL0003', 'stale-anchor-id'],
  ['GL0004', 'duplicate-in-document'],
  ['GL0005', 'duplicate-across-documents'],
  ['GL0006', 'invalid-anchor'],
  ['GL0007', 'missing-article-url'],
  ['GL0008', 'front-matter'],
  ['GL0009', 'unlinked-mention'],
  ['GL0010', 'link-text-mismatch'],
  ['GL0011', 'empty-definition'],
  ['GL0012', 'article-url-mismatch'],
  ['GL0014', 'unknown-keyword'],
  ['GL0015', 'unused-term'],
];

export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'information', 'warning', 'error'];

const SEVERITY_SYNONYMS: Readonly<Record<string, Severity>> = {
  info: 'information',
  warn: 'warning',
  none: 'off',
};

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  rules: {},
  unlinkedMentions: false,
  linkerMode: 'first',
  glossaryGlobs: [],
  readingHints: 'first',
});

/** The rule id (e.g. `GL0002`) for an id in any case or an alias; undefined when unknown. */
export function canonicalRuleId(key: string): string | undefined {
  const k = key.trim();
  const upper = k.toUpperCase();
  for (const [id, alias] of RULES) {
    if (upper === id || k.toLowerCase() === alias) {
      return id;
    }
  }
  // Ids of rules newer than this extension are passed through.
  return /^GL\d{4}$/.test(upper) ? upper : undefined;
}

function normalizeSeverity(value: unknown): Severity | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const v = value.trim().toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(v)) {
    return v as Severity;
  }
  return SEVERITY_SYNONYMS[v];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Maps the `glossary.*` settings to the server's configuration object. Invalid entries are dropped
 * (or replaced by their default) with a warning; rule keys are canonicalised to rule ids.
 */
export function mapSettings(raw: RawSettings): MappedSettings {
  const warnings: string[] = [];
  const rules: Record<string, Severity> = {};

  if (raw.rules !== undefined && raw.rules !== null) {
    if (!isPlainObject(raw.rules)) {
      warnings.push('glossary.rules must be an object mapping a rule id or alias to a severity; ignored.');
    } else {
      const origin: Record<string, string> = {};
      for (const [key, value] of Object.entries(raw.rules)) {
        const id = canonicalRuleId(key);
        if (id === undefined) {
          warnings.push(`glossary.rules: unknown rule "${key}" ignored (use an id such as GL0002 or an alias such as broken-anchor).`);
          continue;
        }
        const severity = normalizeSeverity(value);
        if (severity === undefined) {
          warnings.push(
            `glossary.rules: invalid severity ${JSON.stringify(value)} for "${key}" ignored (expected one of ${SEVERITIES.join(', ')}).`,
          );
          continue;
        }
        const previous = origin[id];
        if (previous !== undefined && rules[id] !== severity) {
          warnings.push(`glossary.rules: "${key}" and "${previous}" name the same rule ${id}; "${key}" (${severity}) wins.`);
        }
        rules[id] = severity;
        origin[id] = key;
      }
    }
  }

  let unlinkedMentions = DEFAULT_SETTINGS.unlinkedMentions;
  if (raw.unlinkedMentionsEnabled !== undefined && raw.unlinkedMentionsEnabled !== null) {
    if (typeof raw.unlinkedMentionsEnabled === 'boolean') {
      unlinkedMentions = raw.unlinkedMentionsEnabled;
    } else {
      warnings.push(`glossary.unlinkedMentions.enabled must be true or false; ${JSON.stringify(raw.unlinkedMentionsEnabled)} ignored.`);
    }
  }

  let linkerMode: LinkerMode = DEFAULT_SETTINGS.linkerMode;
  if (raw.linkerMode !== undefined && raw.linkerMode !== null) {
    const m = typeof raw.linkerMode === 'string' ? raw.linkerMode.trim().toLowerCase() : undefined;
    if (m === 'all' || m === 'first') {
      linkerMode = m;
    } else {
      warnings.push(`glossary.linker.mode must be "all" or "first"; ${JSON.stringify(raw.linkerMode)} ignored.`);
    }
  }

  const glossaryGlobs: string[] = [];
  if (raw.glossaryGlobs !== undefined && raw.glossaryGlobs !== null) {
    if (!Array.isArray(raw.glossaryGlobs)) {
      warnings.push('glossary.glossaryGlobs must be an array of glob strings; ignored.');
    } else {
      for (const g of raw.glossaryGlobs as unknown[]) {
        if (typeof g === 'string' && g.trim().length > 0) {
          if (!glossaryGlobs.includes(g.trim())) {
            glossaryGlobs.push(g.trim());
          }
        } else {
          warnings.push(`glossary.glossaryGlobs: ${JSON.stringify(g)} is not a glob string; ignored.`);
        }
      }
    }
  }

  let readingHints: ReadingHints = DEFAULT_SETTINGS.readingHints;
  if (raw.readingHints !== undefined && raw.readingHints !== null) {
    const m = typeof raw.readingHints === 'string' ? raw.readingHints.trim().toLowerCase() : undefined;
    if (m === 'off' || m === 'first' || m === 'all') {
      readingHints = m;
    } else {
      warnings.push(`glossary.readingHints must be "off", "first" or "all"; ${JSON.stringify(raw.readingHints)} ignored.`);
    }
  }

  return { settings: { rules, unlinkedMentions, linkerMode, glossaryGlobs, readingHints }, warnings };
}

/** `initializationOptions` of the `initialize` request. */
export function initializationOptions(settings: ServerSettings): { settings: ServerSettings } {
  return { settings };
}

/** Params of `workspace/didChangeConfiguration`. */
export function didChangeConfigurationParams(settings: ServerSettings): { settings: { glossary: ServerSettings } } {
  return { settings: { glossary: settings } };
}

/** Whether a settings change needs a server restart rather than a configuration notification. */
export const RESTART_SETTINGS: readonly string[] = ['glossary.server.path'];
