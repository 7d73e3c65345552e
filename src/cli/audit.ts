// `charto audit <url>`: what a site really stores and requests before any choice, after "Reject all" and after
// "Accept all", checked against the declaration.
import { existsSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { resolveConfig } from '../core/config.js'
import type { ChartoConfig, ResolvedConfig } from '../core/types.js'
// @ts-ignore: plain ESM helper shared with the test harness; bundled into dist/cli.js by tsup
import { findChromium, INSTALL_HINT } from '../../scripts/chromium.mjs'
import { declaration, findCookie, findStorage, isRequired, type Declaration } from './declared.js'
import { registrableDomain, withinDomain } from './domain.js'
import { UsageError, type Io } from './io.js'

export type VisitId = 'before' | 'reject' | 'accept'

export interface AuditOptions {
  url: string
  /** A validated configuration (from --config); without it the page's own `window.Charto.instance.config` is used. */
  config?: ResolvedConfig
  configSource?: string
  browser?: string
  /** Chromium host resolver rules, e.g. `MAP *.test 127.0.0.1`. */
  resolve?: string[]
  /** Domains to treat as the page's own besides its registrable domain. */
  firstParty?: string[]
  /** Extra quiet time after each load and choice, in ms. */
  wait?: number
  /** Navigation timeout in ms. */
  timeout?: number
}

export interface AuditCookie {
  name: string
  domain: string
  path: string
  /** ISO date, or null for a session cookie. */
  expires: string | null
  thirdParty: boolean
  /** Category id, or "undeclared". */
  category: string
  service: string | null
}

export interface AuditStorage {
  area: 'localStorage' | 'sessionStorage'
  key: string
  category: string
  service: string | null
}

export interface AuditRequest {
  host: string
  url: string
  method: string
  type: string
  /** Category id of the service whose script patterns match, or "unknown". */
  category: string
  service: string | null
  /** Requests to this host with the same category in this visit. */
  count: number
}

export interface AuditVisit {
  id: VisitId
  title: string
  /** How the choice was made: a button click (its label), charto's API, or not at all. */
  choice: { how: 'click' | 'api' | 'none'; label?: string } | null
  cookies: AuditCookie[]
  storage: AuditStorage[]
  /** Third-party requests only; for the choice visits, those made after the choice (and on the reload that follows). */
  requests: AuditRequest[]
}

export interface AuditFinding {
  visit: VisitId | 'all'
  kind: 'cookie' | 'storage' | 'request' | 'undeclared' | 'no-control'
  name: string
  category: string
  message: string
}

export interface AuditReport {
  url: string
  config: string | null
  visits: AuditVisit[]
  findings: AuditFinding[]
}

const TITLES: Record<VisitId, string> = {
  before: 'before any choice',
  reject: 'after Reject all',
  accept: 'after Accept all'
}

// Names of the first-layer buttons of charto's banner and of most others.
const BUTTONS = {
  accept: /^\s*(accept|allow|agree)( all)?( cookies)?\s*$/i,
  reject: /^\s*((reject|refuse|decline|deny)( all)?( cookies)?|(use )?(only )?(strictly )?necessary( cookies)?( only)?)\s*$/i
}

const EXTRA_BROWSERS = [
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
]

export const BROWSER_HINT = `${INSTALL_HINT as string} Or pass --browser /path/to/chrome.`

export async function launch(options: AuditOptions, env: Record<string, string | undefined> = {}): Promise<Browser> {
  let executablePath: string | undefined
  if (options.browser) {
    if (!existsSync(options.browser)) throw new UsageError(`--browser ${options.browser}: no such file. ${BROWSER_HINT}`)
    executablePath = options.browser
  } else {
    executablePath = (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined) ||
      (findChromium() as string | undefined) ||
      EXTRA_BROWSERS.find((path) => existsSync(path))
  }
  if (!executablePath) throw new UsageError(BROWSER_HINT)
  let playwright: typeof import('playwright-core')
  try {
    playwright = await import('playwright-core')
  } catch {
    throw new UsageError('charto audit drives Chromium through playwright-core: npm install --save-dev playwright-core')
  }
  let args = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
  // Chromium refuses to start its sandbox as root (containers, CI); elsewhere the sandbox stays on.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox')
  let rules = options.resolve?.length ? options.resolve : new URL(options.url).hostname.endsWith('.test') ? ['MAP *.test 127.0.0.1'] : []
  if (rules.length) args.push('--host-resolver-rules=' + rules.join(', '))
  try {
    return await playwright.chromium.launch({ executablePath, headless: true, args })
  } catch (error) {
    throw new UsageError(`could not start ${executablePath}: ${(error as Error).message.split('\n')[0]}. ${BROWSER_HINT}`)
  }
}

interface Seen {
  url: string
  method: string
  type: string
  afterChoice: boolean
}

const settle = async (page: Page, wait: number) => {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {})
  if (wait) await page.waitForTimeout(wait)
}

