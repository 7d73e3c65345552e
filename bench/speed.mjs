// Page-load speed of charto against vanilla-cookieconsent 3.1.0 in Chromium, with equivalent configurations
// (4 categories, 2 services, one blocked inline script), both served from 127.0.0.1 by this script. What the
// architecture issue's bars compare, all in the same interleaved rounds:
//
//   first visit:       navigation start -> the banner is painted (charto: the banner inside <charto-ui>'s shadow root,
//                      after the dialog chunk's fetch; vanilla-cookieconsent: `#cc-main .cm`), measured two ways:
//                      with a watcher (a requestAnimationFrame loop from before any page script, checking visibility
//                      every frame) and without one (the library's own "shown" event, then animation frames until it
//                      is visible: the page does no work of ours before the library shows its banner).
//   returning visit:   main-thread script CPU (Chrome DevTools Protocol, `ScriptDuration`: V8 compile and execution)
//                      over a bare page, for a visitor who accepted everything on an earlier visit; and, without any
//                      DevTools domain or watcher, navigation start -> the consented script ran (its own timestamp).
//   first visit CPU:   the same CPU measure until the banner is up.
//   bytes:             the library files a first and a returning visitor download (brotli -q 11).
//
// Navigation start is performance.now() == 0 in the page. Each round loads every page once (the order of the
// libraries alternates every round) after warm-up rounds; ratios are charto ÷ vanilla-cookieconsent, as the ratio of
// the medians and as the median of the per-round (paired) ratios. First visits use a fresh browser context each (cold
// HTTP cache, no cookies), returning visits one context per library that accepted once (warm HTTP and code cache).
// The machine's load average is sampled every round and reported.
//
// Run: npm run bench (builds first), or node bench/speed.mjs on a fresh build. ROUNDS=30 by default; a round takes
// 5-30 s depending on the machine's load (about 4 minutes on 2 idle cores). Writes bench/RESULTS.md. Not part of npm test.
import { createServer } from 'node:http'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { findChromium, CHROMIUM_ARGS, INSTALL_HINT } from '../scripts/chromium.mjs'
import { CHARTO_CONFIG, vanillaLanguage } from './page.mjs'

const ROOT = join(import.meta.dirname, '..')
const ROUNDS = Number(process.env.ROUNDS || 30)
const WARMUP = Number(process.env.WARMUP || 3)
const OUT = join(ROOT, 'bench', 'RESULTS.md')
const VCC = 'node_modules/vanilla-cookieconsent'
const LABEL = process.env.LABEL

const FILES = {
  charto: ['dist/charto.global.js'],
  vanilla: [`${VCC}/dist/cookieconsent.umd.js`, `${VCC}/dist/cookieconsent.css`]
}

// --- the two pages -------------------------------------------------------------------------------------------------

