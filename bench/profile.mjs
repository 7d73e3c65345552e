// Where a returning visit's main-thread CPU goes: V8's sampling profiler (Chrome DevTools Protocol `Profiler`, 50 µs
// sampling) over many returning visits of the speed bench's page, aggregated by function and by the source module it
// comes from. The loader is rebuilt for this without minification (esbuild, the same sources and defines as the
// script build, the same compile hint, pinned to the dialog and records chunks already in dist/), so names read.
// Also reads compile vs execution time (`Performance.getMetrics`: V8CompileDuration, ScriptDuration) of the real
// minified loader and of the readable one, without the profiler, and with it, to show what the profiler adds.
//
//   npm run build && node bench/profile.mjs          (RUNS=40, SOURCE=<worktree> to profile another tree's src/)
//
// Not part of npm test.
import { readdir, readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { findChromium, CHROMIUM_ARGS } from '../scripts/chromium.mjs'
import { CHARTO_CONFIG, serveBuilds } from './page.mjs'

const ROOT = join(import.meta.dirname, '..')
const SOURCE = process.env.SOURCE || ROOT
const RUNS = Number(process.env.RUNS || 40)
const INTERVAL = Number(process.env.INTERVAL || 50)
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

// --- the two loaders ---------------------------------------------------------------------------------------------

const dist = join(ROOT, 'dist')
const minified = await readFile(join(dist, 'charto.global.js'), 'utf8')
const chunkFiles = (await readdir(dist)).filter((file) => /^charto\.(dialog|records)\.\w+\.js$/.test(file))
let readable = (
  await build({
    entryPoints: [join(SOURCE, 'src/browser.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    define: { CHARTO_DEVELOPMENT: 'false' },
    minifySyntax: true,
    logLevel: 'silent'
  })
).outputFiles[0].text
// The same chunk names and integrity hashes as the minified loader carries.
for (let placeholder of ['CHARTO_DIALOG', 'CHARTO_RECORDS']) {
  let file = minified.match(new RegExp(`charto\\.${placeholder.slice(7).toLowerCase()}\\.\\w+\\.js`))[0]
  readable = readable.replaceAll(placeholder + '_FILE', file)
  // The integrity hash is the first one after the file name in the minified loader.
  readable = readable.replaceAll(placeholder + '_INTEGRITY', minified.slice(minified.indexOf(file)).match(/sha384-[\w+/=]+/)[0])
}
readable = COMPILE_HINT + readable

/** Line number (0-based, as the profiler gives it) -> the module esbuild marks with a `// src/…` comment. */
const moduleStarts = []
readable.split('\n').forEach((line, index) => {
  let match = line.match(/^\s*\/\/ (src\/\S+|node_modules\/\S+)$/)
  if (match) moduleStarts.push([index, match[1]])
})
const moduleAt = (line) => {
  let found = 'loader prologue'
  for (let [start, name] of moduleStarts) if (start <= line) found = name
  return found
}

// --- the page (the speed bench's charto page) ----------------------------------------------------------------------

const page = (loader) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>charto</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="application/json" id="charto-config">${JSON.stringify(CHARTO_CONFIG)}</script>
<script src="/${loader}/charto.global.js"></script>
<script type="text/plain" data-category="performance">window.__ran = performance.now()</script>
</head><body><main><h1>A page</h1><p>Some text with <a href="/elsewhere">a link</a>.</p></main>
<footer><a href="#" data-charto-open>Cookie settings</a></footer></body></html>`

const files = new Map([
  ['/minified/charto.global.js', minified],
  ['/readable/charto.global.js', readable]
])
for (let file of chunkFiles) {
  let data = await readFile(join(dist, file))
  files.set('/minified/' + file, data)
  files.set('/readable/' + file, data)
}
const { server, origin } = await serveBuilds(['minified', 'readable'], page, files)
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })

// One context per loader that accepted everything once: warm HTTP cache and V8 code cache, as for a returning visitor.
const contexts = {}
for (let name of ['minified', 'readable']) {
  contexts[name] = await browser.newContext()
  let tab = await contexts[name].newPage()
  await tab.goto(`${origin}/${name}.html`)
  await tab.waitForFunction(() => window.Charto?.instance)
  await tab.evaluate(() => window.Charto.instance.acceptAll())
  await tab.waitForTimeout(300)
  await tab.close()
}

async function visit(name, profile) {
  let tab = await contexts[name].newPage()
  let cdp = await contexts[name].newCDPSession(tab)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  if (profile) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL })
    await cdp.send('Profiler.start')
  }
  await tab.goto(`${origin}/${name}.html`, { waitUntil: 'load' })
  await tab.waitForTimeout(300)
  let metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  let result = profile ? (await cdp.send('Profiler.stop')).profile : undefined
  if (!(await tab.evaluate(() => window.__ran !== undefined))) throw new Error(`${name}: the consented script did not run`)
  await tab.close()
  return { script: metrics.ScriptDuration * 1000, compile: metrics.V8CompileDuration * 1000, profile: result }
}

// --- aggregation ---------------------------------------------------------------------------------------------------

const self = new Map()
const total = new Map()
const byModule = new Map()
const add = (map, key, time) => map.set(key, (map.get(key) || 0) + time)
function aggregate(profile) {
  let nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  let parent = new Map()
  for (let node of profile.nodes) for (let child of node.children || []) parent.set(child, node.id)
  const keyOf = (node) => {
    let frame = node.callFrame
    if (!frame.url) return frame.functionName || '(native)'
    if (!frame.url.includes('/readable/charto.global.js')) return `${frame.functionName || '(anonymous)'} [${frame.url.replace(origin, '')}]`
    return `${frame.functionName || '(anonymous)'} ${moduleAt(frame.lineNumber)}:${frame.lineNumber + 1}`
  }
  profile.samples.forEach((id, index) => {
    // Each sample counts as one sampling interval: on a loaded machine the wall-clock deltas between samples also
    // hold the time the renderer waited for a core, which is not CPU spent here.
    let time = INTERVAL / 1000
    let node = nodes.get(id)
    if (node.callFrame.functionName == '(idle)') return
    add(self, keyOf(node), time)
    let frame = node.callFrame
    add(byModule, frame.url.includes('/readable/') ? moduleAt(frame.lineNumber) : frame.url ? 'page' : frame.functionName || '(native)', time)
    let seen = new Set()
    for (let at = id; at !== undefined; at = parent.get(at)) {
      let key = keyOf(nodes.get(at))
      if (!seen.has(key)) add(total, key, time)
      seen.add(key)
    }
  })
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const plain = { minified: [], readable: [] }
const profiled = []
const load = [loadavg()[0]]
for (let run = 0; run < RUNS + 2; run++) {
  for (let name of run % 2 ? ['minified', 'readable'] : ['readable', 'minified']) {
    let result = await visit(name, false)
    if (run >= 2) plain[name].push(result)
  }
  let result = await visit('readable', true)
  if (run >= 2) {
    profiled.push(result)
    aggregate(result.profile)
  }
  process.stdout.write(`\rrun ${run + 1}/${RUNS + 2}  `)
}

// A trace of compile vs execution: the renderer main thread's events of one returning visit, summed by event name
// (thread time, inclusive), and the script evaluations and function calls by script URL.
const TRACE_RUNS = Number(process.env.TRACE_RUNS || 10)
const traced = { minified: new Map(), readable: new Map() }
for (let run = 0; run < TRACE_RUNS; run++) {
  for (let name of ['minified', 'readable']) {
    let tab = await contexts[name].newPage()
    await browser.startTracing(tab, {
      categories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'blink', 'loading', 'toplevel']
    })
    await tab.goto(`${origin}/${name}.html`, { waitUntil: 'load' })
    await tab.waitForTimeout(300)
    let events = JSON.parse((await browser.stopTracing()).toString()).traceEvents
    await tab.close()
    let mainThreads = new Set(events.filter((e) => e.ph == 'M' && e.name == 'thread_name' && e.args.name == 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
    for (let event of events) {
      if (event.ph != 'X' || !mainThreads.has(`${event.pid}:${event.tid}`)) continue
      let url = event.args?.data?.url || event.args?.data?.scriptName || event.args?.fileName || ''
      let key = event.name + (url ? ' ' + url.replace(origin, '') : '')
      add(traced[name], key, (event.tdur ?? event.dur ?? 0) / 1000)
    }
  }
  process.stdout.write(`\rtrace ${run + 1}/${TRACE_RUNS}  `)
}
load.push(loadavg()[0])
await browser.close()
server.close()

const f = (n) => n.toFixed(2)
console.log(`\n${RUNS} returning visits each; load average ${load.map(f).join(' -> ')}`)
for (let [name, list] of [...Object.entries(plain), ['readable, profiled', profiled]]) {
  console.log(
    `${name.padEnd(18)} ScriptDuration median ${f(median(list.map((r) => r.script)))} ms, V8CompileDuration median ${f(median(list.map((r) => r.compile)))} ms`
  )
}
const top = (map, count) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, time]) => `${(time / RUNS).toFixed(3).padStart(8)}  ${key}`).join('\n')
console.log('\nself ms per visit (by function):\n' + top(self, 45))
console.log('\ntotal ms per visit (by function):\n' + top(total, 45))
console.log('\nself ms per visit (by module):\n' + top(byModule, 40))
for (let name in traced) {
  let rows = [...traced[name]].filter(([, time]) => time / TRACE_RUNS >= 0.05).sort((a, b) => b[1] - a[1])
  console.log(`\ntrace, ${name} loader: main-thread events, thread ms per visit (inclusive; ${TRACE_RUNS} visits):`)
  console.log(rows.slice(0, 40).map(([key, time]) => `${(time / TRACE_RUNS).toFixed(3).padStart(8)}  ${key}`).join('\n'))
}
