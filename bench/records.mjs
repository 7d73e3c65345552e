// Records service benchmark: ingest throughput and latency (autocannon) on PGlite and on a PostgreSQL server,
// export of 1,000,000 records (time, peak memory), purge of 1,000,000 expired records (time, ingest p99 meanwhile).
// Run by hand after a build: npm run build && node bench/records.mjs [--rows 1000000] [--seconds 20]
// Writes bench/RECORDS.md. Traffic goes to 127.0.0.1 only; every run is bounded in time and count.
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { openStore, migrate } from '../dist/server.js'
import { startPostgres } from '../scripts/postgres.mjs'

const ROOT = join(import.meta.dirname, '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const RSS = join(ROOT, 'bench', 'records-rss.cjs')
const TOKEN = 'bench-token'
let { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    // PGlite's export and purge may be measured on fewer rows when time is short (the report says how many).
    'pglite-rows': { type: 'string' },
    seconds: { type: 'string', default: '20' },
    'ingest-only': { type: 'boolean' }
  }
})
const ROWS = Number(values.rows)
const PGLITE_ROWS = Number(values['pglite-rows'] || values.rows)
const SECONDS = Number(values.seconds)

const METHODS = ['accept-all', 'reject-all', 'custom']
function record() {
  let now = new Date()
  let coin = Math.random()
  return JSON.stringify({
    id: crypto.randomUUID(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 180 * 864e5).toISOString(),
    revision: 1,
    configHash: 'c'.repeat(64),
    categories: { necessary: true, analytics: coin < 0.6, marketing: coin < 0.4 },
    services: { ga4: coin < 0.6 },
    method: METHODS[Math.floor(coin * 3)],
    gpc: false,
    mode: 'opt-in',
    region: 'DE',
    language: 'de',
    url: 'https://www.example.com/'
  })
}

/** Runs `node dist/cli.js records …` with the preload that reports peak memory; resolves to { code, ms, stdout, stderr, peakMb }. */
function cli(args, env = {}) {
  return new Promise((resolve) => {
    let started = performance.now()
    let child = spawn(process.execPath, ['-r', RSS, CLI, 'records', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => {
      let peak = /peak-rss-kb (\d+)/.exec(stderr)
      resolve({ code, ms: performance.now() - started, stdout, stderr, peakMb: peak ? Number(peak[1]) / 1024 : NaN })
    })
  })
}

/** `charto records serve` in its own process (so autocannon does not share its event loop); resolves when it answers. */
async function serve(args, env = {}) {
  let port = 20000 + Math.floor(Math.random() * 20000)
  let child = spawn(process.execPath, ['-r', RSS, CLI, 'records', 'serve', '--port', String(port), '--purge-every', '0', ...args], {
    env: { ...process.env, CHARTO_RECORDS_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  let url = `http://127.0.0.1:${port}`
  for (let tries = 0; tries < 600; tries++) {
    let ok = await fetch(url + '/health').then((response) => response.ok, () => false)
    if (ok) break
    if (child.exitCode !== null) throw new Error('serve exited: ' + stderr)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(/peak-rss-kb (\d+)/.exec(stderr)?.[1] / 1024))
        child.kill('SIGINT')
      })
  }
}

/** POST with the token and no client-side time limit (fetch gives up on headers after 300 s). */
const post = (url) =>
  new Promise((resolve, reject) => {
    let call = request(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => resolve(JSON.parse(body)))
    })
    call.on('error', reject)
    call.end()
  })

function ingest(url, { seconds = SECONDS, connections = 32, rate } = {}) {
  return autocannon({
    url: url + '/consent-records',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [{ setupRequest: (request) => ({ ...request, body: record() }) }]
  })
}

const summary = (result) => ({
  perSecond: Math.round(result['2xx'] / result.duration),
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts
})

