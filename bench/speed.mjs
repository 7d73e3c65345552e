// Page-load speed of charto against vanilla-cookieconsent 3.1.0 in Chromium, with equivalent configurations
// (4 categories, 2 services, one blocked inline script), both served from 127.0.0.1 by this script.
//
//   first visit:     navigation start -> the banner is painted (charto: the banner inside <charto-ui>'s shadow root;
//                    vanilla-cookieconsent: `#cc-main .cm`), judged visible with checkVisibility({ checkOpacity,
//                    checkVisibilityCSS }) in a requestAnimationFrame loop that starts before any page script.
//   returning visit: navigation start -> the consented `type="text/plain"` script has run (it records
//                    performance.now() itself), for a visitor who accepted everything on an earlier visit.
//
// Navigation start is performance.now() == 0 in the page. Runs are interleaved (the order of the two libraries
// alternates every round) after warm-up rounds; first visits use a fresh browser context each (cold HTTP cache, no
// cookies), returning visits one context per library that accepted once (warm cache, as for a real returning visitor).
// Also measures the script payload of each library from its files (gzip -9, brotli -q 11).
//
// Run: npm run build && node bench/speed.mjs   (ROUNDS=30 by default; about a minute). Writes bench/RESULTS.md.
// Not part of npm test.
import { createServer } from 'node:http'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { findChromium, CHROMIUM_ARGS, INSTALL_HINT } from '../scripts/chromium.mjs'

const ROOT = join(import.meta.dirname, '..')
const ROUNDS = Number(process.env.ROUNDS || 30)
const WARMUP = Number(process.env.WARMUP || 3)
const OUT = join(ROOT, 'bench', 'RESULTS.md')
const VCC = 'node_modules/vanilla-cookieconsent'

const FILES = {
  charto: ['dist/charto.global.js'],
  vanilla: [`${VCC}/dist/cookieconsent.umd.js`, `${VCC}/dist/cookieconsent.css`]
}

// --- the two pages -------------------------------------------------------------------------------------------------

/** The one blocked script, the same for both libraries except for the category attribute. */
const blocked = (attrs) => `<script type="text/plain" ${attrs}>window.__ran = performance.now()</script>`
const body = `<main><h1>A page</h1><p>Some text with <a href="/elsewhere">a link</a>.</p></main>
<footer><a href="#" data-charto-open data-cc="show-preferencesModal">Cookie settings</a></footer>`

const CHARTO_CONFIG = {
  privacyPolicyUrl: '/privacy',
  categories: {
    necessary: { label: 'Strictly necessary', description: 'Needed for the site to work.' },
    performance: { label: 'Analytics', description: 'Help us improve the site.' },
    marketing: { label: 'Marketing', description: 'Relevant ads on other sites.' },
    functional: { label: 'Embedded content', description: 'Videos from other sites.' }
  },
  services: {
    ga4: { category: 'performance', label: 'Google Analytics' },
    youtube: { category: 'functional', label: 'YouTube' }
  }
}

const chartoPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>charto</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="application/json" id="charto-config">${JSON.stringify(CHARTO_CONFIG)}</script>
<script src="/dist/charto.global.js"></script>
${blocked('data-category="performance"')}
</head><body>${body}</body></html>`

const VANILLA_CONFIG = {
  hideFromBots: false, // it would otherwise hide the banner from automated Chromium (navigator.webdriver)
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: { services: { ga4: { label: 'Google Analytics' } } },
    marketing: {},
    functional: { services: { youtube: { label: 'YouTube' } } }
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We value your privacy',
          description: 'We use cookies to run this site and, with your consent, to measure and improve it and to show relevant ads. <a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Preferences'
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Strictly necessary', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Help us improve the site.', linkedCategory: 'analytics' },
            { title: 'Marketing', description: 'Relevant ads on other sites.', linkedCategory: 'marketing' },
            { title: 'Embedded content', description: 'Videos from other sites.', linkedCategory: 'functional' }
          ]
        }
      }
    }
  }
}

// As in vanilla-cookieconsent's own quick start, run() goes in a module script (deferred): it needs <body>.
const vanillaPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vanilla-cookieconsent</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/${VCC}/dist/cookieconsent.css">
<script src="/${VCC}/dist/cookieconsent.umd.js"></script>
<script type="module">CookieConsent.run(${JSON.stringify(VANILLA_CONFIG)})</script>
${blocked('data-category="analytics"')}
</head><body>${body}</body></html>`

