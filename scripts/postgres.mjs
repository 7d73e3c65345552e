// A throwaway PostgreSQL server for tests and benchmarks: Debian's postgresql package, a cluster in a temporary
// folder, a free port on 127.0.0.1, trust authentication, no fsync (but synchronous commits). Stopped and deleted by `stop()`.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const POSTGRES_HINT = 'PostgreSQL server tests need Debian\'s postgresql package: apt-get install -y postgresql'

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, or null. */
export function findPostgres() {
  let base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  let versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? join(base, versions[0], 'bin') : null
}

const freePort = () =>
  new Promise((resolve, reject) => {
    let server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      let { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** PostgreSQL refuses to run as root: as root, its tools run as the postgres user the package created. */
function runAsServerUser(bin, tool, args) {
  let root = process.getuid && process.getuid() === 0
  let [command, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]
  let result = spawnSync(command, argv, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout || result.error}`)
  return result.stdout
}

/**
 * Starts a cluster (`durable: true` keeps fsync on); resolves to `{ url, port, dir, stop(), pause(), resume() }`. `pause`
 * stops the server at once, as a crash would (the database "goes away"), `resume` starts it again on the same port with
 * the same data: every commit it acknowledged is still there.
 */
export async function startPostgres({ settings = [], durable = false } = {}) {
  let bin = findPostgres()
  if (!bin) throw new Error(POSTGRES_HINT)
  let dir = mkdtempSync(join(tmpdir(), 'charto-pg-'))
  chmodSync(dir, 0o777)
  if (process.getuid && process.getuid() === 0) execFileSync('chown', ['postgres', dir])
  let data = join(dir, 'data')
  runAsServerUser(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions'])
  let port = await freePort()
  // Tests skip flushing to disk for speed; a benchmark keeps PostgreSQL's defaults (`durable: true`). Commits stay
  // synchronous: `pause()` is a crash (an immediate stop), and a crash loses an asynchronous commit that had not yet
  // reached the kernel, so a record the service had acknowledged would vanish. What was written survives the crash of
  // the server's processes without fsync, since the kernel still holds it.
  let speed = durable ? [] : ['-c fsync=off', '-c full_page_writes=off']
  let options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...speed, ...settings.map((s) => `-c ${s}`)].join(' ')
  let start = () => runAsServerUser(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
  let halt = () => runAsServerUser(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
  start()
  let running = true
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    pause() {
      halt()
      running = false
    },
    resume() {
      start()
      running = true
    },
    stop() {
      if (running) halt()
      running = false
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
