import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { SHOW_REFERENCES_COMMAND, showReferencesArgs } from './references';
import { resolveServerCommand, SERVER_PATH_SETTING, ServerPathError } from './serverPath';
import { didChangeConfigurationParams, initializationOptions, mapSettings, ServerSettings } from './serverSettings';
import { ClientState, GlossaryStatusParams, statusView } from './status';
import {
  GlossaryTerm,
  LINK_ALL_TERMS_COMMAND,
  STATUS_NOTIFICATION,
  TERMS_REQUEST,
  TermPickItem,
  termPickItems,
  validTerms,
} from './terms';

const CLIENT_ID = 'glossary';
const CLIENT_NAME = 'Glossary';

/** Commands this extension registers itself; the server may advertise them too (see `filterServerCommands`). */
const OWN_COMMANDS = new Set<string>([
  LINK_ALL_TERMS_COMMAND,
  'glossary.lookUpTerm',
  'glossary.restartServer',
  'glossary.showOutput',
  SHOW_REFERENCES_COMMAND,
]);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let lastStatus: GlossaryStatusParams | undefined;
let clientState: ClientState = 'starting';
let stopping = false;
let lastWarnings = '';
let extensionPath = '';

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function log(message: string): void {
  output.appendLine(`[${new Date().toISOString()}] ${message}`);
}

/** Reads the `glossary.*` settings and maps them to the server's configuration (logging problems once). */
function currentSettings(): ServerSettings {
  const c = vscode.workspace.getConfiguration('glossary');
  const { settings, warnings } = mapSettings({
    rules: c.get('rules'),
    unlinkedMentionsEnabled: c.get('unlinkedMentions.enabled'),
    linkerMode: c.get('linker.mode'),
    glossaryGlobs: c.get('glossaryGlobs'),
    readingHints: c.get('readingHints'),
  });
  const joined = warnings.join('\n');
  if (joined !== lastWarnings) {
    lastWarnings = joined;
    for (const w of warnings) {
      log(`Settings: ${w}`);
    }
  }
  return settings;
}

function updateStatus(): void {
  const view = statusView(lastStatus, clientState);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.command = view.error ? 'glossary.showOutput' : 'glossary.lookUpTerm';
  statusItem.show();
}

/**
 * Opens the Settings editor at glossary.server.path. The setting is machine-scoped, so in a remote window
 * (Remote-SSH, WSL, code-server …) it lives in the Remote tab, where the server runs.
 */
async function openServerPathSetting(): Promise<void> {
  if (vscode.env.remoteName !== undefined) {
    try {
      await vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query: SERVER_PATH_SETTING });
      return;
    } catch {
      // older VS Code: fall through to the user settings
    }
  }
  await vscode.commands.executeCommand('workbench.action.openSettings', SERVER_PATH_SETTING);
}

async function reportResolutionError(error: ServerPathError): Promise<void> {
  log(error.message);
  const openSettings = 'Open Settings';
  const getDotnet = 'Get .NET';
  const buttons = error.kind === 'no-dotnet' ? [openSettings, getDotnet] : [openSettings];
  const choice = await vscode.window.showErrorMessage(error.message, ...buttons);
  if (choice === openSettings) {
    await openServerPathSetting();
  } else if (choice === getDotnet) {
    await vscode.env.openExternal(vscode.Uri.parse('https://dot.net'));
  }
}

/**
 * The server may list `glossary.linkAllTerms` in its executeCommandProvider; vscode-languageclient would
 * then register a VS Code command of the same id and fail, because the extension already contributes it
 * (with the active editor's URI as argument). Keep the client from registering the commands we own.
 */
function filterServerCommands(c: LanguageClient): void {
  const feature = (c as unknown as { getFeature(method: string): unknown }).getFeature(ExecuteCommandRequest.method) as
    | { register(data: { id: string; registerOptions: { commands?: string[] } }): void }
    | undefined;
  if (feature === undefined || typeof feature.register !== 'function') {
    return;
  }
  const register = feature.register.bind(feature);
  feature.register = (data) => {
    const commands = (data.registerOptions.commands ?? []).filter((cmd) => !OWN_COMMANDS.has(cmd));
    register({ ...data, registerOptions: { ...data.registerOptions, commands } });
  };
}

function createClient(): LanguageClient | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const resolution = resolveServerCommand({
    configuredPath: vscode.workspace.getConfiguration('glossary').get<string>('server.path'),
    extensionPath,
    workspaceFolder: folder?.scheme === 'file' ? folder.fsPath : undefined,
    homeDir: os.homedir(),
    env: process.env,
    isFile,
  });
  if (!resolution.ok) {
    void reportResolutionError(resolution);
    return undefined;
  }
  log(`Starting ${resolution.command} ${resolution.args.join(' ')} (server from ${resolution.source === 'setting' ? SERVER_PATH_SETTING : 'the extension'})`);

  const serverOptions: ServerOptions = {
    command: resolution.command,
    args: resolution.args,
    transport: TransportKind.stdio,
    options: folder?.scheme === 'file' ? { cwd: folder.fsPath } : {},
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/glossary.yml' },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: () => initializationOptions(currentSettings()),
    synchronize: {
      // Lets the client notify the server on changes; the middleware below replaces the raw settings by the mapped ones.
      configurationSection: 'glossary',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.md'),
        vscode.workspace.createFileSystemWatcher('**/*.markdown'),
        vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml}'),
      ],
    },
    middleware: {
      workspace: {
        didChangeConfiguration: async () => {
          await client?.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(currentSettings()));
        },
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return result.map((value: unknown, i: number) =>
            params.items[i]?.section === 'glossary' ? currentSettings() : value,
          );
        },
      },
    },
  };

  const c = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  filterServerCommands(c);
  c.onNotification(STATUS_NOTIFICATION, (params: GlossaryStatusParams) => {
    lastStatus = params;
    updateStatus();
  });
  c.onDidChangeState((e) => {
    // Stopped without being asked to (crash, failed start): an error the user should notice.
    clientState =
      e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : stopping ? 'stopped' : 'error';
    if (e.newState !== State.Running) {
      lastStatus = undefined;
    }
    updateStatus();
  });
  return c;
}