// A page with neither library (the same body, the script as a plain script): the baseline CPU is measured on it.
const barePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>window.__ran = performance.now()</script>
</head><body>${body}</body></html>`
const BARE_PATH = '/bench/bare.html'

const LIBS = {
  charto: {
    path: '/bench/charto.html',
    html: chartoPage,
    banner: () => {
      let host = document.querySelector('charto-ui')
      return host?.shadowRoot?.querySelector('[part~=banner]') || null
    },
    acceptAll: () => window.Charto.instance.acceptAll()
  },
  vanilla: {
    path: '/bench/vanilla.html',
    html: vanillaPage,
    banner: () => document.querySelector('#cc-main .cm'),
    acceptAll: () => window.CookieConsent.acceptCategory('all')
  }
}

// --- server --------------------------------------------------------------------------------------------------------

// The library files are read once, up front: a rebuild of dist/ during the run cannot change what is measured.
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8' }
const assets = new Map()
// Every script charto's build has (a loader may fetch chunks beside it), and vanilla-cookieconsent's two files.
const chartoFiles = (await readdir(join(ROOT, 'dist')).catch(() => [])).filter((file) => file.endsWith('.js')).map((file) => 'dist/' + file)
for (let file of [...new Set([...Object.values(FILES).flat(), ...chartoFiles])]) {
  let data = await readFile(join(ROOT, file)).catch(() => {
    console.error(`Missing ${file}: run npm run build (and npm install) first.`)
    process.exit(1)
  })
  assets.set('/' + file, data)
}
const server = createServer((req, res) => {
  let path = new URL(req.url || '/', 'http://x').pathname
  if (path === BARE_PATH) return res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(barePage)
  let lib = Object.values(LIBS).find((l) => l.path === path)
  if (lib) return res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(lib.html)
  let data = assets.get(path)
  if (!data) return res.writeHead(404).end()
  // Library files are cacheable, as on a real site: first visits start cold (new context), returning ones warm.
  res.writeHead(200, { 'content-type': TYPES[extname(path)], 'cache-control': 'max-age=3600' }).end(data)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const ORIGIN = `http://127.0.0.1:${server.address().port}`

// --- measuring -----------------------------------------------------------------------------------------------------

const executablePath = findChromium()
if (!executablePath) {
  console.error(INSTALL_HINT)
  process.exit(1)
}
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
const VIEWPORT = { width: 1280, height: 800 }