/** Makes the choice like a visitor (a visible "Accept all" / "Reject all" button), else through charto's API. */
async function choose(page: Page, kind: 'accept' | 'reject'): Promise<NonNullable<AuditVisit['choice']>> {
  let buttons = page.getByRole('button', { name: BUTTONS[kind] })
  let click = async () => {
    for (let button of await buttons.all()) {
      if (await button.isVisible().catch(() => false)) {
        let label = ((await button.textContent().catch(() => '')) || '').trim()
        await button.click({ timeout: 5000 })
        return { how: 'click' as const, label }
      }
    }
  }
  let clicked = await click()
  if (clicked) return clicked
  let api = await page
    .evaluate((method) => {
      let instance = (window as any).Charto && (window as any).Charto.instance
      if (!instance || typeof instance[method] !== 'function') return false
      instance[method]()
      return true
    }, kind + 'All')
    .catch(() => false)
  if (api) return { how: 'api', label: `Charto.instance.${kind}All()` }
  // A banner that appears late.
  await buttons.first().waitFor({ state: 'visible', timeout: 3000 }).catch(() => {})
  return (await click()) || { how: 'none' }
}

/** The configuration the page itself runs, when it exposes charto's instance. */
async function pageConfig(page: Page): Promise<ResolvedConfig | undefined> {
  let config = await page
    .evaluate(() => {
      let instance = (window as any).Charto && (window as any).Charto.instance
      return instance && instance.config ? JSON.parse(JSON.stringify(instance.config)) : null
    })
    .catch(() => null)
  if (!config) return
  try {
    return resolveConfig(config as ChartoConfig)
  } catch {
    return
  }
}

async function storageKeys(page: Page) {
  return page
    .evaluate(() => {
      let keys = (storage: Storage) => {
        let list: string[] = []
        for (let i = 0; i < storage.length; i++) list.push(storage.key(i)!)
        return list.sort()
      }
      let safe = (get: () => Storage) => {
        try {
          return keys(get())
        } catch {
          return []
        }
      }
      return { localStorage: safe(() => localStorage), sessionStorage: safe(() => sessionStorage) }
    })
    .catch(() => ({ localStorage: [] as string[], sessionStorage: [] as string[] }))
}

async function visit(browser: Browser, options: AuditOptions, id: VisitId) {
  let context: BrowserContext = await browser.newContext()
  try {
    let page = await context.newPage()
    let seen: Seen[] = []
    let afterChoice = false
    context.on('request', (request) => seen.push({ url: request.url(), method: request.method(), type: request.resourceType(), afterChoice }))
    let response = await page.goto(options.url, { waitUntil: 'load', timeout: options.timeout ?? 30_000 }).catch((error: Error) => {
      throw new UsageError(`could not load ${options.url}: ${error.message.split('\n')[0]}`)
    })
    if (response && response.status() >= 400) throw new UsageError(`${options.url} answered HTTP ${response.status()}`)
    await settle(page, options.wait ?? 500)
    let config = options.config || (await pageConfig(page))
    let choice: AuditVisit['choice'] = null
    if (id !== 'before') {
      afterChoice = true
      choice = await choose(page, id)
      await settle(page, options.wait ?? 500)
      // The next page load of a visitor who decided: what is blocked or loaded for a returning visitor.
      await page.reload({ waitUntil: 'load', timeout: options.timeout ?? 30_000 })
      await settle(page, options.wait ?? 500)
    }
    let cookies = await context.cookies()
    let storage = await storageKeys(page)
    return { page: new URL(page.url()), config, choice, cookies, storage, seen: id === 'before' ? seen : seen.filter((s) => s.afterChoice) }
  } finally {
    await context.close().catch(() => {})
  }
}