async function startClient(): Promise<void> {
  lastStatus = undefined;
  clientState = 'starting';
  updateStatus();
  const c = createClient();
  if (c === undefined) {
    clientState = 'error';
    updateStatus();
    return;
  }
  client = c;
  try {
    await c.start();
  } catch (e) {
    clientState = 'error';
    updateStatus();
    // vscode-languageclient has already shown an error with a "Go to output" button.
    log(`The language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c === undefined) {
    return;
  }
  stopping = true;
  try {
    if (c.isRunning()) {
      await c.stop(5000);
    }
  } catch (e) {
    log(`Stopping the language server failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    await c.dispose();
  } catch {
    // already disposed
  }
  stopping = false;
}

async function restartClient(): Promise<void> {
  log('Restarting the language server.');
  await stopClient();
  void startClient();
}

function runningClient(): LanguageClient | undefined {
  if (client !== undefined && client.isRunning()) {
    return client;
  }
  void vscode.window
    .showWarningMessage('Glossary: the language server is not running.', 'Restart Server', 'Show Output')
    .then((choice) => {
      if (choice === 'Restart Server') {
        void restartClient();
      } else if (choice === 'Show Output') {
        output.show(true);
      }
    });
  return undefined;
}

/** `glossary.linkAllTerms [uri]`: the active editor's document unless a URI is given (e.g. from a code action). */
async function linkAllTerms(arg?: unknown): Promise<void> {
  let uri: string | undefined;
  if (typeof arg === 'string') {
    uri = arg;
  } else if (arg instanceof vscode.Uri) {
    uri = arg.toString();
  } else {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc === undefined || doc.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Glossary: open a Markdown document to link its terms.');
      return;
    }
    uri = doc.uri.toString();
  }
  const c = runningClient();
  if (c === undefined) {
    return;
  }
  try {
    await c.sendRequest(ExecuteCommandRequest.type, { command: LINK_ALL_TERMS_COMMAND, arguments: [uri] });
  } catch (e) {
    log(`${LINK_ALL_TERMS_COMMAND} failed: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(`Glossary: linking terms failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The code lens's `glossary.showReferences [uri, position, locations]`: VS Code's references peek at the term's name. */
async function showReferences(...args: unknown[]): Promise<void> {
  const parsed = showReferencesArgs(args);
  if (parsed === undefined) {
    log(`${SHOW_REFERENCES_COMMAND}: unexpected arguments ${JSON.stringify(args).slice(0, 200)}`);
    return;
  }
  const position = new vscode.Position(parsed.position.line, parsed.position.character);
  const locations = parsed.locations.map(
    (l) =>
      new vscode.Location(
        vscode.Uri.parse(l.uri),
        new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character),
      ),
  );
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(parsed.uri), position, locations);
}

async function revealTerm(term: GlossaryTerm): Promise<void> {
  const uri = vscode.Uri.parse(term.uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(
    term.range.start.line,
    term.range.start.character,
    term.range.end.line,
    term.range.end.character,
  );
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(range.start, range.start), preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // The server's hover on a heading shows the rendered definition.
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** `glossary.lookUpTerm`: quick pick over all terms (searchable by headword, alias and reading); opens the chosen definition. */
async function lookUpTerm(): Promise<void> {
  const c = runningClient();
  if (c === undefined) {
    return;
  }
  const pick = vscode.window.createQuickPick<TermPickItem & vscode.QuickPickItem>();
  pick.title = 'Glossary: Look up a term';
  pick.placeholder = 'Type an entry word, alias or reading';
  pick.matchOnDescription = true;
  pick.matchOnDetail = false;
  pick.busy = true;
  pick.show();
  const source = new vscode.CancellationTokenSource();
  pick.onDidHide(() => {
    source.cancel();
    pick.dispose();
  });
  try {
    const result = await c.sendRequest(TERMS_REQUEST, {}, source.token);
    const items = termPickItems(validTerms(result));
    pick.items = items;
    pick.busy = false;
    if (items.length === 0) {
      pick.placeholder = lastStatus?.state === 'indexing' ? 'Still indexing the workspace…' : 'No terms are defined in this workspace.';
    }
  } catch (e) {
    pick.hide();
    if (!source.token.isCancellationRequested) {
      log(`${TERMS_REQUEST} failed: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage('Glossary: could not list the terms. See the output for details.');
    }
    return;
  }
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen !== undefined) {
      revealTerm(chosen.term).catch((e: unknown) => {
        log(`Opening ${chosen.term.uri} failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    }
  });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel(CLIENT_NAME);
  statusItem = vscode.window.createStatusBarItem('glossary.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Glossary';
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand(LINK_ALL_TERMS_COMMAND, linkAllTerms),
    vscode.commands.registerCommand('glossary.lookUpTerm', lookUpTerm),
    vscode.commands.registerCommand('glossary.restartServer', restartClient),
    vscode.commands.registerCommand('glossary.showOutput', () => output.show(true)),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, showReferences),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SERVER_PATH_SETTING)) {
        void restartClient();
      }
    }),
  );

  void startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
