// The server's code lens command `glossary.showReferences [uri, position, locations]` (its title is
// "N links · M mentions"). VS Code shows the places in its references peek; this reads the arguments. Pure.
import { LspPosition, LspRange } from './terms';

export const SHOW_REFERENCES_COMMAND = 'glossary.showReferences';

export interface LspLocation {
  uri: string;
  range: LspRange;
}

export interface ShowReferencesArgs {
  uri: string;
  position: LspPosition;
  locations: LspLocation[];
}

function isPosition(p: unknown): p is LspPosition {
  const x = p as LspPosition | undefined;
  return typeof x?.line === 'number' && typeof x?.character === 'number';
}

function isLocation(l: unknown): l is LspLocation {
  const x = l as LspLocation | undefined;
  return typeof x?.uri === 'string' && isPosition(x?.range?.start) && isPosition(x?.range?.end);
}

/** The command's arguments, or undefined when they are not `[uri, position, locations]` (malformed locations are dropped). */
export function showReferencesArgs(args: unknown[]): ShowReferencesArgs | undefined {
  const [uri, position, locations] = args;
  if (typeof uri !== 'string' || !isPosition(position) || !Array.isArray(locations)) {
    return undefined;
  }
  return { uri, position, locations: locations.filter(isLocation) };
}
