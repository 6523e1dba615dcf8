import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for the hub's tests, from Debian's binaries
 * (/usr/lib/postgresql/<n>/bin). One cluster serves every test file of a run: the first file
 * starts it (under a lock folder), each file takes its own database, and the last file out stops
 * it. PASSOPASSO_TEST_PG_URL (e.g. from CI) skips all of this and uses that server instead.
 */
interface Cluster {
  root: string;
  data: string;
  users: string;
  lock: string;
  portFile: string;
  /** Durability settings: off for tests (a test cluster is thrown away), on to measure as production commits. */
  durable: boolean;
}

/** The tests' cluster (fsync off), or a second one with fsync on for benchmarks that measure commits. */
const clusterOf = (durable: boolean): Cluster => {
  const root = join(tmpdir(), `passopasso-pg-${process.getuid?.() ?? 0}${durable ? '-durable' : ''}`);
  return {
    root,
    data: join(root, 'data'),
    users: join(root, 'users'),
    lock: join(root, 'lock'),
    portFile: join(root, 'port'),
    durable,
  };
};

export const postgresBinDir = (): string | null => {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
};

export const postgresAvailable = (): boolean => Boolean(process.env['PASSOPASSO_TEST_PG_URL'] || postgresBinDir());

// initdb and postgres refuse to run as root: run them as the `postgres` user Debian's package creates.
const asRoot = process.getuid?.() === 0;
const run = (bin: string, args: string[]) => {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const withLock = async <T>(cluster: Cluster, work: () => Promise<T>): Promise<T> => {
  mkdirSync(cluster.root, { recursive: true });
  for (let tries = 0; ; tries += 1) {
    try {
      mkdirSync(cluster.lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a crashed run.
      if (existsSync(cluster.lock) && Date.now() - statSync(cluster.lock).mtimeMs > 120_000)
        rmSync(cluster.lock, { recursive: true, force: true });
      if (tries > 1200) throw new Error('timed out waiting for the PostgreSQL test lock');
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(cluster.lock, { recursive: true, force: true });
  }
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const liveUsers = (cluster: Cluster) =>
  existsSync(cluster.users) ? readdirSync(cluster.users).filter((name) => alive(Number(name.split('-')[0]))) : [];

const ready = async (port: number) => {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

const ensureCluster = async (bin: string, cluster: Cluster): Promise<number> => {
  if (existsSync(cluster.portFile)) {
    const port = Number(readFileSync(cluster.portFile, 'utf8'));
    if (await ready(port)) return port;
  }
  if (!existsSync(join(cluster.data, 'PG_VERSION'))) {
    rmSync(cluster.data, { recursive: true, force: true });
    mkdirSync(cluster.data, { recursive: true });
    if (asRoot)
      chownSync(
        cluster.data,
        Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      );
    run(join(bin, 'initdb'), ['-D', cluster.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  }
  const port = await freePort();
  // Durability settings off unless asked for: a test cluster is thrown away.
  const durability = cluster.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${cluster.data}${durability} -c max_connections=200`;
  run(join(bin, 'pg_ctl'), [
    '-D',
    cluster.data,
    '-l',
    join(cluster.data, 'log'),
    '-o',
    options,
    '-w',
    '-t',
    '60',
    'start',
  ]);
  writeFileSync(cluster.portFile, String(port));
  return port;
};

export interface TestPostgres {
  /** A fresh, empty database of its own. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A database of its own on the shared test cluster (started if needed). Call from `beforeAll`.
 * `durable`: on a cluster of its own with fsync and synchronous commit on, as a production server
 * runs (for benchmarks; ignored with PASSOPASSO_TEST_PG_URL, whose server has its own settings).
 */
export const startTestPostgres = async (options: { durable?: boolean } = {}): Promise<TestPostgres> => {
  const cluster = clusterOf(options.durable ?? false);
  const name = `hub_${randomBytes(6).toString('hex')}`;
  const external = process.env['PASSOPASSO_TEST_PG_URL'];
  const bin = postgresBinDir();
  if (!external && !bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const userFile = join(cluster.users, `${process.pid}-${name}`);
  const serverUrl = external
    ? external
    : await withLock(cluster, async () => {
        const port = await ensureCluster(bin as string, cluster);
        mkdirSync(cluster.users, { recursive: true });
        writeFileSync(userFile, '');
        return `postgres://postgres@127.0.0.1:${port}/postgres`;
      });
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
      if (external) return;
      await withLock(cluster, async () => {
        rmSync(userFile, { force: true });
        if (liveUsers(cluster).length === 0) {
          run(join(bin as string, 'pg_ctl'), ['-D', cluster.data, '-m', 'fast', '-w', 'stop']);
          rmSync(cluster.portFile, { force: true });
        }
      });
    },
  };
};
