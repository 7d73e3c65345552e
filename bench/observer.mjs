// Cost of charto's blocker (its MutationObserver) when a page inserts 10,000 ordinary nodes, in Chromium.
// Three sides, measured in interleaved rounds: without any observer, with an empty MutationObserver (the floor any
// observer-based gating pays: the browser builds a record per insertion), and with charto + blocker. Prints medians
// and minimums, the overhead relative to "without" and to the empty observer, and the time spent inside charto's own
// callback. Run: node bench/observer.mjs (under a minute). Not part of npm test.
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { findChromium, CHROMIUM_ARGS } from '../scripts/chromium.mjs'

const ROOT = join(import.meta.dirname, '..')
const NODES = 10_000
const ROUNDS = Number(process.env.ROUNDS || 31)
const WARMUP = 5
// AUTO_BLOCK=1 measures with auto-block on (while the page is parsed, it looks at every added node for parser-inserted
// scripts; this page is complete, so only its createElement hook shows).
const AUTO_BLOCK = !!process.env.AUTO_BLOCK

let bundle = await build({
  entryPoints: [join(ROOT, 'test/browser/fixtures/blocker-entry.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  logLevel: 'silent'
})
let executablePath = findChromium()
if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)')
let browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })

// One page, so all sides share the renderer, its JIT state and its heap: 'charto' creates charto (an undecided
// visitor) before the round and destroys it after; the other sides run the same insertion without it. The page is
// cross-origin isolated (served with COOP/COEP from a route, never from the network), so performance.now() ticks in
// 5 µs steps instead of 100 µs.
let page = await browser.newPage()
await page.route('http://localhost/bench', (route) =>
  route.fulfill({
    headers: { 'content-type': 'text/html', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    body: '<!doctype html><html><head><title>bench</title></head><body><main></main></body></html>'
  })
)
await page.goto('http://localhost/bench')
if (!(await page.evaluate(() => crossOriginIsolated))) console.warn('Not cross-origin isolated: timings are in 100 µs steps')
// charto's callback, timed from inside: the MutationObserver charto constructs is a subclass that times it.
await page.evaluate(() => {
  let Native = (window.NativeObserver = MutationObserver)
  window.callbackTime = 0
  window.MutationObserver = class extends Native {
    constructor(callback) {
      super((records, observer) => {
        let start = performance.now()
        callback(records, observer)
        window.callbackTime += performance.now() - start
      })
    }
  }
})
await page.addScriptTag({ content: bundle.outputFiles[0].text })
let start = () =>
  page.evaluate((autoBlock) => {
    window.manager = window.Charto.createConsent(
      { autoBlock, services: { ga4: { category: 'performance', scripts: ['*.google-analytics.com/*'] } } },
      [window.Charto.blocker]
    )
  }, AUTO_BLOCK)
let stop = () => page.evaluate(() => window.manager.destroy())
let startEmpty = () =>
  page.evaluate(() => {
    let observer = new window.NativeObserver(() => {})
    observer.observe(document, { childList: true, subtree: true })
    window.manager = { destroy: () => observer.disconnect() }
  })

/** Inserts NODES nodes (elements with text, some nested) one append at a time, or as one HTML string; the time
 * includes the MutationObserver callbacks, which run before the awaited microtask resumes. Returns the total time
 * and the part spent in charto's callback. */
let measure = (page, mode, layout) =>
  page.evaluate(
    async ({ count, mode, layout }) => {
      let main = document.querySelector('main')
      main.textContent = ''
      await null
      window.callbackTime = 0
      let start = performance.now()
      if (mode == 'append') {
        for (let i = 0; i < count; i++) {
          let el = document.createElement(i % 10 ? 'span' : 'div')
          el.className = 'item'
          el.textContent = 'item ' + i
          ;(i % 10 ? main.lastElementChild || main : main).append(el)
        }
      } else {
        let html = ''
        for (let i = 0; i < count / 2; i++) html += `<div class="item"><span>item ${i}</span></div>`
        main.insertAdjacentHTML('beforeend', html)
      }
      await null
      // With layout: until the new content is laid out, as the page would render it.
      if (layout) document.body.offsetHeight
      return [performance.now() - start, window.callbackTime]
    },
    { count: NODES, mode, layout }
  )

let median = (list) => {
  let sorted = [...list].sort((a, b) => a - b)
  let mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
let minimum = (list) => Math.min(...list)

let sides = { without: null, 'empty observer': startEmpty, charto: start }
let modes = [['append', false], ['html', false]]
// LAYOUT=1 also times until the content is laid out (closer to a real page, noisier).
if (process.env.LAYOUT) modes.push(['append', true], ['html', true])
for (let [mode, layout] of modes) {
  let times = { without: [], 'empty observer': [], charto: [] }
  let callback = []
  let names = Object.keys(sides)
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // Interleaved, alternating the order, so drift and GC hit every side alike.
    for (let name of round % 2 ? [...names].reverse() : names) {
      if (sides[name]) await sides[name]()
      let [time, inCallback] = await measure(page, mode, layout)
      if (sides[name]) await stop()
      if (round >= WARMUP) times[name].push(time), name == 'charto' && callback.push(inCallback)
    }
  }
  let ms = (value) => value.toFixed(2) + ' ms'
  let pct = (value, base) => ((value / base - 1) * 100).toFixed(1) + ' %'
  // Medians, and minimums: on a busy machine the minimum is the steadier estimate of the intrinsic cost.
  let line = (stat) => {
    let [bare, empty, charto] = [stat(times.without), stat(times['empty observer']), stat(times.charto)]
    return `without ${ms(bare)}, empty observer ${ms(empty)} (${pct(empty, bare)}), charto ${ms(charto)} (${pct(charto, bare)}; ${pct(charto, empty)} over the empty observer)`
  }
  console.log(`10,000 nodes, ${mode == 'append' ? 'one append each' : 'one insertAdjacentHTML'}${layout ? ', until laid out' : ''}:`)
  console.log(`  median: ${line(median)}`)
  console.log(`  min:    ${line(minimum)}`)
  console.log(`  inside charto's callback: median ${ms(median(callback))}, min ${ms(minimum(callback))}`)
}
console.log(`${ROUNDS} interleaved rounds after ${WARMUP} warm-up ones`)
await browser.close()
