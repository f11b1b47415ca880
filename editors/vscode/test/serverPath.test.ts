import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DOTNET_FIX, findOnPath, resolveServerCommand, ServerPathEnvironment } from '../src/serverPath';

const EXT = '/home/u/.vscode/extensions/glossarylsp.glossary-lsp-0.1.0';
const BUNDLED = `${EXT}/server/glossary.dll`;
const DOTNET = '/usr/share/dotnet/dotnet';

function env(files: string[], overrides: Partial<ServerPathEnvironment> = {}): ServerPathEnvironment {
  const set = new Set(files);
  return {
    configuredPath: '',
    extensionPath: EXT,
    workspaceFolder: '/work/ws',
    homeDir: '/home/u',
    env: { PATH: '/usr/local/bin:/usr/share/dotnet:/usr/bin' },
    platform: 'linux',
    isFile: (p) => set.has(p),
    ...overrides,
  };
}

describe('resolveServerCommand', () => {
  it('runs an executable set in glossary.server.path directly with "serve"', () => {
    const r = resolveServerCommand(env(['/opt/glossary/glossary', DOTNET, BUNDLED], { configuredPath: '/opt/glossary/glossary' }));
    assert.deepEqual(r, { ok: true, command: '/opt/glossary/glossary', args: ['serve'], source: 'setting', serverPath: '/opt/glossary/glossary' });
  });

  it('runs an executable without dotnet on PATH (no runtime needed for an apphost / native build)', () => {
    const r = resolveServerCommand(env(['/opt/glossary/glossary'], { configuredPath: '/opt/glossary/glossary', env: { PATH: '/usr/bin' } }));
    assert.equal(r.ok, true);
    assert.equal(r.ok && r.command, '/opt/glossary/glossary');
  });

  it('runs a .dll set in glossary.server.path with dotnet', () => {
    const r = resolveServerCommand(env(['/opt/g/glossary.dll', DOTNET], { configuredPath: '/opt/g/glossary.dll' }));
    assert.deepEqual(r, { ok: true, command: DOTNET, args: ['/opt/g/glossary.dll', 'serve'], source: 'setting', serverPath: '/opt/g/glossary.dll' });
  });

  it('treats .DLL case-insensitively', () => {
    const r = resolveServerCommand(env(['/opt/g/Glossary.DLL', DOTNET], { configuredPath: '/opt/g/Glossary.DLL' }));
    assert.equal(r.ok && r.command, DOTNET);
  });

  it('resolves a relative setting against the workspace folder and ~ against the home folder', () => {
    const rel = resolveServerCommand(env(['/work/ws/tools/glossary'], { configuredPath: 'tools/glossary' }));
    assert.equal(rel.ok && rel.command, '/work/ws/tools/glossary');
    const home = resolveServerCommand(env(['/home/u/bin/glossary'], { configuredPath: '~/bin/glossary' }));
    assert.equal(home.ok && home.command, '/home/u/bin/glossary');
  });

  it('reports a setting that names no file, with a fix', () => {
    const r = resolveServerCommand(env([DOTNET, BUNDLED], { configuredPath: '/nope/glossary' }));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.kind, 'missing-configured-path');
    assert.match(!r.ok ? r.message : '', /glossary\.server\.path is "\/nope\/glossary"/);
    assert.match(!r.ok ? r.fix : '', /glossary\.server\.path/);
  });

  it('uses the bundled server with dotnet when the setting is unset', () => {
    for (const configuredPath of ['', '   ', undefined]) {
      const r = resolveServerCommand(env([DOTNET, BUNDLED], { configuredPath }));
      assert.deepEqual(r, { ok: true, command: DOTNET, args: [BUNDLED, 'serve'], source: 'bundled', serverPath: BUNDLED });
    }
  });

  it('finds dotnet through DOTNET_ROOT when it is not on PATH', () => {
    const r = resolveServerCommand(env(['/opt/dotnet/dotnet', BUNDLED], { env: { PATH: '/usr/bin', DOTNET_ROOT: '/opt/dotnet' } }));
    assert.equal(r.ok && r.command, '/opt/dotnet/dotnet');
  });

  it('without dotnet: an error with the fix "Install the .NET 10 runtime … or set glossary.server.path"', () => {
    const r = resolveServerCommand(env([BUNDLED], { env: { PATH: '/usr/bin:/bin' } }));
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.kind, 'no-dotnet');
      assert.equal(r.fix, 'Install the .NET 10 runtime (https://dot.net) or set glossary.server.path.');
      assert.equal(r.fix, DOTNET_FIX);
      assert.ok(r.message.endsWith(DOTNET_FIX), r.message);
      assert.match(r.message, /no dotnet was found on PATH/);
    }
  });

  it('without dotnet and a .dll in the setting: the same error', () => {
    const r = resolveServerCommand(env(['/opt/g/glossary.dll'], { configuredPath: '/opt/g/glossary.dll', env: { PATH: '' } }));
    assert.equal(!r.ok && r.kind, 'no-dotnet');
    assert.ok(!r.ok && r.message.includes(DOTNET_FIX));
  });

  it('reports a missing bundled server', () => {
    const r = resolveServerCommand(env([DOTNET]));
    assert.equal(!r.ok && r.kind, 'missing-bundled-server');
    assert.ok(!r.ok && r.message.includes(BUNDLED));
  });

  it('on Windows finds dotnet.exe through PATHEXT', () => {
    const ext = 'C:\\Users\\u\\.vscode\\extensions\\g';
    const r = resolveServerCommand({
      configuredPath: '',
      extensionPath: ext,
      env: { Path: 'C:\\Windows;"C:\\Program Files\\dotnet"', PATHEXT: '.COM;.EXE' },
      platform: 'win32',
      isFile: (p) => p === 'C:\\Program Files\\dotnet\\dotnet.EXE' || p === `${ext}\\server\\glossary.dll`,
    });
    assert.deepEqual(r, {
      ok: true,
      command: 'C:\\Program Files\\dotnet\\dotnet.EXE',
      args: [`${ext}\\server\\glossary.dll`, 'serve'],
      source: 'bundled',
      serverPath: `${ext}\\server\\glossary.dll`,
    });
  });
});

describe('findOnPath', () => {
  it('returns the first match in PATH order', () => {
    const files = new Set(['/a/dotnet', '/b/dotnet']);
    assert.equal(findOnPath('dotnet', { PATH: '/x:/b:/a' }, (p) => files.has(p), 'linux'), '/b/dotnet');
    assert.equal(findOnPath('dotnet', {}, (p) => files.has(p), 'linux'), undefined);
  });
});