/** Runs before any page script: records the first animation frame in which the banner is visible. */
function watchBanner(source) {
  let find = new Function('return (' + source + ')()')
  let check = () => {
    let el = find()
    if (el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) window.__banner = performance.now()
    else requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

async function firstVisit(name) {
  let lib = LIBS[name]
  let context = await browser.newContext({ viewport: VIEWPORT })
  let page = await context.newPage()
  let errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript(watchBanner, lib.banner.toString())
  await page.goto(ORIGIN + lib.path)
  let time = await page
    .waitForFunction(() => window.__banner, null, { timeout: 10_000 })
    .then((h) => h.jsonValue())
    .catch((error) => {
      throw new Error(`${name}: no banner on a first visit (${errors.join('; ') || error.message})`)
    })
  let ran = await page.evaluate(() => window.__ran)
  await context.close()
  if (ran !== undefined) throw new Error(`${name}: the blocked script ran on a first visit`)
  return time
}

/** One context per library that has accepted everything once; each returning visit is a new page in it. */
const returning = {}
async function returningVisit(name) {
  let lib = LIBS[name]
  if (!returning[name]) {
    let context = await browser.newContext({ viewport: VIEWPORT })
    let page = await context.newPage()
    await page.addInitScript(watchBanner, lib.banner.toString())
    await page.goto(ORIGIN + lib.path)
    await page.waitForFunction(() => window.__banner)
    await page.evaluate(lib.acceptAll)
    await page.waitForFunction(() => window.__ran !== undefined)
    await page.close()
    returning[name] = context
  }
  let page = await returning[name].newPage()
  await page.goto(ORIGIN + lib.path)
  let time = await page.waitForFunction(() => window.__ran, null, { timeout: 10_000 }).then((h) => h.jsonValue())
  let banner = await page.evaluate(lib.banner)
  if (banner) throw new Error(`${name}: banner shown to a returning visitor`)
  await page.close()
  return time
}

/**
 * Main-thread script CPU of one page load, from the Chrome DevTools Protocol (`Performance.getMetrics`:
 * ScriptDuration, V8 compile and execution on the page's main thread). No watcher runs in the page, so nothing but
 * the page's own scripts is counted; the page is read once it has loaded and the main thread has been idle a while.
 * `context` decides the visit: a fresh one (first visit) or one that accepted once (returning visit).
 */
async function scriptCpu(context, path, ready) {
  let page = await context.newPage()
  let cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  await page.goto(ORIGIN + path, { waitUntil: 'load' })
  await page.waitForTimeout(300)
  let metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  let ok = await page.evaluate(ready)
  await page.close()
  if (!ok) throw new Error(`${path}: the page did not reach its state`)
  return metrics.ScriptDuration * 1000
}

const CPU_READY = {
  first: {
    charto: () => !!document.querySelector('charto-ui')?.shadowRoot?.querySelector('[part~=banner]') && window.__ran === undefined,
    vanilla: () => !!document.querySelector('#cc-main .cm') && window.__ran === undefined
  },
  returning: { charto: () => window.__ran !== undefined, vanilla: () => window.__ran !== undefined }
}

/** First visits: a fresh context each. Returning visits: a new page in the context that accepted once. */
async function cpuVisit(kind, name) {
  if (name == 'bare') {
    let context = await browser.newContext({ viewport: VIEWPORT })
    let time = await scriptCpu(context, BARE_PATH, () => window.__ran !== undefined)
    await context.close()
    return time
  }
  if (kind == 'returning') return scriptCpu(returning[name], LIBS[name].path, CPU_READY.returning[name])
  let context = await browser.newContext({ viewport: VIEWPORT })
  let time = await scriptCpu(context, LIBS[name].path, CPU_READY.first[name])
  await context.close()
  return time
}

/** The library files a visit requests (a fresh context; for a returning visit, with the consent cookie copied in). */
async function filesRequested(kind, name) {
  let state = kind == 'returning' ? await returning[name].storageState() : undefined
  let context = await browser.newContext({ viewport: VIEWPORT, storageState: state })
  let page = await context.newPage()
  let paths = []
  page.on('request', (request) => {
    let path = new URL(request.url()).pathname
    if (assets.has(path)) paths.push(path.slice(1))
  })
  await page.goto(ORIGIN + LIBS[name].path, { waitUntil: 'load' })
  await page.waitForTimeout(500)
  await context.close()
  return paths
}

const quantile = (list, q) => {
  let sorted = [...list].sort((a, b) => a - b)
  let pos = (sorted.length - 1) * q
  let low = Math.floor(pos)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (pos - low)
}
const median = (list) => quantile(list, 0.5)

const times = { first: { charto: [], vanilla: [] }, returning: { charto: [], vanilla: [] } }
let started = Date.now()
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  let order = round % 2 ? ['vanilla', 'charto'] : ['charto', 'vanilla']
  for (let [kind, run] of [['first', firstVisit], ['returning', returningVisit]]) {
    for (let name of order) {
      let time = await run(name)
      if (round >= WARMUP) times[kind][name].push(time)
    }
  }
  process.stdout.write(`\rround ${round + 1}/${WARMUP + ROUNDS}${round < WARMUP ? ' (warm-up)' : ''}   `)
}
process.stdout.write('\n')

// Script CPU, in rounds of their own (no watcher in the page): bare page, charto and vanilla-cookieconsent interleaved.
const cpu = { first: { bare: [], charto: [], vanilla: [] }, returning: { bare: [], charto: [], vanilla: [] } }
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  let order = round % 2 ? ['vanilla', 'bare', 'charto'] : ['charto', 'bare', 'vanilla']
  for (let kind of ['first', 'returning']) {
    for (let name of order) {
      let time = await cpuVisit(kind, name)
      if (round >= WARMUP) cpu[kind][name].push(time)
    }
  }
  process.stdout.write(`\rCPU round ${round + 1}/${WARMUP + ROUNDS}${round < WARMUP ? ' (warm-up)' : ''}   `)
}
process.stdout.write('\n')
const requested = {}
for (let kind of ['first', 'returning']) {
  requested[kind] = { charto: await filesRequested(kind, 'charto'), vanilla: await filesRequested(kind, 'vanilla') }
}
let version = browser.version()
await browser.close()
server.close()

