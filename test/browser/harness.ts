// Shared by every Chromium suite: a local server that records each request, and Debian's Chromium.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type LaunchOptions } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
// @ts-ignore: plain ESM helper shared with scripts/
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.mjs'

const ROOT = join(import.meta.dirname, '..', '..')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml'
}

export interface RecordedRequest {
  method: string
  host: string
  path: string
  body: string
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void

export interface TestServer {
  port: number
  /** `http://<host>:<port>`; every `*.test` host resolves to 127.0.0.1 in the launched browser. */
  origin(host?: string): string
  requests: RecordedRequest[]
  /** Requests whose host or path contains `part`. */
  hits(part: string): RecordedRequest[]
  /** Serves an in-memory HTML page (with extra headers such as a CSP) at `path`. */
  page(path: string, html: string, headers?: Record<string, string>): void
  route(path: string, handler: Handler): void
  close(): Promise<void>
}

/** Serves the repository (dist/, examples/, test/browser/fixtures/) plus registered pages on 127.0.0.1. */
export async function startServer(): Promise<TestServer> {
  let requests: RecordedRequest[] = []
  let routes = new Map<string, Handler>()
  let server = createServer(async (req, res) => {
    let chunks: Buffer[] = []
    for await (let chunk of req) chunks.push(chunk as Buffer)
    let body = Buffer.concat(chunks).toString()
    let url = new URL(req.url || '/', 'http://x')
    requests.push({ method: req.method || 'GET', host: (req.headers.host || '').split(':')[0], path: url.pathname + url.search, body })
    let handler = routes.get(url.pathname)
    if (handler) return handler(req, res, body)
    let file = normalize(join(ROOT, decodeURIComponent(url.pathname)))
    if (!file.startsWith(ROOT)) return res.writeHead(403).end()
    if (file.endsWith('/')) file += 'index.html'
    try {
      let data = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(data)
    } catch {
      // Unknown paths (tracker URLs in tests) answer with an empty script so requests are observable, never fatal.
      res.writeHead(200, { 'content-type': 'text/javascript' }).end('')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  let port = (server.address() as AddressInfo).port
  return {
    port,
    origin: (host = 'www.charto.test') => `http://${host}:${port}`,
    requests,
    hits: (part) => requests.filter((r) => (r.host + r.path).includes(part)),
    page(path, html, headers = {}) {
      routes.set(path, (_req, res) => res.writeHead(200, { 'content-type': TYPES['.html'], ...headers }).end(html))
    },
    route: (path, handler) => routes.set(path, handler),
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

/**
 * Launches Debian's Chromium; every `*.test` host name resolves to 127.0.0.1. `options` go to Playwright, e.g.
 * `{ ignoreDefaultArgs: ['--disable-back-forward-cache'] }` for a suite that needs the back/forward cache.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  let executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)')
  return chromium.launch({
    ...options,
    executablePath,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1']
  })
}

/** The single-file script build (loader and dialog in one), for inlining where a test wants no extra request. */
export const scriptBuild = () => readFile(join(ROOT, 'dist', 'charto.single-file.global.js'), 'utf8')

/** A server and a browser for one suite: started before its tests, closed after them. Read them inside tests. */
export function useBrowser(): { browser: Browser; server: TestServer } {
  let suite = {} as { browser: Browser; server: TestServer }
  beforeAll(async () => {
    suite.server = await startServer()
    suite.browser = await launchBrowser()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
  })
  return suite
}
