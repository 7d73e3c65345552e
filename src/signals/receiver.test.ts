// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
// @ts-ignore: plain ESM example without type declarations
import { createReceiver, validateRecord } from '../../examples/records-receiver/server.mjs'

const record = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  createdAt: '2026-11-24T20:00:00.000Z',
  updatedAt: '2026-11-24T20:05:00.000Z',
  expiresAt: '2027-05-23T20:05:00.000Z',
  revision: 1,
  configHash: 'a'.repeat(64),
  categories: { necessary: true, performance: true, marketing: false },
  services: { ga4: true },
  method: 'custom',
  gpc: false,
  mode: 'opt-in',
  region: 'DE',
  language: 'de',
  url: 'https://www.example.com/shop'
}
let dir: string
let server: Server
let url: string
let post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(url, { method: 'POST', headers, body })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'charto-records-'))
  server = createReceiver({ file: join(dir, 'records.jsonl') })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/consent-records`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

describe('examples/records-receiver', () => {
  it('REC-2: validates and appends each record as one JSONL line', async () => {
    expect((await post(JSON.stringify(record))).status).toBe(204)
    expect((await post(JSON.stringify({ ...record, method: 'gpc' }))).status).toBe(204)
    let lines = (await readFile(join(dir, 'records.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject(record)
    expect(lines[0].receivedAt).toMatch(/Z$/)
    expect(lines[1].method).toBe('gpc')
  })

  it('REC-1: refuses invalid records and personal data with the list of problems', async () => {
    let response = await post(JSON.stringify({ ...record, ip: '203.0.113.9', userAgent: 'Mozilla/5.0', method: 'maybe' }))
    expect(response.status).toBe(400)
    let { problems } = await response.json()
    expect(problems.join('\n')).toMatch(/ip: is not a record field/)
    expect(problems.join('\n')).toMatch(/userAgent: is not a record field/)
    expect(problems.join('\n')).toMatch(/method/)
    expect(validateRecord({ ...record, url: 'https://www.example.com/shop?email=a@b.c' })).toEqual([
      'url: must be an http(s) URL without query string or fragment'
    ])
    expect(validateRecord({ ...record, categories: { necessary: false } })).toHaveLength(1)
    expect(validateRecord([])).toEqual(['the body must be a JSON object'])
    expect(validateRecord(record)).toEqual([])
  })

  it('answers bad JSON, wrong type, wrong method, oversize bodies and CORS preflight', async () => {
    expect((await post('{')).status).toBe(400)
    expect((await post(JSON.stringify(record), { 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await fetch(url)).status).toBe(405)
    expect((await post(JSON.stringify({ ...record, pad: 'x'.repeat(20000) }))).status).toBe(413)
    let preflight = await fetch(url, { method: 'OPTIONS', headers: { 'Access-Control-Request-Headers': 'content-type,authorization' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,authorization')
    expect((await fetch(url.replace('/consent-records', '/other'), { method: 'POST' })).status).toBe(404)
  })
})
