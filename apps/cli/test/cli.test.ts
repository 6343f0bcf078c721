// The real `tack` binary (bin/tack.mjs, as a child process) against a real Tack server started here.
// Nothing is mocked. Each spawned command gets a clean environment and a temporary TACK_CONFIG_DIR.
import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { loadConfig, startServer } from '@tack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, expectOneLineError, signUpAndCreateToken, tack } from './support.ts';

const PG_URL = process.env.TACK_TEST_PG_URL;
/** An older Node on the machine (Node 20 on a fresh Debian), to check the bin re-runs itself on Node 24. */
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find(
  (p) => existsSync(p) && !/^v24\./.test(spawnSync(p, ['-v'], { encoding: 'utf8' }).stdout ?? ''),
);

/** A port nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const temps: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tack-cli-${prefix}-`));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe('tack without a server', () => {
  let configDir: string;
  beforeAll(async () => {
    configDir = await tempDir('cfg');
  });

  it('prints its version', async () => {
    const r = await tack(['--version'], { configDir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('explains itself to a newcomer when run bare or with --help', async () => {
    for (const args of [[], ['--help']]) {
      const r = await tack(args, { configDir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Getting started');
      expect(r.stdout).toContain('tack login --server');
      for (const name of ['login', 'logout', 'whoami', 'tokens', 'serve', 'db']) expect(r.stdout).toContain(name);
      expect(r.stderr).toBe('');
    }
  });

  it('rejects an unknown command with exit status 2 and one line', async () => {
    const r = await tack(['frobnicate'], { configDir });
    expect(r.code).toBe(2);
    expectOneLineError(r, /unknown command 'frobnicate'/);
    expect(r.stdout).toBe('');
  });

  it('treats bad flags and missing arguments as usage errors (exit 2)', async () => {
    for (const args of [['whoami', '--bogus'], ['tokens', 'create'], ['serve', '--port', 'abc'], ['tokens']]) {
      const r = await tack(args, { configDir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    const r = await tack(['tokens', 'create'], { configDir });
    expectOneLineError(r, /missing required argument 'name'/);
  });

  it('words a refused flag value as the flag, the value and what to give instead', async () => {
    for (const [args, line] of [
      [
        ['serve', '--port', 'abc'],
        `tack: --port "abc": must be a whole number from 0 to 65535 (see 'tack serve --help')`,
      ],
      [
        ['practices', 'list', '--state', 'weird'],
        `tack: --state "weird": choose one of active, paused, archived, deleted, all (see 'tack practices list --help')`,
      ],
      [
        ['goals', 'status', 'some goal', 'bogus'],
        `tack: STATUS "bogus": use one of exploring, active, paused, achieved, let go (see 'tack goals status --help')`,
      ],
    ] as const) {
      const r = await tack([...args], { configDir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`${line}\n`);
    }
  });

  it('says to run tack login when not logged in', async () => {
    const r = await tack(['whoami'], { configDir });
    expect(r.code).toBe(1);
    expectOneLineError(r, /not logged in.*tack login/);
  });

  it('names the URL when the server cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await tack(['whoami', '--server', url, '--token', 'whatever'], { configDir });
    expect(r.code).toBe(1);
    expectOneLineError(r, new RegExp(`could not reach the Tack server at ${url.replace(/\./g, '\\.')}`));
    expect(r.stdout).toBe('');
  });

  it("a group's own flags are not offered to its subcommands, and giving one there is wrong usage", async () => {
    const help = await tack(['review', 'show', '--help'], { configDir });
    expect(help.code).toBe(0);
    for (const flag of ['--markdown', '--week', '--json', '--server', '--token']) expect(help.stdout).toContain(flag);
    for (const flag of ['--adjust', '--line', '--keep', '--complete', '--who5'])
      expect(help.stdout).not.toContain(flag);
    for (const [args, flag, group, sub] of [
      [['review', 'show', '--adjust', 'Run=daily'], '--adjust', 'review', 'review show'],
      [['review', 'show', '--week', '2026-W47', '--complete'], '--complete', 'review', 'review show'],
      [['review', 'list', '--line', 'hello'], '--line', 'review', 'review list'],
      [['insights', 'dismiss', 'P5', '--json'], '--json', 'insights', 'insights dismiss'],
    ] as const) {
      const r = await tack([...args], { configDir });
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLineError(r, new RegExp(`^tack: ${flag} is an option of 'tack ${group}', not of 'tack ${sub}'`));
      expect(r.stdout).toBe('');
    }
    // The subcommand's own flags, and the global ones, still go through (here to "not logged in").
    const own = await tack(['review', 'show', '--week', '2026-W47', '--json', '--server', 'http://127.0.0.1:9'], {
      configDir,
    });
    expect(own.code).toBe(1);
    expectOneLineError(own, /not logged in/);
  });

  it('says plainly what is wrong when connecting fails: refused, unknown host, https to http and back', async () => {
    const refused = `http://127.0.0.1:${await closedPort()}`;
    const r1 = await tack(['whoami', '--server', refused, '--token', 't'], { configDir });
    expectOneLineError(r1, /: connection refused \(is the server running\?\)$/);
    const r2 = await tack(['whoami', '--server', 'http://no-such-host.invalid', '--token', 't'], { configDir });
    expectOneLineError(r2, /: (host not found \(check the address\)|host name lookup failed \(are you offline\?\))$/);

    // A plain-HTTP server asked for https.
    const plain = createHttpServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainAddr = plain.address();
    const port = plainAddr && typeof plainAddr === 'object' ? plainAddr.port : 0;
    // Something that hangs up on a plain HTTP request, as an https-only server does.
    const tls = createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const tlsAddr = tls.address();
    const tlsPort = tlsAddr && typeof tlsAddr === 'object' ? tlsAddr.port : 0;
    try {
      const https = await tack(['whoami', '--server', `https://127.0.0.1:${port}/tack`, '--token', 't'], { configDir });
      expect(https.code).toBe(1);
      expectOneLineError(
        https,
        new RegExp(
          `^tack: could not reach the Tack server at https://127\\.0\\.0\\.1:${port}: could not make a secure \\(https\\) ` +
            `connection to it; if it serves plain HTTP, use http://127\\.0\\.0\\.1:${port}/tack$`,
        ),
      );
      expect(https.stderr).not.toMatch(/wrong version|EPROTO|certificate/i);
      const login = await tack(['login', '--server', `https://127.0.0.1:${port}`, '--token', 't'], { configDir });
      expectOneLineError(login, /could not make a secure \(https\) connection/);
      const http = await tack(['whoami', '--server', `http://127.0.0.1:${tlsPort}`, '--token', 't'], { configDir });
      expectOneLineError(http, new RegExp(`if it serves https, use https://127\\.0\\.0\\.1:${tlsPort}$`));
    } finally {
      plain.close();
      tls.close();
    }
  });

  it('says so when something other than Tack answers', async () => {
    const other = createHttpServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const addr = other.address();
    const url = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}`;
    try {
      const r = await tack(['whoami', '--server', url, '--token', 'whatever'], { configDir });
      expect(r.code).toBe(1);
      expectOneLineError(r, /unexpected 404 answer; is it a Tack server\?/);
    } finally {
      other.close();
    }
  });

  it('refuses a server address that is not an http(s) URL', async () => {
    const r = await tack(['login', '--server', 'localhost:8080', '--token', 't'], { configDir });
    expect(r.code).toBe(2);
    expectOneLineError(r, /--server must start with http/);
  });

  it.skipIf(!OLD_NODE)('starts from an older system Node by re-running itself on Node 24', async () => {
    const r = await tack(['--version'], { configDir, node: OLD_NODE });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('tack against a server on SQLite', () => {
  let server: { url: string; close(): Promise<void> };
  let configDir: string;
  let token: string;
  let tokenId: string;
  const run = (args: string[], env?: Record<string, string>, stdin?: string) => tack(args, { configDir, env, stdin });

  beforeAll(async () => {
    const dataDir = await tempDir('data');
    configDir = join(await tempDir('home'), 'config', 'tack'); // not there yet: login creates it
    server = await startServer(
      loadConfig({ TACK_DATA_DIR: dataDir, TACK_PORT: '0', TACK_HOST: '127.0.0.1', TACK_LOG_LEVEL: 'silent' }),
    );
    ({ token, tokenId } = await signUpAndCreateToken(server.url, 'ada@example.com'));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('does not save a bad token: exit 1, one line with the error code', async () => {
    const r = await run(['login', '--server', server.url, '--token', 'tack_not-a-real-token']);
    expect(r.code).toBe(1);
    expectOneLineError(r, /token is invalid or revoked \(TOKEN_INVALID\)/);
    expect(existsSync(join(configDir, 'config.json'))).toBe(false);
  });

  it('logs in: verifies the token, then saves it readable only by the user', async () => {
    const r = await run(['login', '--server', `${server.url}/`, '--token', token]);
    expect(r.stderr).not.toMatch(/^tack:/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ada Lovelace <ada@example.com>');
    const file = join(configDir, 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ server: server.url, token });
  });

  it('login into a config folder it cannot make fails at once in one line (no hang on /proc)', async () => {
    const aFile = join(await tempDir('cfgfile'), 'file');
    await writeFile(aFile, '');
    const cases: [string, RegExp][] = [
      [join(aFile, 'tack'), /^tack: cannot (read|write) \S+config\.json: part of the path is a file, not a folder$/],
    ];
    if (process.platform === 'linux') {
      cases.push([
        '/proc/tack-nope/tack',
        /^tack: cannot write \/proc\/tack-nope\/tack\/config\.json: cannot create \/proc\/tack-nope\/tack: /,
      ]);
    }
    for (const [dir, pattern] of cases) {
      const r = await tack(['login', '--server', server.url, '--token', token], { configDir: dir });
      expect(r.code, dir).toBe(1);
      expect(r.stdout).toBe('');
      expectOneLineError(r, pattern);
    }
  }, 30_000);

  it('whoami --json prints only JSON describing the account', async () => {
    const r = await run(['whoami', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const body = JSON.parse(r.stdout) as { server: string; user: { email: string; name: string; timeZone: string } };
    expect(body.server).toBe(server.url);
    expect(body.user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', timeZone: 'UTC' });
  });

  it('whoami prints a readable line', async () => {
    const r = await run(['whoami']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Ada Lovelace <ada@example.com> on ${server.url}`);
  });

  it('settings shows and changes the time zone and week start, which whoami then shows', async () => {
    const shown = await run(['settings']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^time zone {3}UTC \(today is \d{4}-\d\d-\d\d\)$/m);
    expect(shown.stdout).toMatch(/^week start {2}monday$/m);

    const changed = await run(['settings', '--time-zone', 'Pacific/Kiritimati', '--week-start', 'sunday', '--json']);
    expect(changed.code, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ user: { timeZone: 'Pacific/Kiritimati', weekStart: 'sunday' } });
    expect((await run(['whoami'])).stdout).toContain('Time zone Pacific/Kiritimati, weeks start on sunday.');

    for (const [args, message] of [
      [['--time-zone', 'Mars/Olympus'], /^tack: --time-zone: .*\(VALIDATION_FAILED\)$/],
      [['--time-zone', ' '], /^tack: --time-zone is empty/],
      [['--week-start', 'funday'], /--week-start/],
    ] as const) {
      const r = await run(['settings', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLineError(r, message);
    }
    const back = await run(['settings', '--time-zone', 'UTC', '--week-start', 'monday']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/^time zone {3}UTC /m);
  });

  it('tokens list --json returns the tokens; without --json an aligned table', async () => {
    const json = await run(['tokens', 'list', '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const { tokens } = JSON.parse(json.stdout) as { tokens: { id: string; name: string; prefix: string }[] };
    expect(tokens.map((t) => t.id)).toContain(tokenId);
    expect(token.startsWith(tokens.find((t) => t.id === tokenId)?.prefix ?? '?')).toBe(true);

    const table = await run(['tokens', 'ls']);
    expect(table.code).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/ID\s+NAME\s+PREFIX\s+CREATED\s+LAST USED/);
    const shortId = tokenId.slice(0, 8); // the start of the id, which 'tokens revoke' takes
    expect(table.stdout).not.toContain(tokenId);
    const row = rows.find((l) => l.includes(shortId)) ?? '';
    expect(row.startsWith('*')).toBe(true); // the token in use
    expect(row.indexOf(shortId)).toBe(header?.indexOf('ID'));
    expect(row.indexOf('cli test')).toBe(header?.indexOf('NAME'));
  });

  it('tokens create prints the secret, which then works (flag beats env beats config)', async () => {
    const r = await run(['tokens', 'create', 'second', '--json']);
    expect(r.code).toBe(0);
    const created = JSON.parse(r.stdout) as { token: string; apiToken: { id: string; name: string } };
    expect(created.apiToken.name).toBe('second');

    const plain = await run(['tokens', 'create', 'third']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim()).toMatch(/^\S+$/); // only the secret on stdout
    expect(plain.stderr).toContain('not shown again');

    const viaFlag = await run(['whoami', '--json', '--token', created.token], { TACK_TOKEN: 'tack_bogus' });
    expect(viaFlag.code).toBe(0);

    const viaEnv = await run(['whoami'], { TACK_TOKEN: 'tack_bogus' });
    expect(viaEnv.code).toBe(1);
    expectOneLineError(viaEnv, /\(TOKEN_INVALID\).*TACK_TOKEN/);

    const revoke = await run(['tokens', 'revoke', created.apiToken.id.slice(0, 8)]); // as 'tokens list' shows it
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout).toBe(`Revoked token "second" (${created.apiToken.id}).\n`);
    const gone = await run(['whoami', '--token', created.token]);
    expect(gone.code).toBe(1);
    expectOneLineError(gone, /TOKEN_INVALID/);
  });

  it('never sends the saved token to a different server', async () => {
    const other = `http://127.0.0.1:${await closedPort()}`;
    const r = await run(['whoami', '--server', other]);
    expect(r.code).toBe(1);
    expectOneLineError(r, new RegExp(`not logged in to ${other.replace(/\./g, '\\.')}`));
  });

  it('reports API errors with their code', async () => {
    const r = await run(['tokens', 'revoke', 'no-such-token']);
    expect(r.code).toBe(1);
    expectOneLineError(r, /\(NOT_FOUND\)/);
    const empty = await run(['tokens', 'revoke', ' ']);
    expect(empty.code).toBe(2);
    expectOneLineError(empty, /^tack: give the id of the token to revoke; see 'tack tokens list'$/);
  });

  it('after revoking the token in use, whoami fails with TOKEN_INVALID', async () => {
    const revoke = await run(['tokens', 'revoke', tokenId]);
    expect(revoke.code).toBe(0);
    expect(revoke.stderr).toContain('token this CLI uses');
    const r = await run(['whoami']);
    expect(r.code).toBe(1);
    expectOneLineError(r, /token is invalid or revoked \(TOKEN_INVALID\).*tack login/);
  });

  it('logs in with --with-token from stdin, and logs out', async () => {
    const login = await run(['login', '--server', server.url, '--token', 'x', '--with-token'], {}, '');
    expect(login.code).toBe(2); // both given

    const { token: fresh } = await signUpAndCreateToken(server.url, 'grace@example.com');
    const r = await run(['login', '--with-token'], {}, `${fresh}\n`); // server remembered from last login
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<grace@example.com>');

    const out = await run(['logout']);
    expect(out.code).toBe(0);
    expect(JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8'))).toEqual({ server: server.url });
    const who = await run(['whoami']);
    expect(who.code).toBe(1);
    expectOneLineError(who, /not logged in.*tack login/);
  });
});

describe('tack db migrate', () => {
  it('migrates a fresh data dir, reports nothing to do the second time, and reverts with --down --yes', async () => {
    const configDir = await tempDir('cfg');
    const env = { TACK_DATA_DIR: join(await tempDir('db'), 'data') };
    const first = await tack(['db', 'migrate'], { configDir, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied 2026_11_21_0001_accounts$/m);
    expect(existsSync(join(env.TACK_DATA_DIR, 'tack.db'))).toBe(true);

    const again = await tack(['db', 'migrate', '--json'], { configDir, env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ database: 'sqlite', direction: 'up', migrations: [] });

    const unconfirmed = await tack(['db', 'migrate', '--down'], { configDir, env });
    expect(unconfirmed.code).toBe(2);
    expectOneLineError(unconfirmed, /--yes/);

    const down = await tack(['db', 'migrate', '--down', '--yes'], { configDir, env });
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/^Reverted \S+$/m);
  });

  it('names --data-dir, not TACK_DATA_DIR, when the folder came from the flag; refuses an empty one', async () => {
    const configDir = await tempDir('cfg');
    const notAFolder = join(await tempDir('file'), 'file');
    await writeFile(notAFolder, '');
    const flag = await tack(['db', 'migrate', '--data-dir', join(notAFolder, 'data')], { configDir });
    expect(flag.code).toBe(1);
    expectOneLineError(flag, /^tack: --data-dir: cannot create /);
    const env = await tack(['db', 'migrate'], { configDir, env: { TACK_DATA_DIR: join(notAFolder, 'data') } });
    expectOneLineError(env, /^tack: TACK_DATA_DIR: cannot create /);
    const served = await tack(['serve', '--port', '0', '--data-dir', join(notAFolder, 'data')], {
      configDir,
      env: { TACK_LOG_LEVEL: 'silent' },
    });
    expect(served.code).toBe(1);
    expectOneLineError(served, /^tack: --data-dir: cannot create /);
    for (const args of [
      ['db', 'migrate', '--data-dir', ''],
      ['serve', '--data-dir', ''],
    ]) {
      const empty = await tack(args, { configDir });
      expect(empty.code, args.join(' ')).toBe(2);
      expectOneLineError(empty, /^tack: --data-dir is empty/);
    }
  });

  it('refuses a data folder it cannot make quickly, in one line (no hang on /proc, a file, /sys)', async () => {
    const configDir = await tempDir('cfg');
    const aFile = join(await tempDir('file'), 'file');
    await writeFile(aFile, '');
    const cases: [string, RegExp][] = [
      [aFile, /^tack: --data-dir: cannot create \S+: it is a file, not a folder$/],
      [join(aFile, 'data'), /^tack: --data-dir: cannot create \S+: part of the path is a file, not a folder$/],
    ];
    if (process.platform === 'linux') {
      // Node's recursive mkdir never returns for /proc/x.
      cases.push([join('/proc', 'tack-nope', 'data'), /^tack: --data-dir: cannot create \/proc\/tack-nope\/data: /]);
      cases.push(['/sys/tack-nope', /^tack: --data-dir: cannot create \/sys\/tack-nope: /]);
    }
    for (const [dir, pattern] of cases) {
      for (const args of [
        ['serve', '--port', '0', '--data-dir', dir],
        ['db', 'migrate', '--data-dir', dir],
      ]) {
        const r = await tack(args, { configDir, env: { TACK_LOG_LEVEL: 'silent' } });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expectOneLineError(r, pattern);
      }
    }
    const fromEnv = await tack(['serve', '--port', '0'], {
      configDir,
      env: { TACK_LOG_LEVEL: 'silent', TACK_DATA_DIR: aFile },
    });
    expect(fromEnv.code).toBe(1);
    expectOneLineError(fromEnv, /^tack: TACK_DATA_DIR: cannot create \S+: it is a file, not a folder$/);
  }, 30_000);

  it('makes a missing data folder and its parents, for the owner alone', async () => {
    const dataDir = join(await tempDir('nested'), 'a', 'b', 'data');
    const r = await tack(['db', 'migrate', '--json', '--data-dir', dataDir], { configDir: await tempDir('cfg') });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dataDir, 'tack.db'))).toBe(true);
    if (process.platform !== 'win32') {
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      expect((await stat(join(dataDir, '..'))).mode & 0o777).toBe(0o700);
    }
  });

  it('serve names the address it cannot listen on, in one line', async () => {
    const configDir = await tempDir('cfg');
    const dataDir = await tempDir('hostdata');
    for (const [host, pattern] of [
      ['999.1.1.1', /^tack: --host: cannot listen on 999\.1\.1\.1 port \d+: not a valid address/],
      ['192.0.2.1', /^tack: --host: cannot listen on 192\.0\.2\.1 port \d+: this machine has no such address$/],
    ] as const) {
      const port = String(await closedPort());
      const r = await tack(['serve', '--port', port, '--host', host, '--data-dir', dataDir], {
        configDir,
        env: { TACK_LOG_LEVEL: 'silent' },
      });
      expect(r.code, host).toBe(1);
      expectOneLineError(r, pattern);
    }
    const fromEnv = await tack(['serve', '--port', '0', '--data-dir', dataDir], {
      configDir,
      env: { TACK_LOG_LEVEL: 'silent', TACK_HOST: '192.0.2.1' },
    });
    expectOneLineError(fromEnv, /^tack: TACK_HOST: cannot listen on 192\.0\.2\.1: this machine has no such address$/);
  });

  it('reports a bad setting in one line', async () => {
    const r = await tack(['db', 'migrate'], { configDir: await tempDir('cfg'), env: { DATABASE_URL: 'mysql://x' } });
    expect(r.code).toBe(1);
    expectOneLineError(r, /DATABASE_URL/);
  });
});

describe('tack serve', () => {
  it('starts a server, prints its URL, and stops cleanly on SIGTERM', async () => {
    const dataDir = await tempDir('serve');
    const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--data-dir', dataDir],
      { env: { ...cleanEnv(), TACK_LOG_LEVEL: 'silent', TACK_CONFIG_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
        const m = /Tack is running at (http:\/\/\S+)/.exec(stdout);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Stopped.');
    expect(stderr).not.toMatch(/^tack:/m);
  });
});

describe.skipIf(!PG_URL)('tack against a server on PostgreSQL (TACK_TEST_PG_URL)', () => {
  let server: { url: string; close(): Promise<void> } | undefined;
  let adminUrl: string;
  let databaseUrl: string;
  const dbName = `cli_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    const { default: pg } = await import('pg');
    adminUrl = PG_URL ?? '';
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    server = await startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('pgdata'),
        DATABASE_URL: databaseUrl,
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    );
  });

  afterAll(async () => {
    await server?.close();
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('logs in and answers whoami --json', async () => {
    if (!server) throw new Error('server did not start');
    const { token } = await signUpAndCreateToken(server.url, 'pg@example.com');
    const configDir = await tempDir('pgcfg');
    const login = await tack(['login', '--server', server.url, '--token', token], { configDir });
    expect(login.code, login.stderr).toBe(0);
    const r = await tack(['whoami', '--json'], { configDir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ server: server.url, user: { email: 'pg@example.com' } });
  });

  it('db migrate finds the PostgreSQL database up to date (the server migrated it)', async () => {
    const r = await tack(['db', 'migrate', '--json'], {
      configDir: await tempDir('pgcfg'),
      env: { DATABASE_URL: databaseUrl },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ database: 'postgres', direction: 'up', migrations: [] });
  });
});