// --- payload -------------------------------------------------------------------------------------------------------

async function payload(files) {
  let sizes = { raw: 0, gzip: 0, brotli: 0 }
  for (let file of files) {
    let data = assets.get('/' + file)
    sizes.raw += data.length
    sizes.gzip += gzipSync(data, { level: 9 }).length
    sizes.brotli += brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length }
    }).length
  }
  return sizes
}
let sizes = { charto: await payload(FILES.charto), vanilla: await payload(FILES.vanilla) }
let downloaded = {}
for (let kind of ['first', 'returning']) {
  downloaded[kind] = { charto: await payload(requested[kind].charto), vanilla: await payload(requested[kind].vanilla) }
}

// --- report --------------------------------------------------------------------------------------------------------

const ms = (n) => n.toFixed(1)
const bytes = (n) => n.toLocaleString('en-US')
const ratio = (a, b) => (a / b).toFixed(2) + '×'
let rows = []
for (let [kind, label] of [['first', 'First visit: navigation → banner painted'], ['returning', 'Returning visit: navigation → consented script ran']]) {
  let c = times[kind].charto
  let v = times[kind].vanilla
  rows.push(`| ${label} (median ms) | ${ms(median(c))} | ${ms(median(v))} | ${ratio(median(c), median(v))} |`)
  rows.push(`| ↳ interquartile range (ms) | ${ms(quantile(c, 0.25))}–${ms(quantile(c, 0.75))} | ${ms(quantile(v, 0.25))}–${ms(quantile(v, 0.75))} | |`)
}
// Script CPU over the bare page, paired per round (each round's library time minus that round's bare time).
let overBare = (kind, name) => cpu[kind][name].map((time, i) => time - cpu[kind].bare[i])
for (let [kind, label] of [['first', 'First visit'], ['returning', 'Returning visit']]) {
  let c = overBare(kind, 'charto')
  let v = overBare(kind, 'vanilla')
  rows.push(`| ${label}: main-thread script CPU over a bare page (median ms) | ${ms(median(c))} | ${ms(median(v))} | ${ratio(median(c), median(v))} |`)
  rows.push(`| ↳ interquartile range (ms) | ${ms(quantile(c, 0.25))}–${ms(quantile(c, 0.75))} | ${ms(quantile(v, 0.25))}–${ms(quantile(v, 0.75))} | |`)
}
rows.push(`| Bare page's own script CPU (median ms, first / returning) | ${ms(median(cpu.first.bare))} / ${ms(median(cpu.returning.bare))} | | |`)
for (let [kind, label] of [['first', 'First visit'], ['returning', 'Returning visit']]) {
  let d = downloaded[kind]
  rows.push(`| ${label}: script bytes requested, brotli -q 11 | ${bytes(d.charto.brotli)} | ${bytes(d.vanilla.brotli)} | ${ratio(d.charto.brotli, d.vanilla.brotli)} |`)
}
rows.push(`| Script payload, gzip -9 (bytes) | ${bytes(sizes.charto.gzip)} | ${bytes(sizes.vanilla.gzip)} | ${ratio(sizes.charto.gzip, sizes.vanilla.gzip)} |`)
rows.push(`| Script payload, brotli -q 11 (bytes) | ${bytes(sizes.charto.brotli)} | ${bytes(sizes.vanilla.brotli)} | ${ratio(sizes.charto.brotli, sizes.vanilla.brotli)} |`)
rows.push(`| Script payload, minified (bytes) | ${bytes(sizes.charto.raw)} | ${bytes(sizes.vanilla.raw)} | ${ratio(sizes.charto.raw, sizes.vanilla.raw)} |`)

