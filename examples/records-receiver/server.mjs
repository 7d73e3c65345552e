// charto reference receiver for consent records: Node only, no framework.
// POST one JSON record per request; valid records are appended to a JSONL file, one per line.
// The server never logs or stores the sender's IP address or user agent.
//
//   node examples/records-receiver/server.mjs            # port 8787, ./consent-records.jsonl
//   PORT=9000 RECORDS_FILE=/var/lib/charto/records.jsonl ALLOW_ORIGIN=https://www.example.com node server.mjs
import { createServer } from 'node:http'
import { appendFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'

const METHODS = ['accept-all', 'reject-all', 'custom', 'api', 'gpc']
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/
const ID = /^[A-Za-z][\w-]*$/
const MAX_BYTES = 16 * 1024
/** Fields a record may carry. Anything else (an IP, a user agent…) is refused, not silently stored. */
const FIELDS = 'id createdAt updatedAt expiresAt revision configHash categories services method gpc mode region language url'.split(' ')

const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v)
const choices = (v) => isObject(v) && Object.keys(v).length <= 200 && Object.entries(v).every(([k, on]) => ID.test(k) && typeof on === 'boolean')
const text = (v, max) => v === null || (typeof v === 'string' && v.length <= max)

/** Returns a list of problems; empty when the record is valid. */
export function validateRecord(record) {
  if (!isObject(record)) return ['the body must be a JSON object']
  let problems = []
  let check = (ok, field, message) => ok || problems.push(`${field}: ${message}`)
  for (let key of Object.keys(record)) check(FIELDS.includes(key), key, 'is not a record field')
  check(typeof record.id === 'string' && UUID.test(record.id), 'id', 'must be a UUID v4')
  for (let key of ['createdAt', 'updatedAt', 'expiresAt']) check(typeof record[key] === 'string' && ISO.test(record[key]), key, 'must be an ISO timestamp (UTC)')
  check(!(record.createdAt > record.updatedAt), 'createdAt', 'must not be after updatedAt')
  check(Number.isInteger(record.revision) && record.revision >= 0, 'revision', 'must be a whole number ≥ 0')
  check(typeof record.configHash === 'string' && /^[\da-f]{64}$/.test(record.configHash), 'configHash', 'must be a SHA-256 hex digest')
  check(choices(record.categories) && record.categories.necessary === true, 'categories', 'must map category ids to true/false, with necessary true')
  check(choices(record.services), 'services', 'must map service ids to true/false')
  check(METHODS.includes(record.method), 'method', `must be one of ${METHODS.join(', ')}`)
  check(typeof record.gpc === 'boolean', 'gpc', 'must be true or false')
  check(record.mode === 'opt-in' || record.mode === 'opt-out', 'mode', 'must be opt-in or opt-out')
  check(text(record.region, 10), 'region', 'must be a region code or null')
  check(text(record.language, 35), 'language', 'must be a language tag or null')
  check(typeof record.url === 'string' && /^https?:\/\/[^?#\s]+$/.test(record.url) && record.url.length <= 2048, 'url', 'must be an http(s) URL without query string or fragment')
  return problems
}

/**
 * An http.Server that accepts `POST <path>` with one JSON record and appends `{ ...record, receivedAt }` to `file`.
 * Answers 204 when stored, 400 with `{ problems }` when invalid, 413 when too large, 405/404 otherwise.
 */
export function createReceiver({ file = 'consent-records.jsonl', path = '/consent-records', allowOrigin = '*' } = {}) {
  let cors = { 'access-control-allow-origin': allowOrigin, vary: 'origin' }
  let answer = (res, status, body) => {
    res.writeHead(status, body ? { ...cors, 'content-type': 'application/json' } : cors)
    res.end(body && JSON.stringify(body))
  }
  return createServer(async (req, res) => {
    if (new URL(req.url || '/', 'http://x').pathname !== path) return answer(res, 404, { error: 'not found' })
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': req.headers['access-control-request-headers'] || 'content-type', 'access-control-max-age': '86400' })
      return res.end()
    }
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST a record' })
    if (!/^application\/json\b/i.test(req.headers['content-type'] || '')) return answer(res, 415, { error: 'send Content-Type: application/json' })
    let size = 0
    let chunks = []
    for await (let chunk of req) {
      size += chunk.length
      if (size > MAX_BYTES) return answer(res, 413, { error: 'a record is at most 16 KiB' })
      chunks.push(chunk)
    }
    let record
    try {
      record = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      return answer(res, 400, { problems: ['the body is not valid JSON'] })
    }
    let problems = validateRecord(record)
    if (problems.length) return answer(res, 400, { problems })
    try {
      await appendFile(file, JSON.stringify({ ...record, receivedAt: new Date().toISOString() }) + '\n')
    } catch {
      return answer(res, 500, { error: 'could not store the record' })
    }
    answer(res, 204)
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  let port = Number(process.env.PORT) || 8787
  let file = process.env.RECORDS_FILE || 'consent-records.jsonl'
  createReceiver({ file, allowOrigin: process.env.ALLOW_ORIGIN || '*' }).listen(port, () =>
    console.log(`charto records receiver: POST http://localhost:${port}/consent-records → ${file}`)
  )
}
