// Shared by the framework suites: prepares an example (installed from the packed tarball, built for production) and
// runs its own production server on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { afterAll, beforeAll } from 'vitest'
import type { ConsoleMessage, Page } from 'playwright-core'
// @ts-ignore: plain ESM script shared with `node scripts/examples.mjs`
import { examplesSkipped, prepareExample } from '../../scripts/examples.mjs'

/** Whether CHARTO_SKIP_EXAMPLES=1 leaves the framework examples out of this run. */
export const skipExamples: boolean = examplesSkipped()

const freePort = () =>
  new Promise<number>((resolve) => {
    let server = createServer().listen(0, '127.0.0.1', () => {
      let { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })

export interface ExampleServer {
  origin: string
  /** Seconds spent on `npm ci`, on installing charto's tarball and on the build (0 when the cache held it). */
  times: { install: number; charto: number; build: number; start: number }
}

/**
 * Prepares examples/<name> and starts `command` (its production server) in its folder with PORT and HOST set, for one
 * suite. The server is stopped after the suite.
 */
export function useExample(name: string, command: (port: number) => string[]): ExampleServer {
  let example = { times: {} } as ExampleServer
  let child: ChildProcess | undefined
  beforeAll(async () => {
    let { folder, times } = prepareExample(name)
    let started = Date.now()
    let port = await freePort()
    let [program, ...args] = command(port)
    child = spawn(program, args, {
      cwd: folder,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HOSTNAME: '127.0.0.1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    example.origin = `http://127.0.0.1:${port}`
    for (let tries = 0; ; tries++) {
      if (child.exitCode != null) throw new Error(`examples/${name}: the server exited\n${output}`)
      if (tries > 300) throw new Error(`examples/${name}: the server did not answer in 60 s\n${output}`)
      try {
        await fetch(example.origin + '/')
        break
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    example.times = { ...times, start: (Date.now() - started) / 1000 }
    console.log(`examples/${name}: npm ci ${times.install}s, charto ${times.charto}s, build ${times.build}s, server ready in ${example.times.start}s`)
  }, 900_000)
  afterAll(() => {
    child?.kill()
  })
  return example
}

/** Collects what a page reports as wrong: console errors and warnings, and uncaught errors. */
export function problemsOf(page: Page): string[] {
  let problems: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() == 'error' || message.type() == 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push('uncaught: ' + error.message))
  return problems
}
