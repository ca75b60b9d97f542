// The administration CLI as an operator runs it: backups while the server runs, restores only when it is stopped.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from './test/harness.js';

const root = path.resolve(import.meta.dirname, '..');

function cli(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(testEngine() === 'sqlite')('the spine CLI', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-cli-'));
    dirs.push(dir);
    return dir;
  };

  it('creates a recovery owner, resets a password, backs up while serving, and restores only once stopped', async () => {
    const dataDir = tempDir();
    const created = cli(dataDir, 'create-user', '--email', 'Root@Example.com', '--name', 'Root Owner', '--password', 'recovery phrase one');
    expect(created.code).toBe(0);
    expect(created.out).toContain('root@example.com is an owner of organization 1');

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), 'serve'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    children.push(server);
    for (let attempt = 0; attempt < 150; attempt += 1) {
      try {
        if ((await fetch(`${url}/readyz`)).ok) break;
      } catch {
        // starting
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'root@example.com', password: 'recovery phrase one' }),
    });
    expect(login.status).toBe(200);

    const backupFile = path.join(tempDir(), 'backup.db');
    const backup = cli(dataDir, 'backup', backupFile);
    expect(backup.code).toBe(0);
    expect(fs.statSync(backupFile).size).toBeGreaterThan(0);

    const reset = cli(dataDir, 'reset-password', '--email', 'root@example.com', '--password', 'recovery phrase two');
    expect(reset.code).toBe(0);
    const relogin = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'root@example.com', password: 'recovery phrase two' }),
    });
    expect(relogin.status).toBe(200);

    const refused = cli(dataDir, 'restore', backupFile);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('is running');

    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    expect(server.exitCode).toBe(0);

    const restored = cli(dataDir, 'restore', backupFile);
    expect(restored.code).toBe(0);
    // The backup predates the password reset: the first password works again.
    const check = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import Database from 'better-sqlite3'; const db = new Database(${JSON.stringify(path.join(dataDir, 'spine.db'))}); console.log(db.pragma('integrity_check', { simple: true }), db.prepare('select count(*) as n from users').get().n);`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(check.stdout.trim()).toBe('ok 1');
  });

  it('refuses a file that is not a Spine backup, and explains PostgreSQL backups', () => {
    const dataDir = tempDir();
    const bogus = path.join(dataDir, 'not-a-backup.db');
    fs.writeFileSync(bogus, 'hello');
    const refused = cli(dataDir, 'restore', bogus);
    expect(refused.code).toBe(2);
    const pg = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), 'backup', 'x.dump'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: 'postgres://127.0.0.1:1/none' },
      encoding: 'utf8',
    });
    expect(pg.status).toBe(2);
    expect(`${pg.stdout}${pg.stderr}`).toContain('pg_dump');
  });
});