/** The one blocked script, the same for both libraries except for the category attribute. */
const blocked = (attrs) => `<script type="text/plain" ${attrs}>window.__ran = performance.now()</script>`
const body = `<main><h1>A page</h1><p>Some text with <a href="/elsewhere">a link</a>.</p></main>
<footer><a href="#" data-charto-open data-cc="show-preferencesModal">Cookie settings</a></footer>`

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
  language: vanillaLanguage('We use cookies to run this site and, with your consent, to measure and improve it and to show relevant ads. <a href="/privacy">Privacy policy</a>', [
    ['necessary', 'Strictly necessary', 'Needed for the site to work.'],
    ['analytics', 'Analytics', 'Help us improve the site.'],
    ['marketing', 'Marketing', 'Relevant ads on other sites.'],
    ['functional', 'Embedded content', 'Videos from other sites.']
  ])
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
    /** The library's own event when it shows a view, and whether that view is the banner. */
    shown: ['charto:show', (event) => event.detail.view == 'banner'],
    acceptAll: () => window.Charto.instance.acceptAll()
  },
  vanilla: {
    path: '/bench/vanilla.html',
    html: vanillaPage,
    banner: () => document.querySelector('#cc-main .cm'),
    shown: ['cc:onModalShow', (event) => event.detail.modalName == 'consentModal'],
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

/**
 * The watcher: runs before any page script and records the first animation frame in which the banner is visible,
 * looking for it in every frame from navigation start.
 */
function watchBanner(source) {
  let find = new Function('return (' + source + ')()')
  let check = () => {
    let el = find()
    if (el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) window.__banner = performance.now()
    else requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

/**
 * Without the watcher: nothing runs until the library says it showed its banner; from then on, the first animation
 * frame in which the banner is visible (both libraries fade it in) is recorded.
 */
function awaitBanner([source, [type, isBanner]]) {
  let find = new Function('return (' + source + ')()')
  let matches = new Function('return (' + isBanner + ')')()
  let check = () => {
    let el = find()
    if (el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) window.__banner = performance.now()
    else requestAnimationFrame(check)
  }
  addEventListener(type, (event) => matches(event) && requestAnimationFrame(check))
}

async function firstVisit(name, watcher) {
  let lib = LIBS[name]
  let context = await browser.newContext({ viewport: VIEWPORT })
  let page = await context.newPage()
  let errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  if (watcher) await page.addInitScript(watchBanner, lib.banner.toString())
  else await page.addInitScript(awaitBanner, [lib.banner.toString(), [lib.shown[0], lib.shown[1].toString()]])
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

// Every measure in the same rounds, each page once per round; the libraries' order alternates.
const SERIES = ['banner', 'bannerWatched', 'returning']
const times = Object.fromEntries(SERIES.map((series) => [series, { charto: [], vanilla: [] }]))
const cpu = { first: { bare: [], charto: [], vanilla: [] }, returning: { bare: [], charto: [], vanilla: [] } }
const load = []
let started = Date.now()
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  let measured = round >= WARMUP
  let order = round % 2 ? ['vanilla', 'charto'] : ['charto', 'vanilla']
  for (let name of order) {
    let banner = await firstVisit(name, false)
    let bannerWatched = await firstVisit(name, true)
    let returned = await returningVisit(name)
    if (measured) times.banner[name].push(banner), times.bannerWatched[name].push(bannerWatched), times.returning[name].push(returned)
  }
  // Script CPU: no watcher in the page; the bare page between the two libraries.
  for (let kind of ['first', 'returning']) {
    for (let name of [order[0], 'bare', order[1]]) {
      let time = await cpuVisit(kind, name)
      if (measured) cpu[kind][name].push(time)
    }
  }
  if (measured) load.push(loadavg()[0])
  process.stdout.write(`\rround ${round + 1}/${WARMUP + ROUNDS}${measured ? '' : ' (warm-up)'}, ${Math.round((Date.now() - started) / 1000)} s   `)
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
/** The median of the per-round ratios: each round's charto figure over that round's vanilla-cookieconsent figure. */
const paired = (c, v) => median(c.map((time, i) => time / v[i])).toFixed(2) + '×'
let rows = []
let row = (label, c, v, bar = '') => {
  rows.push(`| ${label} (median ms) | ${ms(median(c))} | ${ms(median(v))} | ${ratio(median(c), median(v))} | ${paired(c, v)} | ${bar} |`)
  rows.push(`| ↳ interquartile range (ms) | ${ms(quantile(c, 0.25))}–${ms(quantile(c, 0.75))} | ${ms(quantile(v, 0.25))}–${ms(quantile(v, 0.75))} | | | |`)
}
let meets = (c, v, most) => `≤ ${most}×: ${median(c.map((time, i) => time / v[i])) <= most ? 'met' : 'not met'}`
// Script CPU over the bare page, paired per round (each round's library time minus that round's bare time).
let overBare = (kind, name) => cpu[kind][name].map((time, i) => time - cpu[kind].bare[i])
row('Returning visit: main-thread script CPU over a bare page', overBare('returning', 'charto'), overBare('returning', 'vanilla'),
  meets(overBare('returning', 'charto'), overBare('returning', 'vanilla'), 0.6))
row('First visit: navigation → banner painted, without watcher', times.banner.charto, times.banner.vanilla, meets(times.banner.charto, times.banner.vanilla, 0.7))
row('First visit: navigation → banner painted, with watcher', times.bannerWatched.charto, times.bannerWatched.vanilla)
row('Returning visit: navigation → consented script ran (no watcher, no DevTools domain)', times.returning.charto, times.returning.vanilla)
row('First visit: main-thread script CPU over a bare page, until the banner is up', overBare('first', 'charto'), overBare('first', 'vanilla'))
rows.push(`| Bare page's own script CPU (median ms, first / returning) | ${ms(median(cpu.first.bare))} / ${ms(median(cpu.returning.bare))} | | | | |`)
for (let [kind, label] of [['returning', 'Returning visit'], ['first', 'First visit']]) {
  let d = downloaded[kind]
  let files = (list) => list.map((file) => file.split('/').pop()).join(' + ')
  rows.push(`| ${label}: script bytes downloaded, brotli -q 11 (${files(requested[kind].charto)}; ${files(requested[kind].vanilla)}) | ${bytes(d.charto.brotli)} | ${bytes(d.vanilla.brotli)} | ${ratio(d.charto.brotli, d.vanilla.brotli)} | | |`)
}
rows.push(`| Loader file alone, gzip -9 / brotli -q 11 / minified (bytes) | ${bytes(sizes.charto.gzip)} / ${bytes(sizes.charto.brotli)} / ${bytes(sizes.charto.raw)} | ${bytes(sizes.vanilla.gzip)} / ${bytes(sizes.vanilla.brotli)} / ${bytes(sizes.vanilla.raw)} | | | |`)

let range = (list) => `${list.length ? Math.min(...list).toFixed(1) : '?'}–${list.length ? Math.max(...list).toFixed(1) : '?'}`
let report = `# Speed: charto vs vanilla-cookieconsent

Generated by \`node bench/speed.mjs\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (Chromium ${version}, headless;
Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model.trim() || 'unknown CPU'}; ${LABEL || 'this build'}). ${ROUNDS} measured rounds after
${WARMUP} warm-up rounds, the two libraries interleaved with alternating order, in ${Math.round((Date.now() - started) / 60000)} minutes.
Machine load while it ran (1-minute load average, sampled each round): median ${median(load).toFixed(1)}, range ${range(load)}
on ${cpus().length} cores. Lower is better; ratios are charto ÷ vanilla-cookieconsent: of the medians, and the median of
the per-round ratios (paired). The bars are the architecture issue's.

| | charto (\`dist/charto.global.js\`) | vanilla-cookieconsent 3.1.0 (UMD + CSS) | ratio of medians | paired ratio | bar |
| --- | ---: | ---: | ---: | ---: | --- |
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
- **First visit, navigation → banner painted**: navigation start (\`performance.now()\` = 0) to the first animation
  frame in which the banner is visible (\`checkVisibility\` with opacity and \`visibility\` checked; both libraries fade
  in, so this is the first frame of that animation). For charto this includes fetching the dialog chunk, which the
  loader requests once it knows a banner must show. A fresh browser context per run: no cookies, cold HTTP cache. The
  blocked script must not have run. Two ways: **without watcher**, the page does nothing of ours until the library's
  own event says the banner is shown (\`charto:show\`, \`cc:onModalShow\`), then looks once per animation frame; **with
  watcher**, a \`requestAnimationFrame\` loop started before any page script looks for the banner in every frame, which
  costs main-thread time on both sides while the libraries start.
- **Script CPU**: main-thread script time (\`Performance.getMetrics\` → \`ScriptDuration\` from the Chrome DevTools
  Protocol, \`threadTicks\`: V8 compilation and execution) of one load, read once the page has loaded and the main
  thread has been idle for 300 ms. The DevTools Performance domain is on for these loads only; no watcher runs in the
  page. A page with neither library (the same markup, the script as a plain script) is loaded in the same rounds; the
  table gives each library's time minus that round's bare time. Returning visits: a new page in a context that
  accepted everything once (the library files, and V8's code cache for them, come from the cache as for a real
  returning visitor). First visits: a fresh context, read once the banner is up.
- **Returning visit, navigation → consented script ran**: the consented script records \`performance.now()\` itself;
  no DevTools domain is enabled and no watcher runs (Playwright's own connection to the page remains). No banner may
  be shown. charto runs a consented script as soon as the parser reaches it (here in \`<head>\`, before
  \`DOMContentLoaded\`); vanilla-cookieconsent runs it from \`run()\`, after parsing.
- **Script bytes downloaded**: the library files a visit requests (a fresh context; for a returning visit with the
  consent cookie of one that accepted), each compressed with \`brotli -q 11\`, summed: what a visitor with a cold cache
  downloads. The file names are listed in the row.
- The frame loop and the loopback server are the same for both libraries; absolute times depend on the machine and
  its load, the paired ratios are the comparable numbers. Re-run with \`ROUNDS=60 node bench/speed.mjs\` for tighter
  ranges; \`LABEL="…"\` names the build in the header.

Lighthouse (mobile LCP with each library): \`bench/LIGHTHOUSE.md\`, from \`npm run bench:lighthouse\`. What each CPU lever
paid, measured with \`bench/levers.mjs\`: \`bench/LEVERS.md\`.
`
await writeFile(OUT, report)
console.log(report)
console.log(`Written to bench/RESULTS.md in ${Math.round((Date.now() - started) / 1000)} s`)
