// `charto records …`: the consent records service and the privacy team's commands on its store.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { Writable } from 'node:stream'
import { DEFAULT_DATA_DIR, openStore, StoreUnavailableError, type Store } from '../server/store.js'
import { migrate } from '../server/migrations.js'
import { DEFAULT_RETAIN_DAYS, fullRange, parseTime, startRecordsService } from '../server/service.js'
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../server/export.js'
import { eraseChain, purgeExpired } from '../server/repository.js'
import { readStats, type Stats } from '../server/stats.js'
import { isConsentId } from '../server/validate.js'
import { parseCommandLine, UsageError, type Io } from './io.js'

const STORE_HELP = `Store:
  --data <folder>  the embedded PGlite store (default ${DEFAULT_DATA_DIR}); one process at a time
  -h, --help       this help

Environment variables:
  DATABASE_URL     postgres://user:password@host:5432/database: a PostgreSQL server instead of PGlite (same SQL)`

const EXIT_CODES = 'Exit codes: 0 done, 1 failed while working (a database error), 2 usage error, 3 the store cannot be opened or reached.\n'

export const RECORDS_HELP = `charto records: the consent records service and its privacy-team commands

Usage:
  charto records serve [--host 127.0.0.1] [--port 8787] [--origin url]... [--retain-days 365]
                       [--purge-every 24] [--timeout 5000] [--access-log]
      Runs the service: records from the SDK, receipts for visitors, and /admin/ for the privacy team.

  charto records export [--from date] [--to date] [--format jsonl|csv] [--out file]
      Every record whose decision is in [from, to), streamed.

  charto records stats [--from date] [--to date] [--json]
      Consent rates per day: per category, method, region and revision.

  charto records purge [--retain-days 365]
      Deletes the records whose decision expired more than --retain-days ago.

  charto records erase <consent-id>
      A data subject's erasure: deletes every record of that consent id.

  charto records <command> --help   a command's options, environment variables and exit codes (-h works too)
  charto records --version          the version of charto

Store (every command):
  --data <folder>         the embedded PGlite store (default ${DEFAULT_DATA_DIR}); one process at a time
  DATABASE_URL            postgres://user:password@host:5432/database: a PostgreSQL server instead (same SQL)

Environment (serve):
  CHARTO_RECORDS_TOKEN    bearer token for /admin; without it /admin answers 403 to everyone
  CHARTO_RECORDS_ORIGINS  allowed origins, comma-separated (added to --origin)
  HOST, PORT              defaults for --host and --port

${EXIT_CODES}`

const RETAIN_DAYS_ENV = '  CHARTO_RECORDS_RETAIN_DAYS  default for --retain-days'

const COMMANDS = {
  serve: {
    options: ['data', 'host', 'port', 'origin', 'retain-days', 'purge-every', 'timeout', 'access-log'],
    help: `Usage: charto records serve [--host 127.0.0.1] [--port 8787] [--origin url]... [--retain-days 365]
                            [--purge-every 24] [--timeout 5000] [--access-log] [--data folder]

Runs the service: POST <url>/consent-records takes the SDK's records; GET <url>/consent-records/<id>/receipt shows
a visitor their receipt (JSON, or a page for browsers); /admin/ is the dashboard, and /admin/export, /admin/stats,
DELETE /admin/consent-records/<id> and POST /admin/purge need the bearer token. Stops on Ctrl+C (SIGINT) or SIGTERM.

Options:
  --host           the address to listen on (default 127.0.0.1)
  --port           the port to listen on (default 8787; 0: any free one)
  --origin         a site origin allowed to send records, e.g. https://www.example.com (repeatable); none: any
  --retain-days    days a record is kept after its decision expired (default 365); the purge runs at start and on
                   schedule
  --purge-every    hours between purges (default 24; 0: only "charto records purge")
  --timeout        milliseconds a request may wait for the database before it is answered 503 (default 5000)
  --access-log     one line per request on stderr: time, method, route, status, duration (never an IP address, user
                   agent, consent id or query string)
${STORE_HELP}
  CHARTO_RECORDS_TOKEN        bearer token for /admin; without it /admin answers 403 to everyone
  CHARTO_RECORDS_ORIGINS      allowed origins, comma-separated (added to --origin)
${RETAIN_DAYS_ENV}
  HOST, PORT                  defaults for --host and --port

${EXIT_CODES}`
  },
  export: {
    options: ['data', 'from', 'to', 'format', 'out'],
    help: `Usage: charto records export [--from date] [--to date] [--format jsonl|csv] [--out file] [--data folder]

Every record whose decision is in [from, to), streamed in constant memory.

Options:
  --from           the first day, YYYY-MM-DD (UTC; default: the first record)
  --to             the day after the last, YYYY-MM-DD (UTC; default: everything up to now)
  --format         jsonl (the default: one JSON record a line) or csv
  --out            the file to write (default: standard output)
${STORE_HELP}

${EXIT_CODES}`
  },
  stats: {
    options: ['data', 'from', 'to', 'json'],
    help: `Usage: charto records stats [--from date] [--to date] [--json] [--data folder]

Consent rates per day (UTC): the share of decisions allowing each category, and the methods used; --json adds
regions and revisions. Aggregates only.

Options:
  --from           the first day, YYYY-MM-DD (default: 31 days before --to)
  --to             the day after the last, YYYY-MM-DD (default: tomorrow)
  --json           the figures as JSON
${STORE_HELP}

${EXIT_CODES}`
  },
  purge: {
    options: ['data', 'retain-days'],
    help: `Usage: charto records purge [--retain-days 365] [--data folder]

Deletes the records whose decision expired more than --retain-days ago; prints how many.

Options:
  --retain-days    days a record is kept after its decision expired (default 365)
${STORE_HELP}
${RETAIN_DAYS_ENV}

${EXIT_CODES}`
  },
  erase: {
    options: ['data'],
    help: `Usage: charto records erase <consent-id> [--data folder]

A data subject's erasure: deletes every record of that consent id (the UUID in the visitor's receipt); prints how
many (0 is not an error).

${STORE_HELP}

${EXIT_CODES}`
  }
}

