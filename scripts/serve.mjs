// `npm run demo`: builds the framework examples (examples/build.mjs), then serves the repository root on 127.0.0.1
// with `/` redirected to the examples index. PORT=8080 npm run demo picks the port (default 5173); when it is busy,
// a free one is used. The server-rendered example (examples/ssr) is rendered by its own handler at /examples/ssr/.
import { createServer } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { extname, join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = join(import.meta.dirname, '..')
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

if (!existsSync(join(ROOT, 'dist', 'charto.global.js'))) {
  console.error('dist/ is missing: run `npm run build` first (or use `npm run demo`, which does).')
  process.exit(1)
}

const build = join(ROOT, 'examples', 'build.mjs')
if (existsSync(build)) {
  let result = spawnSync(process.execPath, [build], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('examples/build.mjs failed')
    process.exit(result.status || 1)
  }
}

// The SSR example renders pages itself; everything else is a file.
const ssr = join(ROOT, 'examples', 'ssr', 'server.mjs')
const { handle: renderSsr } = existsSync(ssr) ? await import(pathToFileURL(ssr).href) : {}

const server = createServer((req, res) => {
  let url = new URL(req.url || '/', 'http://localhost')
  let path = decodeURIComponent(url.pathname)
  if (path === '/' || path === '/examples') return redirect(res, '/examples/')
  if (path === '/favicon.ico') return res.writeHead(204).end()
  if (renderSsr && path.startsWith('/examples/ssr/') && !path.endsWith('.mjs')) {
    return Promise.resolve(renderSsr(req, res, { base: '/examples/ssr/' })).catch((error) => {
      console.error(error)
      res.headersSent ? res.end() : send(res, 500, 'Server error')
    })
  }
  let file = normalize(join(ROOT, path))
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return send(res, 403, 'Forbidden')
  let stat = existsSync(file) ? statSync(file) : null
  if (stat?.isDirectory()) {
    if (!path.endsWith('/')) return redirect(res, path + '/' + url.search)
    file = join(file, 'index.html')
    stat = existsSync(file) ? statSync(file) : null
  }
  if (!stat?.isFile()) return send(res, 404, 'Not found: ' + path)
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] || 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': 'no-store'
  })
  if (req.method === 'HEAD') return res.end()
  createReadStream(file).pipe(res)
})

function redirect(res, location) {
  res.writeHead(302, { location }).end()
}
function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text + '\n')
}

let triedFreePort = false
server.on('listening', () => {
  console.log(`\ncharto examples: http://127.0.0.1:${server.address().port}/examples/\n(Ctrl-C to stop)`)
})
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && !server.listening && !triedFreePort) {
    console.log(`Port ${error.port} is busy; using a free port.`)
    triedFreePort = true
    return server.listen(0, '127.0.0.1')
  }
  console.error(error.message)
  process.exit(1)
})
server.listen(process.env.PORT ? Number(process.env.PORT) : 5173, '127.0.0.1') // PORT=0: any free port

let stopping = false
function stop() {
  if (stopping) process.exit(130) // a second Ctrl-C: at once
  stopping = true
  console.log('\nStopping…')
  server.close(() => process.exit(0))
  server.closeAllConnections?.()
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
