// Paired comparison of charto loader builds: main-thread script CPU (Chrome DevTools Protocol `ScriptDuration`, V8
// compile and execution) of a returning visit (the visitor accepted everything once) and of a first visit (until the
// banner is up), each build loaded in turn in the same rounds, the order rotating. For deciding whether a CPU lever
// pays: build the loader with and without it, then
//
//   node bench/levers.mjs before=/tmp/a/charto.global.js after=dist/charto.global.js   (ROUNDS=40 by default)
//
// Each build is served as /<name>/charto.global.js with the dialog chunks of its own directory beside it. Prints each build's medians and the median of the per-round differences from the first
// build, with its interquartile range. Not part of npm test.
import { readdir, readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium } from 'playwright-core'
import { findChromium, CHROMIUM_ARGS } from '../scripts/chromium.mjs'
import { serveBuilds } from './page.mjs'

const ROOT = join(import.meta.dirname, '..')
const ROUNDS = Number(process.env.ROUNDS || 40)
const WARMUP = Number(process.env.WARMUP || 3)
// KINDS=returning measures returning visits only (twice as fast).
const KINDS = (process.env.KINDS || 'returning,first').split(',')
const builds = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=')))
const names = Object.keys(builds)
if (names.length < 2) throw new Error('Usage: node bench/levers.mjs name=path/charto.global.js name=path/charto.global.js …')

const files = new Map()
for (let name of names) {
  files.set(`/${name}/charto.global.js`, await readFile(builds[name]))
  let dir = dirname(builds[name])
  for (let file of await readdir(dir)) if (/^charto\.(dialog|preferences)\./.test(file)) files.set(`/${name}/${file}`, await readFile(join(dir, file)))
}

const config = {
  categories: { performance: { label: 'Analytics', description: 'Help us improve the site.' }, marketing: {}, functional: {} },
  services: { ga4: { category: 'performance', label: 'Google Analytics' }, youtube: { category: 'functional', label: 'YouTube' } }
}
const page = (name) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<script type="application/json" id="charto-config">${JSON.stringify(config)}</script>
<script src="/${name}/charto.global.js"></script>
<script type="text/plain" data-category="performance">window.__ran = performance.now()</script>
</head><body><main><h1>A page</h1><p>Some text.</p></main><footer><a href="#" data-charto-open>Cookie settings</a></footer></body></html>`

const { server, origin } = await serveBuilds(names, page, files)

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })

async function scriptCpu(context, name, ready) {
  let tab = await context.newPage()
  let cdp = await context.newCDPSession(tab)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  await tab.goto(`${origin}/${name}.html`, { waitUntil: 'load' })
  await tab.waitForTimeout(300)
  let metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  // ANY_STATE=1: builds that leave a module out (the blocker, say) cannot reach the state; their CPU is still read.
  if (!process.env.ANY_STATE && !(await tab.evaluate(ready))) throw new Error(`${name}: the page did not reach its state`)
  await tab.close()
  return metrics.ScriptDuration * 1000
}

// One context per build that accepted everything once (warm HTTP cache and V8 code cache, as for a real visitor).
const returning = {}
for (let name of names) {
  returning[name] = await browser.newContext()
  let tab = await returning[name].newPage()
  await tab.goto(`${origin}/${name}.html`)
  // With ANY_STATE, a build that starts nothing (no instance) is measured as it is.
  await tab.waitForFunction(process.env.ANY_STATE ? () => window.Charto : () => window.Charto?.instance)
  await tab.evaluate(() => window.Charto.instance?.acceptAll())
  await tab.waitForTimeout(100)
  await tab.close()
}
const bannerUp = () => !!document.querySelector('charto-ui')?.shadowRoot?.querySelector('[part~=banner]') && window.__ran === undefined

const cpu = Object.fromEntries(KINDS.map((kind) => [kind, {}]))
for (let kind in cpu) for (let name of names) cpu[kind][name] = []
const load = [loadavg()[0]]
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  let order = names.map((_, i) => names[(i + round) % names.length])
  for (let name of KINDS.includes('returning') ? order : []) {
    let time = await scriptCpu(returning[name], name, () => window.__ran !== undefined)
    if (round >= WARMUP) cpu.returning[name].push(time)
  }
  for (let name of KINDS.includes('first') ? order : []) {
    let context = await browser.newContext()
    let time = await scriptCpu(context, name, bannerUp)
    await context.close()
    if (round >= WARMUP) cpu.first[name].push(time)
  }
  process.stdout.write(`\rround ${round + 1}/${WARMUP + ROUNDS}   `)
}
load.push(loadavg()[0])
await browser.close()
server.close()

const quantile = (list, q) => {
  let sorted = [...list].sort((a, b) => a - b)
  let pos = (sorted.length - 1) * q
  let low = Math.floor(pos)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (pos - low)
}
const f = (n) => n.toFixed(2)
console.log(`\n${ROUNDS} rounds; load average ${load.map(f).join(' → ')}`)
for (let kind in cpu) {
  let base = cpu[kind][names[0]]
  for (let name of names) {
    let list = cpu[kind][name]
    let diff = list.map((time, i) => time - base[i])
    console.log(
      `${kind.padEnd(9)} ${name.padEnd(12)} median ${f(quantile(list, 0.5))} ms` +
        (name == names[0] ? '' : `   paired difference ${f(quantile(diff, 0.5))} ms (IQR ${f(quantile(diff, 0.25))} to ${f(quantile(diff, 0.75))})`)
    )
  }
}