const OPTIONS = {
  data: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'retain-days': { type: 'string' },
  'purge-every': { type: 'string' },
  timeout: { type: 'string' },
  'access-log': { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' }
} as const

const PROGRAM = { name: 'charto records', options: OPTIONS, commands: COMMANDS, help: RECORDS_HELP }

export interface RecordsIo extends Io {
  /** Stops `serve` when aborted (tests); otherwise SIGINT and SIGTERM do. */
  signal?: AbortSignal
  /** Called with the service's URL once it listens. */
  onListening?: (url: string) => void
}

const EXIT_FAILED = 1
const EXIT_USAGE = 2
const EXIT_STORE = 3

function wholeNumber(value: string | undefined, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback
  let number = Number(value)
  if (!Number.isInteger(number) || number < 0 || number > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, got "${value}"`)
  return number
}

function time(value: string | undefined, name: string, fallback: Date): Date {
  try {
    return parseTime(value, '--' + name, fallback)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Where output goes: process.stdout as it is (with its backpressure), or a collector behind a Writable. */
const writableOf = (io: Io): Writable =>
  io.stdout instanceof Writable ? io.stdout : new Writable({ write: (chunk, _encoding, done) => (io.stdout.write(String(chunk)), done()) })

export function formatStats(stats: Stats): string {
  if (!stats.days.length) return `No decisions from ${stats.from.slice(0, 10)} to ${stats.to.slice(0, 10)}.\n`
  let categories = [...new Set(stats.days.flatMap((day) => Object.keys(day.categories)))].filter((id) => id != 'necessary')
  let percent = (rate: number | undefined) => (rate === undefined ? '-' : Math.round(rate * 100) + '%').padStart(Math.max(4, 0))
  let header = ['day'.padEnd(10), 'decisions'.padStart(9), ...categories.map((id) => id.padStart(Math.max(id.length, 4))), '  methods'].join('  ')
  let lines = stats.days.map((day) =>
    [
      day.day,
      String(day.records).padStart(9),
      ...categories.map((id) => percent(day.categories[id]?.rate).padStart(Math.max(id.length, 4))),
      '  ' +
        Object.entries(day.methods)
          .map(([method, count]) => `${method} ${count}`)
          .join(', ')
    ].join('  ')
  )
  return `Share of decisions allowing each category, per day (UTC):\n${header}\n${lines.join('\n')}\n`
}

/** The one-off commands (export, stats, purge, erase) may run long on a large store: no statement time limit. */
async function withStore<T>(location: { dataDir?: string; databaseUrl?: string }, work: (store: Store) => Promise<T>): Promise<T> {
  let store = await openStore({ ...location, statementTimeoutMs: 0 })
  try {
    await migrate(store)
    return await work(store)
  } finally {
    await store.close()
  }
}

/** `charto records <command> …` with `argv` after "records"; resolves to the exit code. */
export async function runRecords(argv: string[], io: RecordsIo): Promise<number> {
  let env = io.env || process.env
  let cwd = io.cwd ? io.cwd() : process.cwd()
  try {
    let commandLine = parseCommandLine(argv, PROGRAM, io)
    if (typeof commandLine == 'number') return commandLine
    let { command, values } = commandLine
    let [target, ...extra] = commandLine.positionals
    if (command == 'erase' ? extra.length : target !== undefined) throw new UsageError(`unexpected argument "${command == 'erase' ? extra[0] : target}"`)
    let location = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: resolve(cwd, values.data || DEFAULT_DATA_DIR) }
    let storeName = env.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `PGlite in ${values.data || DEFAULT_DATA_DIR}`
    let retainDays = wholeNumber(values['retain-days'] ?? env.CHARTO_RECORDS_RETAIN_DAYS, 'retain-days', DEFAULT_RETAIN_DAYS, 36500)

    if (command == 'serve') {
      let port = wholeNumber(values.port ?? env.PORT, 'port', 8787, 65535)
      let origins = [...(values.origin || []), ...(env.CHARTO_RECORDS_ORIGINS || '').split(',')].map((origin) => origin.trim()).filter(Boolean)
      for (let origin of origins) {
        let parsedOrigin: string | null = null
        try {
          parsedOrigin = new URL(origin).origin
        } catch {}
        if (parsedOrigin != origin) throw new UsageError(`--origin must be an origin like https://www.example.com (no path or trailing slash), got "${origin}"`)
      }
      let purgeEveryHours = wholeNumber(values['purge-every'], 'purge-every', 24, 24 * 365)
      let timeoutMs = wholeNumber(values.timeout, 'timeout', 5000, 600_000)
      let store = await openStore({ ...location, statementTimeoutMs: timeoutMs })
      try {
        await migrate(store)
        let service = await startRecordsService({
          store,
          host: values.host || env.HOST || '127.0.0.1',
          port,
          origins,
          token: env.CHARTO_RECORDS_TOKEN || undefined,
          retainDays,
          purgeEveryHours,
          timeoutMs,
          log: values['access-log'] ? (line) => io.stderr.write(line + '\n') : undefined,
          onError: (error) => io.stderr.write(`charto records: ${error.message}\n`)
        }).catch((error: NodeJS.ErrnoException) => {
          throw error.code == 'EADDRINUSE' || error.code == 'EACCES' || error.code == 'EADDRNOTAVAIL'
            ? new UsageError(`cannot listen on ${values.host || env.HOST || '127.0.0.1'}:${port}: ${error.code}`)
            : error
        })
        io.stdout.write(
          `charto records: listening on ${service.url} with ${storeName}\n` +
            `  records:  POST ${service.url}/consent-records\n` +
            `  receipts: ${service.url}/consent-records/<id>/receipt\n` +
            `  admin:    ${service.url}/admin/ ${env.CHARTO_RECORDS_TOKEN ? '(bearer token from CHARTO_RECORDS_TOKEN)' : '(off: set CHARTO_RECORDS_TOKEN)'}\n` +
            (origins.length ? `  origins:  ${origins.join(', ')}\n` : '  origins:  any (set --origin to accept your sites only)\n')
        )
        io.onListening?.(service.url)
        await new Promise<void>((stop) => {
          if (io.signal) {
            if (io.signal.aborted) return stop()
            io.signal.addEventListener('abort', () => stop(), { once: true })
          } else {
            process.once('SIGINT', () => stop())
            process.once('SIGTERM', () => stop())
          }
        })
        await service.close()
        return 0
      } finally {
        await store.close()
      }
    }

    if (command == 'export') {
      let format = (values.format || 'jsonl') as ExportFormat
      if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be jsonl or csv, got "${values.format}"`)
      let whole = fullRange()
      let range = { from: time(values.from, 'from', whole.from), to: time(values.to, 'to', whole.to) }
      return await withStore(location, async (store) => {
        let output = values.out ? createWriteStream(resolve(cwd, values.out)) : writableOf(io)
        let written = await writeExport(store, range, format, output)
        if (values.out) {
          output.end()
          await once(output, 'finish')
          io.stderr.write(`wrote ${written} records to ${values.out}\n`)
        }
        return 0
      })
    }

    if (command == 'stats') {
      let to = time(values.to, 'to', new Date(Date.now() + 864e5))
      let from = time(values.from, 'from', new Date(to.getTime() - 31 * 864e5))
      return await withStore(location, async (store) => {
        let stats = await readStats(store, { from, to })
        io.stdout.write(values.json ? JSON.stringify(stats, null, 2) + '\n' : formatStats(stats))
        return 0
      })
    }

    if (command == 'purge') {
      return await withStore(location, async (store) => {
        let purged = await purgeExpired(store, { retainDays })
        io.stdout.write(`purged ${purged} records whose decision expired more than ${retainDays} days ago\n`)
        return 0
      })
    }

    // erase
    if (!target) throw new UsageError('charto records erase needs a consent id (the UUID in the visitor’s receipt)')
    if (!isConsentId(target)) throw new UsageError(`not a consent id: "${target}" (a UUID v4 in lower case)`)
    return await withStore(location, async (store) => {
      let erased = await eraseChain(store, target)
      io.stdout.write(`erased ${erased} records of consent ${target}\n`)
      return 0
    })
  } catch (error) {
    if (error instanceof UsageError) {
      let hint = error.message.includes('--help') ? '' : 'Run "charto records --help" for the commands and options.\n'
      io.stderr.write(`charto records: ${error.message}\n${hint}`)
      return EXIT_USAGE
    }
    if (error instanceof StoreUnavailableError) {
      io.stderr.write(`charto records: ${error.message}\n`)
      return EXIT_STORE
    }
    io.stderr.write(`charto records: ${(error as Error).message || error}\n`)
    return EXIT_FAILED
  }
}