/** Seeds `rows` decisions made 1,000 days ago (expired 820 days ago) with one INSERT … SELECT per 100,000. */
async function seed(location, rows) {
  let store = await openStore({ ...location, statementTimeoutMs: 0 })
  await migrate(store)
  let started = performance.now()
  for (let offset = 0; offset < rows; offset += 100_000) {
    await store.query(
      `INSERT INTO consent_records (id, updated_at, created_at, expires_at, revision, config_hash, method, gpc, mode, region, language, url, categories, services)
       SELECT gen_random_uuid(), t, t, t + interval '180 days', 1 + i % 3, repeat('a', 64), (ARRAY['accept-all','reject-all','custom'])[1 + i % 3],
              i % 10 = 0, 'opt-in', (ARRAY['DE','FR','IT','ES'])[1 + i % 4], 'de', 'https://www.example.com/',
              jsonb_build_object('necessary', true, 'analytics', i % 2 = 0, 'marketing', i % 3 = 0), jsonb_build_object('ga4', i % 2 = 0)
       FROM generate_series($1::int, $2::int) AS i, LATERAL (SELECT now() - interval '1000 days' + i * interval '1 second') AS x(t)`,
      [offset + 1, Math.min(offset + 100_000, rows)]
    )
  }
  let seconds = (performance.now() - started) / 1000
  let { rows: [size] } = await store.query(`SELECT pg_total_relation_size('consent_records')::bigint AS bytes, count(*)::int AS n FROM consent_records`)
  await store.close()
  return { seconds, megabytes: Number(size.bytes) / 1e6, rows: size.n }
}

async function exportRun(label, location, env, args) {
  let out = join(tmpdir(), `charto-export-${process.pid}.jsonl`)
  let result = await cli(['export', '--out', out, ...args], env)
  if (result.code !== 0) throw new Error(label + ' export failed: ' + result.stderr)
  let size = statSync(out).size
  rmSync(out)
  // The same command on 10,000 rows: flat memory means about the same peak.
  let from = new Date(Date.now() - 1000 * 864e5)
  let small = await cli(['export', '--out', out, '--from', from.toISOString(), '--to', new Date(from.getTime() + 10_000e3).toISOString(), ...args], env)
  rmSync(out, { force: true })
  let csvOut = out.replace('.jsonl', '.csv')
  let csv = await cli(['export', '--format', 'csv', '--out', csvOut, ...args], env)
  rmSync(csvOut, { force: true })
  return { label, rows: Number(/wrote (\d+)/.exec(result.stderr)?.[1]), seconds: result.ms / 1000, peakMb: result.peakMb, megabytes: size / 1e6, csvSeconds: csv.ms / 1000, csvPeakMb: csv.peakMb, smallRows: Number(/wrote (\d+)/.exec(small.stderr)?.[1]), smallPeakMb: small.peakMb }
}

let lines = []
let say = (text) => {
  console.log(text)
  lines.push(text)
}
let fixed = (n, digits = 1) => Number(n).toFixed(digits)

let machine = `${cpus().length} cores (${cpus()[0].model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at start ${loadavg().map((n) => n.toFixed(1)).join(' / ')}`
console.log(machine)

let postgres = await startPostgres({ durable: true, settings: ['max_connections=50', 'shared_buffers=256MB'] })
let pgliteDir = mkdtempSync(join(tmpdir(), 'charto-bench-pglite-'))
let stores = [
  { name: 'PostgreSQL 15 server (durable: fsync and synchronous commit on)', env: { DATABASE_URL: postgres.url }, args: [], location: { databaseUrl: postgres.url }, rows: ROWS },
  { name: 'PGlite (embedded, data folder on disk)', env: { DATABASE_URL: '' }, args: ['--data', pgliteDir], location: { dataDir: pgliteDir }, rows: PGLITE_ROWS }
]
let ingestRows = []
let exportRows = []
let purgeRows = []
try {
  for (let store of stores) {
    // Ingest: 32 connections for SECONDS, every request a new record.
    let service = await serve(store.args, store.env)
    await ingest(service.url, { seconds: 3 }) // warm-up
    let result = summary(await ingest(service.url))
    let peak = await service.stop()
    ingestRows.push({ store: store.name, ...result, serviceMb: peak })
    console.log('ingest', store.name, result)
  }
  for (let store of values['ingest-only'] ? [] : stores) {
    let seeded = await seed(store.location, store.rows)
    console.log('seeded', store.name, seeded)
    exportRows.push({ store: store.name, seeded, ...(await exportRun(store.name, store.location, store.env, store.args)) })
    console.log('export', exportRows.at(-1))
    // Purge while records keep arriving at a steady 200/s: the purge runs over HTTP in the serving process.
    let service = await serve(store.args, store.env)
    let baseline = summary(await ingest(service.url, { seconds: 10, connections: 8, rate: 200 }))
    let during = ingest(service.url, { seconds: 600, connections: 8, rate: 200 })
    let started = performance.now()
    let purge = await post(service.url + '/admin/purge')
    let purgeSeconds = (performance.now() - started) / 1000
    during.stop()
    let meanwhile = summary(await during)
    await service.stop()
    purgeRows.push({ store: store.name, purged: purge.purged, seconds: purgeSeconds, baseline, meanwhile })
    console.log('purge', purgeRows.at(-1))
  }
} finally {
  postgres.stop()
  rmSync(pgliteDir, { recursive: true, force: true })
}