const days = (ms: number) => Math.round(ms / 864e5)

/** Runs the three visits and classifies everything against the declaration. */
export async function audit(options: AuditOptions, io: Io): Promise<AuditReport> {
  let browser = await launch(options, io.env || {})
  let visits: AuditVisit[] = []
  let findings: AuditFinding[] = []
  let decl: Declaration | undefined = options.config && declaration(options.config)
  let source = options.configSource || null
  try {
    let ids: VisitId[] = ['before', 'reject', 'accept']
    for (let [index, id] of ids.entries()) {
      io.stderr.write(`[${index + 1}/3] ${TITLES[id]}: ${options.url} … `)
      let result = await visit(browser, options, id).catch((error) => {
        io.stderr.write('failed\n')
        throw error
      })
      if (!decl && result.config) {
        decl = declaration(result.config)
        source = 'window.Charto.instance.config'
      }
      let site = registrableDomain(result.page.hostname)
      let own = (host: string) => withinDomain(host, site) || (options.firstParty || []).some((d) => withinDomain(host, d))
      let cookies: AuditCookie[] = result.cookies
        .map((c) => {
          let match = decl && findCookie(decl, c.name)
          return {
            name: c.name,
            domain: c.domain,
            path: c.path,
            expires: c.expires > 0 ? new Date(c.expires * 1000).toISOString() : null,
            thirdParty: !own(c.domain),
            category: match ? match.category : 'undeclared',
            service: match ? match.service : null
          }
        })
        .sort((a, b) => a.name.localeCompare(b.name) || a.domain.localeCompare(b.domain))
      let storage: AuditStorage[] = (['localStorage', 'sessionStorage'] as const).flatMap((area) =>
        result.storage[area].map((key) => {
          let match = decl && findStorage(decl, key)
          return { area, key, category: match ? match.category : 'undeclared', service: match ? match.service : null }
        })
      )
      let requests: AuditRequest[] = []
      for (let s of result.seen) {
        let url: URL
        try {
          url = new URL(s.url)
        } catch {
          continue
        }
        if (!/^(https?|wss?):$/.test(url.protocol) || own(url.hostname)) continue
        let script = decl?.scripts.find((p) => p.matches(s.url))
        let category = script ? script.category : 'unknown'
        let entry = requests.find((r) => r.host === url.hostname && r.category === category)
        if (entry) entry.count++
        else requests.push({ host: url.hostname, url: s.url, method: s.method, type: s.type, category, service: script ? script.service : null, count: 1 })
      }
      visits.push({ id, title: TITLES[id], choice: result.choice, cookies, storage, requests })
      io.stderr.write(
        `${cookies.length} cookie${cookies.length === 1 ? '' : 's'}, ${storage.length} storage key${storage.length === 1 ? '' : 's'}, ` +
          `${requests.length} third-party host${requests.length === 1 ? '' : 's'}${result.choice ? ` (choice: ${result.choice.how === 'none' ? 'no control found' : result.choice.label})` : ''}\n`
      )
    }
  } finally {
    await browser.close().catch(() => {})
  }

  let config = decl?.config
  // Not necessary: any declared category that is not required, anything undeclared, any unrecognised third party.
  let optional = (category: string) => !config || !isRequired(config, category)
  for (let v of visits) {
    if (v.id === 'accept') continue
    let when = v.id === 'before' ? 'before any choice' : 'after Reject all'
    if (v.choice?.how === 'none') {
      findings.push({ visit: v.id, kind: 'no-control', name: 'Reject all', category: '', message: `no "Reject all" button or window.Charto.instance found; this visit shows the page without a decision` })
    }
    for (let c of v.cookies) {
      if (optional(c.category)) findings.push({ visit: v.id, kind: 'cookie', name: c.name, category: c.category, message: `cookie "${c.name}" (${c.category}${c.service ? `, ${c.service}` : ''}) on ${c.domain} ${when}` })
    }
    for (let s of v.storage) {
      if (optional(s.category)) findings.push({ visit: v.id, kind: 'storage', name: s.key, category: s.category, message: `${s.area} "${s.key}" (${s.category}${s.service ? `, ${s.service}` : ''}) ${when}` })
    }
    for (let r of v.requests) {
      if (optional(r.category)) {
        let what = r.category === 'unknown' ? 'not matched by any service\'s scripts' : `${r.category}${r.service ? `, ${r.service}` : ''}`
        findings.push({ visit: v.id, kind: 'request', name: r.host, category: r.category, message: `${r.count} request${r.count === 1 ? '' : 's'} to ${r.host} (${what}) ${when}, e.g. ${r.url}` })
      }
    }
  }
  let accept = visits.find((v) => v.id === 'accept')
  if (accept?.choice?.how === 'none') {
    findings.push({ visit: 'accept', kind: 'no-control', name: 'Accept all', category: '', message: 'no "Accept all" button or window.Charto.instance found; this visit shows the page without a decision' })
  }
  let undeclared = new Map<string, Set<VisitId>>()
  for (let v of visits) for (let c of v.cookies) if (c.category === 'undeclared') undeclared.set(c.name, (undeclared.get(c.name) || new Set()).add(v.id))
  for (let [name, where] of undeclared) {
    findings.push({ visit: 'all', kind: 'undeclared', name, category: 'undeclared', message: `cookie "${name}" is not in the declaration (seen ${[...where].map((id) => TITLES[id]).join(', ')})` })
  }
  return { url: options.url, config: source, visits, findings }
}

