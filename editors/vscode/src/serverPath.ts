// Resolution of the command that starts the glossary language server.
// Pure: no `vscode` import, file-system and PATH access are injected, so it is unit-testable.
import * as path from 'path';

/** What the resolver needs to know about the machine. */
export interface ServerPathEnvironment {
  /** Value of the `glossary.server.path` setting ("" or undefined when unset). */
  readonly configuredPath: string | undefined;
  /** Root folder of the installed extension (`ExtensionContext.extensionPath`). */
  readonly extensionPath: string;
  /** First workspace folder, used to resolve a relative `glossary.server.path`. */
  readonly workspaceFolder?: string | undefined;
  /** The user's home directory, used to expand a leading `~`. */
  readonly homeDir?: string | undefined;
  /** Process environment (PATH, PATHEXT, DOTNET_ROOT). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Defaults to `process.platform`. */
  readonly platform?: NodeJS.Platform;
  /** True when the path names an existing regular file. */
  readonly isFile: (p: string) => boolean;
}

export type ServerSource = 'setting' | 'bundled';

export interface ServerCommand {
  readonly ok: true;
  readonly command: string;
  readonly args: string[];
  readonly source: ServerSource;
  /** The executable or .dll that was chosen (for the log). */
  readonly serverPath: string;
}

export type ServerPathErrorKind = 'no-dotnet' | 'missing-configured-path' | 'missing-bundled-server';

export interface ServerPathError {
  readonly ok: false;
  readonly kind: ServerPathErrorKind;
  /** One sentence saying what is wrong, followed by the fix. Shown to the user as is. */
  readonly message: string;
  /** The fix alone. */
  readonly fix: string;
}

export type ServerResolution = ServerCommand | ServerPathError;

export const SERVER_PATH_SETTING = 'glossary.server.path';
export const BUNDLED_SERVER_RELATIVE = path.join('server', 'glossary.dll');
export const DOTNET_FIX = `Install the .NET 10 runtime (https://dot.net) or set ${SERVER_PATH_SETTING}.`;

/** Arguments after the server executable / dll. vscode-languageclient's stdio transport appends `--stdio`. */
export const SERVER_ARGS: readonly string[] = ['serve'];

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Finds an executable on PATH the way a shell would (PATHEXT on Windows). */
export function findOnPath(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
  isFile: (p: string) => boolean,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const p = pathApi(platform);
  const pathVar = env['PATH'] ?? env['Path'] ?? '';
  const dirs = pathVar.split(platform === 'win32' ? ';' : ':').filter((d) => d.length > 0);
  const exts =
    platform === 'win32'
      ? ['', ...(env['PATHEXT'] ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e.length > 0)]
      : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = p.join(dir.replace(/^"(.*)"$/, '$1'), name + ext);
      if (isFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** `dotnet` on PATH, else in DOTNET_ROOT. */
export function findDotnet(
  env: Readonly<Record<string, string | undefined>>,
  isFile: (p: string) => boolean,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const onPath = findOnPath('dotnet', env, isFile, platform);
  if (onPath !== undefined) {
    return onPath;
  }
  const root = env['DOTNET_ROOT'];
  if (root !== undefined && root.length > 0) {
    const candidate = pathApi(platform).join(root, platform === 'win32' ? 'dotnet.exe' : 'dotnet');
    if (isFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

function expandConfigured(raw: string, e: ServerPathEnvironment, platform: NodeJS.Platform): string {
  const p = pathApi(platform);
  let value = raw.trim();
  if ((value === '~' || value.startsWith('~/') || value.startsWith('~\\')) && e.homeDir) {
    value = p.join(e.homeDir, value.slice(1));
  }
  if (!p.isAbsolute(value) && e.workspaceFolder) {
    value = p.join(e.workspaceFolder, value);
  }
  return value;
}

function noDotnet(what: string): ServerPathError {
  return {
    ok: false,
    kind: 'no-dotnet',
    message: `Glossary: cannot start the language server: ${what} needs the .NET runtime, but no dotnet was found on PATH. ${DOTNET_FIX}`,
    fix: DOTNET_FIX,
  };
}

/** Decides how to start the server. Never throws. */
export function resolveServerCommand(e: ServerPathEnvironment): ServerResolution {
  const platform = e.platform ?? process.platform;
  const p = pathApi(platform);
  const configured = (e.configuredPath ?? '').trim();

  if (configured.length > 0) {
    const serverPath = expandConfigured(configured, e, platform);
    if (!e.isFile(serverPath)) {
      const fix = `Point ${SERVER_PATH_SETTING} at the glossary executable or glossary.dll, or clear it to use the bundled server.`;
      return {
        ok: false,
        kind: 'missing-configured-path',
        message: `Glossary: cannot start the language server: ${SERVER_PATH_SETTING} is "${configured}", which is not a file. ${fix}`,
        fix,
      };
    }
    if (serverPath.toLowerCase().endsWith('.dll')) {
      const dotnet = findDotnet(e.env, e.isFile, platform);
      if (dotnet === undefined) {
        return noDotnet(`${SERVER_PATH_SETTING} (${serverPath})`);
      }
      return { ok: true, command: dotnet, args: [serverPath, ...SERVER_ARGS], source: 'setting', serverPath };
    }
    return { ok: true, command: serverPath, args: [...SERVER_ARGS], source: 'setting', serverPath };
  }

  const bundled = p.join(e.extensionPath, 'server', 'glossary.dll');
  if (!e.isFile(bundled)) {
    const fix = `Reinstall the extension, or set ${SERVER_PATH_SETTING} to a glossary executable.`;
    return {
      ok: false,
      kind: 'missing-bundled-server',
      message: `Glossary: cannot start the language server: the bundled server ${bundled} is missing. ${fix}`,
      fix,
    };
  }
  const dotnet = findDotnet(e.env, e.isFile, platform);
  if (dotnet === undefined) {
    return noDotnet('the bundled server');
  }
  return { ok: true, command: dotnet, args: [bundled, ...SERVER_ARGS], source: 'bundled', serverPath: bundled };
}