say(`# Records service benchmark\n`)
say(`Measured with \`node bench/records.mjs\` on ${new Date().toISOString().slice(0, 10)}: ${machine}; load average at the end ${loadavg().map((n) => n.toFixed(1)).join(' / ')}.`)
say(`The service, PostgreSQL and the load generator share the machine's cores (and, here, other work on it).\n`)
say(`## Ingest (autocannon, 32 connections, ${SECONDS} s, every request a new record, after a 3 s warm-up)\n`)
let ingestTableStart = lines.length
say(`| store | records/s stored | p50 | p99 | max | non-2xx | errors | service peak memory |`)
say(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`)
for (let row of ingestRows) say(`| ${row.store} | ${row.perSecond} | ${row.p50} ms | ${row.p99} ms | ${row.max} ms | ${row.non2xx} | ${row.errors} | ${fixed(row.serviceMb, 0)} MB |`)
say(`\n## Export of ${ROWS.toLocaleString('en')} records${PGLITE_ROWS != ROWS ? ` (PGlite: ${PGLITE_ROWS.toLocaleString('en')})` : ''} (\`charto records export --out file\`)\n`)
say(`| store | rows | JSON Lines: time | peak memory | size | CSV: time | peak memory | peak memory exporting ~10,000 rows |`)
say(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`)
for (let row of exportRows) say(`| ${row.store} | ${row.rows} | ${fixed(row.seconds)} s | ${fixed(row.peakMb, 0)} MB | ${fixed(row.megabytes, 0)} MB | ${fixed(row.csvSeconds)} s | ${fixed(row.csvPeakMb, 0)} MB | ${fixed(row.smallPeakMb, 0)} MB (${row.smallRows} rows) |`)
say(`\nPeak memory is the whole process's maximum resident set (Node, the driver, and for PGlite the WebAssembly PostgreSQL itself).`)
say(
  `\nSeeding the rows with INSERT … SELECT took ${exportRows.map((row) => `${fixed(row.seeded.seconds)} s on ${row.store.split(' (')[0]}`).join(', ')}; ` +
    `the table with its indexes then held ${exportRows.map((row) => `${fixed(row.seeded.megabytes, 0)} MB for ${row.seeded.rows.toLocaleString('en')} rows on ${row.store.split(' (')[0]}`).join(', ')}.`
)
say(`\n## Purge of ${ROWS.toLocaleString('en')} expired records${PGLITE_ROWS != ROWS ? ` (PGlite: ${PGLITE_ROWS.toLocaleString('en')})` : ''} while ingest goes on at 200 records/s\n`)
say(`| store | purged | purge time | ingest p99 before | ingest p99 during | ingest max during | non-2xx during |`)
say(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`)
for (let row of purgeRows) say(`| ${row.store} | ${row.purged} | ${fixed(row.seconds)} s | ${row.baseline.p99} ms | ${row.meanwhile.p99} ms | ${row.meanwhile.max} ms | ${row.meanwhile.non2xx} |`)
if (!values['ingest-only']) {
  writeFileSync(join(ROOT, 'bench', 'RECORDS.md'), lines.join('\n') + '\n')
  console.log('\nwrote bench/RECORDS.md')
} else {
  // A further ingest run is added to the report, with its time and the machine's load, rather than replacing it.
  let section = [`\n## Further ingest run, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')})\n`]
  section.push(...lines.slice(ingestTableStart, ingestTableStart + 2 + ingestRows.length))
  appendFileSync(join(ROOT, 'bench', 'RECORDS.md'), section.join('\n') + '\n')
  console.log('\nadded the run to bench/RECORDS.md')
}