/** Pads columns; long values are cut with an ellipsis. */
function table(rows: string[][], max = 60): string[] {
  let cut = (s: string) => (s.length > max ? s.slice(0, max - 1) + '…' : s)
  rows = rows.map((r) => r.map(cut))
  let widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd())
}

export function formatReport(report: AuditReport, now = Date.now()): string {
  let out = [`charto audit of ${report.url}`, `declaration: ${report.config || 'none (pass --config charto.config.json): every cookie counts as undeclared'}`, '']
  let flagged = (visit: VisitId, kind: AuditFinding['kind'], name: string) =>
    report.findings.some((f) => f.visit === visit && f.kind === kind && f.name === name) ? '✗' : ''
  for (let [i, v] of report.visits.entries()) {
    let choice = v.choice ? (v.choice.how === 'none' ? ' — no control found' : ` — ${v.choice.how === 'click' ? `clicked "${v.choice.label}"` : v.choice.label}`) : ''
    out.push(`Visit ${i + 1} of 3: ${v.title}${choice}`)
    out.push(`  Cookies (${v.cookies.length})`)
    if (v.cookies.length) {
      let expiry = (c: AuditCookie) => (c.expires ? `${c.expires.slice(0, 10)} (${days(Date.parse(c.expires) - now)} d)` : 'session')
      let rows = [['NAME', 'DOMAIN', 'EXPIRES', 'CATEGORY', ''], ...v.cookies.map((c) => [c.name, c.domain + (c.thirdParty ? ' (3rd)' : ''), expiry(c), c.category + (c.service ? ` (${c.service})` : ''), flagged(v.id, 'cookie', c.name)])]
      out.push(...table(rows).map((l) => '    ' + l))
    }
    out.push(`  Storage (${v.storage.length})`)
    if (v.storage.length) {
      let rows = [['AREA', 'KEY', 'CATEGORY', ''], ...v.storage.map((s) => [s.area, s.key, s.category + (s.service ? ` (${s.service})` : ''), flagged(v.id, 'storage', s.key)])]
      out.push(...table(rows).map((l) => '    ' + l))
    }
    out.push(`  Third-party requests (${v.requests.reduce((n, r) => n + r.count, 0)})`)
    if (v.requests.length) {
      let rows = [['HOST', 'COUNT', 'CATEGORY', 'EXAMPLE', ''], ...v.requests.map((r) => [r.host, String(r.count), r.category + (r.service ? ` (${r.service})` : ''), r.url, flagged(v.id, 'request', r.host)])]
      out.push(...table(rows, 100).map((l) => '    ' + l))
    }
    out.push('')
  }
  if (report.findings.length) {
    out.push(`✗ ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`)
    for (let f of report.findings) out.push(`  ✗ ${f.message}`)
  } else out.push('✓ no findings: nothing optional before a choice or after rejection, every cookie declared')
  return out.join('\n') + '\n'
}
