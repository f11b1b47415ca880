// Text of the status-bar item, from the server's `glossary/status` notification. Pure, unit-testable.

/** Params of the server's `glossary/status` notification. */
export interface GlossaryStatusParams {
  state: 'indexing' | 'ready';
  files: number;
  terms: number;
}

export type ClientState = 'starting' | 'running' | 'stopped' | 'error';

export interface StatusView {
  text: string;
  tooltip: string;
  /** True when the item should draw attention (error background). */
  error: boolean;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function count(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

/** The status-bar view for a server status (or for the client state before the first status). */
export function statusView(status: GlossaryStatusParams | undefined, client: ClientState): StatusView {
  if (client === 'error') {
    return {
      text: '$(book) Glossary: error',
      tooltip: 'The glossary language server is not running. Click to show its output.',
      error: true,
    };
  }
  if (client === 'stopped') {
    return { text: '$(book) Glossary: stopped', tooltip: 'The glossary language server is stopped.', error: false };
  }
  if (client === 'starting') {
    return { text: '$(book) Glossary: starting…', tooltip: 'Starting the glossary language server…', error: false };
  }
  if (status === undefined) {
    // Running, but no glossary/status yet.
    return { text: '$(book) Glossary', tooltip: 'Glossary language server running. Click to look up a term.', error: false };
  }
  const files = plural(count(status.files), 'file', 'files');
  const terms = plural(count(status.terms), 'term', 'terms');
  if (status.state === 'indexing') {
    return {
      text: '$(book) Glossary: indexing…',
      tooltip: `Glossary: indexing the workspace (${files} so far). Click to look up a term.`,
      error: false,
    };
  }
  return {
    text: `$(book) ${terms}`,
    tooltip: `Glossary: ${terms} in ${files}. Click to look up a term.`,
    error: false,
  };
}
