// `charto records …` on each store: exit codes, help, errors, and each command's output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/cli/main.js'
import { runRecords, type RecordsIo } from '../../src/cli/records.js'
import { consentId, freshStore, sampleRecord, STORE_KINDS, type StoreUnderTest } from './stores.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'charto-records-cli-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function records(env: Record<string, string | undefined>, ...argv: string[]) {
  let stdout = ''
  let stderr = ''
  let code = await run(['records', ...argv], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: () => dir,
    env
  })
  return { code, stdout, stderr }
}

describe('charto records: usage', () => {
  it('prints help with exit 0, and names the problem with exit 2 for bad usage', async () => {
    let help = await records({}, '--help')
    expect(help.code).toBe(0)
    for (let text of ['serve', 'export', 'stats', 'purge', 'erase <consent-id>', 'DATABASE_URL', 'CHARTO_RECORDS_TOKEN', 'CHARTO_RECORDS_ORIGINS', '--retain-days', './charto-records', 'Exit codes']) {
      expect(help.stdout).toContain(text)
    }
    expect((await records({}, 'serve', '--help')).code).toBe(0)
    expect((await records({})).code).toBe(2)
    expect((await run(['--help'], { stdout: { write: () => {} }, stderr: { write: () => {} } }))).toBe(0)
    let cases: [string[], RegExp][] = [
      [['launch'], /unknown command "launch"; use serve, export, stats, purge or erase/],
      [['export', '--format', 'xml'], /--format must be jsonl or csv, got "xml"/],
      [['export', '--from', 'last week'], /--from must be a date \(YYYY-MM-DD\)/],
      [['purge', '--retain-days=-3'], /--retain-days must be a whole number/],
      [['stats', '--port', '80'], /--port does not apply to "charto records stats"/],
      [['erase'], /needs a consent id/],
      [['erase', 'visitor@example.com'], /not a consent id/],
      [['serve', '--origin', 'https://www.example.com/'], /--origin must be an origin like https:\/\/www\.example\.com/],
      [['serve', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
      [['export', 'extra'], /unexpected argument "extra"/]
    ]
    for (let [argv, message] of cases) {
      let result = await records({}, ...argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr, argv.join(' ')).toMatch(message)
    }
  })

  it('--help on every records command: its usage, options, environment variables and exit codes; no undocumented short flag', async () => {
    let options: Record<string, string[]> = {
      serve: ['--host', '--port', '--origin', '--retain-days', '--purge-every', '--timeout', '--access-log', 'CHARTO_RECORDS_TOKEN', 'CHARTO_RECORDS_ORIGINS', 'CHARTO_RECORDS_RETAIN_DAYS', 'HOST, PORT'],
      export: ['--from', '--to', '--format', '--out'],
      stats: ['--from', '--to', '--json'],
      purge: ['--retain-days', 'CHARTO_RECORDS_RETAIN_DAYS'],
      erase: ['<consent-id>']
    }
    for (let [command, names] of Object.entries(options)) {
      for (let asked of [[command, '--help'], [command, '-h'], ['help', command]]) {
        let { code, stdout } = await records({}, ...asked)
        expect(code, asked.join(' ')).toBe(0)
        expect(stdout, asked.join(' ')).toMatch(new RegExp(`^Usage: charto records ${command} `))
        for (let text of [...names, '--data', '-h, --help', 'Environment variables:', 'DATABASE_URL', 'Exit codes: 0 done']) expect(stdout, `${command}: ${text}`).toContain(text)
      }
    }
    expect(await records({}, 'export', '--format')).toMatchObject({ code: 2, stderr: 'charto records: --format needs a value, as in --format <value>\nRun "charto records --help" for the commands and options.\n' })
    expect(await records({}, 'export', '-f', 'csv')).toMatchObject({ code: 2, stderr: 'charto records: unknown option -f; run "charto records export --help" for the options\n' })
    expect(await records({}, 'stats', '--json=yes')).toMatchObject({ code: 2 })
  })

  it('exits 3 when the store cannot be reached, without printing the connection string', async () => {
    let result = await records({ DATABASE_URL: 'postgres://someone:secret-password@127.0.0.1:1/none' }, 'stats')
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/cannot reach the PostgreSQL server in DATABASE_URL/)
    expect(result.stderr).not.toContain('secret-password')
  })
})

describe.each(STORE_KINDS)('charto records on %s', (kind) => {
  let underTest: StoreUnderTest
  let env: Record<string, string | undefined>
  let storeArgs: string[]
  let ids = [consentId(), consentId()]

  beforeAll(async () => {
    underTest = await freshStore(kind)
    let location = underTest.location()
    env = location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}
    storeArgs = location.dataDir ? ['--data', location.dataDir] : []
  })
  afterAll(() => underTest?.dispose())

  it('serve listens, takes records, and stops on its signal; then export, stats, purge and erase work on what it stored', async () => {
    let controller = new AbortController()
    let listening: (url: string) => void
    let url = new Promise<string>((resolve) => (listening = resolve))
    let stdout = ''
    let stderr = ''
    let io: RecordsIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: () => dir,
      env: { ...env, CHARTO_RECORDS_TOKEN: 'cli-token', CHARTO_RECORDS_ORIGINS: 'https://www.example.com' },
      signal: controller.signal,
      onListening: (address) => listening(address)
    }
    let serving = runRecords(['serve', '--port', '0', '--access-log', ...storeArgs], io)
    let base = await url
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    let day = 864e5
    let iso = (offset: number) => new Date(Date.now() + offset).toISOString()
    let bodies = [
      sampleRecord({ id: ids[0], createdAt: '2026-09-01T10:00:00.000Z', updatedAt: '2026-09-01T10:00:00.000Z', method: 'accept-all', categories: { necessary: true, marketing: true } }),
      sampleRecord({ id: ids[0], createdAt: '2026-09-01T10:00:00.000Z', updatedAt: '2026-09-02T10:00:00.000Z', method: 'custom', categories: { necessary: true, marketing: false } }),
      sampleRecord({ id: ids[1], createdAt: iso(-500 * day), updatedAt: iso(-500 * day), expiresAt: iso(-400 * day) })
    ]
    for (let body of bodies) {
      let response = await fetch(base + '/consent-records', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://www.example.com' }, body: JSON.stringify(body) })
      expect(response.status).toBe(201)
    }
    controller.abort()
    expect(await serving).toBe(0)
    expect(stdout).toContain(`listening on ${base}`)
    expect(stdout).toContain('origins:  https://www.example.com')
    expect(stderr).toMatch(/POST \/consent-records 201 \d+ms/)

    let jsonl = await records(env, 'export', '--from', '2026-09-01', '--to', '2026-09-03', ...storeArgs)
    expect(jsonl.code).toBe(0)
    expect(jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line).method)).toEqual(['accept-all', 'custom'])
    let csv = await records(env, 'export', '--format', 'csv', '--out', 'out.csv', ...storeArgs)
    expect(csv.stderr).toBe('wrote 3 records to out.csv\n')
    expect((await readFile(join(dir, 'out.csv'), 'utf8')).trim().split('\r\n')).toHaveLength(4)

    let stats = await records(env, 'stats', '--from', '2026-09-01', '--to', '2026-09-03', ...storeArgs)
    expect(stats.code).toBe(0)
    expect(stats.stdout).toMatch(/2026-09-01\s+1\s+100%/)
    expect(stats.stdout).toMatch(/2026-09-02\s+1\s+0%\s+custom 1/)
    let json = JSON.parse((await records(env, 'stats', '--json', '--from', '2026-09-01', '--to', '2026-09-03', ...storeArgs)).stdout)
    expect(json.days.map((entry: any) => entry.records)).toEqual([1, 1])

    let purge = await records(env, 'purge', '--retain-days', '30', ...storeArgs)
    expect(purge).toMatchObject({ code: 0, stdout: 'purged 1 records whose decision expired more than 30 days ago\n' })
    let erase = await records(env, 'erase', ids[0], ...storeArgs)
    expect(erase).toMatchObject({ code: 0, stdout: `erased 2 records of consent ${ids[0]}\n` })
    expect((await records(env, 'erase', ids[0], ...storeArgs)).stdout).toBe(`erased 0 records of consent ${ids[0]}\n`)
    expect((await records(env, 'export', ...storeArgs)).stdout).toBe('')
    // Each command opens the store anew: on PGlite that is a few seconds each on a busy machine.
  }, 240_000)

  it.runIf(kind == 'PGlite')('refuses a second process on the same PGlite folder with exit 3', async () => {
    let store = await underTest.open()
    try {
      let result = await records(env, 'stats', ...storeArgs)
      expect(result.code).toBe(3)
      expect(result.stderr).toMatch(/is in use by process \d+/)
    } finally {
      await store.close()
    }
  })
})
