// code-server for e2e.mjs: a free port, start.sh in its own process group and stopping that group,
// the Glossary output channel's log, and a PATH without dotnet.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** start.sh in its own process group; the group id goes to onPid and to RUN/code-server.pid (run.sh's trap). */
export async function startCodeServer(TOOLS, CACHE, RUN, profile, VSIX, folder, env, onPid) {
  const port = await freePort();
  const started = await new Promise((resolve) => {
    const child = spawn('sh', [path.join(TOOLS, 'start.sh'), CACHE, profile, String(port), VSIX, folder], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env,
    });
    let out = '';
    let pid;
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^(\d+)\s*$/m.exec(out);
      if (m && pid === undefined) {
        pid = Number(m[1]);
        fs.writeFileSync(path.join(RUN, 'code-server.pid'), String(pid));
        onPid(pid);
      }
    });
    child.on('exit', (code) => resolve(code === 0));
  });
  return { started, port };
}

/** The "Glossary" output channel's log file of a code-server profile. */
export function glossaryLog(profile) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/-Glossary\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(profile, 'data', 'logs'));
  return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

/** A PATH without dotnet: links to everything in /usr/bin except dotnet (merged-/usr Debian: /bin is /usr/bin). */
export function pathWithoutDotnet(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync('/usr/bin')) {
    if (name === 'dotnet') continue;
    try {
      fs.symlinkSync(path.join('/usr/bin', name), path.join(dir, name));
    } catch {
      // ignore names that cannot be linked
    }
  }
  const keep = (process.env.PATH ?? '').split(':').filter((d) => d && !['/usr/bin', '/bin'].includes(d) && !fs.existsSync(path.join(d, 'dotnet')));
  return [dir, ...keep].join(':');
}

/** SIGTERM to a process group, SIGKILL when it is still alive after three seconds. */
export async function stopProcessGroup(pid) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 30 && alive(); i++) await sleep(100);
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