let report = `# Speed: charto vs vanilla-cookieconsent

Generated by \`node bench/speed.mjs\` on ${new Date().toISOString().slice(0, 10)} (Chromium ${version}, headless; Node ${process.version};
${cpus().length} × ${cpus()[0]?.model.trim() || 'unknown CPU'}). ${ROUNDS} measured rounds after ${WARMUP} warm-up rounds, the two
libraries interleaved with alternating order. Lower is better; the ratio is charto ÷ vanilla-cookieconsent.

| | charto (\`dist/charto.global.js\`) | vanilla-cookieconsent 3.1.0 (UMD + CSS) | ratio |
| --- | ---: | ---: | ---: |
${rows.join('\n')}

## What is measured

- **Same job on both sides**: four categories (necessary, analytics/performance, marketing, functional), two services
  (Google Analytics in analytics, YouTube in functional), one blocked inline \`<script type="text/plain">\` in the
  analytics category, the same banner texts, a privacy-policy link and a footer "Cookie settings" link. Both libraries
  load from \`<head>\` with a classic \`<script src>\` (vanilla-cookieconsent also needs its stylesheet, and its
  \`CookieConsent.run(config)\` goes in a module script, deferred as in its quick start, because it needs \`<body>\`;
  charto starts from the \`#charto-config\` JSON and waits for \`<body>\` itself), from the same local HTTP server on
  127.0.0.1. vanilla-cookieconsent runs with \`hideFromBots: false\`; otherwise it hides its banner
  from automated Chromium.
- **First visit**: navigation start (\`performance.now()\` = 0) to the first animation frame in which the banner is
  visible (\`checkVisibility\` with opacity and \`visibility\` checked; both libraries fade in, so this is the first
  frame of that animation). A fresh browser context per run: no cookies, cold HTTP cache. The blocked script must
  not have run.
- **Returning visit**: navigation start to the moment the consented script runs (it records \`performance.now()\`
  itself), for a visitor who clicked the equivalent of "Accept all" once. One context per library, so the library
  files come from the HTTP cache as for a real returning visitor. No banner may be shown. charto runs a consented
  script as soon as the parser reaches it (here in \`<head>\`, before \`DOMContentLoaded\`); vanilla-cookieconsent
  runs it from \`run()\`, here after parsing.
- **Script CPU**: in rounds of their own, with no watcher or polling in the page, main-thread script time
  (\`Performance.getMetrics\` → \`ScriptDuration\` from the Chrome DevTools Protocol: V8 compilation and execution)
  of one load, read once the page has loaded and the main thread has been idle for 300 ms. A page with neither
  library (the same markup, the script as a plain script) is loaded in the same rounds; the table gives each
  library's time minus that round's bare time. First visits in a fresh context, returning visits as above.
- **Script bytes requested**: the library files a visit asks for (a fresh context; for a returning visit with the
  consent cookie of one that accepted), each compressed with \`brotli -q 11\`, summed: what a visitor with a cold cache
  downloads.
- **Payload**: the files a script-tag user loads, measured from the package files (charto: the single script build,
  styles included; vanilla-cookieconsent: \`cookieconsent.umd.js\` + \`cookieconsent.css\`), each compressed with
  \`gzip -9\` and \`brotli -q 11\`, summed.
- The frame loop and the loopback server are the same for both libraries; absolute times depend on the machine, the
  ratios are the comparable numbers. Re-run with \`ROUNDS=60 node bench/speed.mjs\` for tighter ranges.
`
await writeFile(OUT, report)
console.log(report)
console.log(`Written to bench/RESULTS.md in ${Math.round((Date.now() - started) / 1000)} s`)
