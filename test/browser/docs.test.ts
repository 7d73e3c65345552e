// Every HTML block of the docs, loaded in Chromium with the built loader: it must run without a script error, request
// nothing that waits for consent before a choice, and still run without error once everything is accepted.
// Blocks marked `html fragment` are parts of a page and are left out (CONTRIBUTING.md).
import { describe, expect, it } from 'vitest'
import { codeBlocks, DOCUMENTS } from '../docs/markdown.js'
import { useBrowser } from './harness.js'

const suite = useBrowser()
const LOADER = 'https://unpkg.com/charto/dist/'
const pages = DOCUMENTS.flatMap(codeBlocks).filter((block) => block.language === 'html' && !block.flags.includes('fragment'))

/** What the page loads whatever the decision: scripts written without `type="text/plain"`, other than charto. */
const loadedAtOnce = (html: string) => [
  ...[...html.matchAll(/<script\b(?![^>]*type="text\/plain")[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]).filter((url) => !url.startsWith(LOADER)),
  // A script the block's own inline code inserts at once (a tag manager's snippet, which reads Consent Mode itself):
  // its URL starts with the string the snippet sets.
  ...[...html.matchAll(/\.src = '(https:[^']+)'/g)].map((match) => match[1])
]

/** The block as a page: the loader from dist/, added in front with the default configuration when the block shows only markup. */
const asPage = (html: string) => {
  let page = html.replaceAll(LOADER, '/dist/')
  if (!page.includes('/dist/charto.global.js')) page = '<script type="application/json" id="charto-config">{}</script><script src="/dist/charto.global.js"></script>\n' + page
  return /<!doctype/i.test(page) ? page : `<!doctype html><html lang="en"><title>docs</title>\n${page}\n</html>`
}

describe('HTML blocks of the docs in Chromium', () => {
  it('finds the pages it loads', () => {
    expect(pages.length).toBeGreaterThan(4)
  })

  it.each(pages.map((block) => [`${block.file}:${block.line}`, block] as const))('%s', async (at, block) => {
    let path = `/docs-${at.replace(/\W/g, '-')}.html`
    suite.server.page(path, asPage(block.code))
    let page = await suite.browser.newPage()
    let problems: string[] = []
    let external: string[] = []
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`))
    await page.addInitScript(() => addEventListener('charto:error', (event: any) => console.error('charto error event: ' + event.detail)))
    page.on('console', (message) => message.type() === 'error' && /charto error event/.test(message.text()) && problems.push(message.text()))
    // Nothing leaves the machine: third-party URLs answer with an empty script, and are recorded.
    await page.route(/^https?:\/\/(?!www\.charto\.test)/, (route) => {
      external.push(route.request().url())
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' })
    })
    await page.goto(suite.server.origin() + path)
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => Boolean((window as any).Charto?.instance)), `${at}: charto started`).toBe(true)
    let expected = loadedAtOnce(block.code)
    expect(external.filter((url) => !expected.some((allowed) => url.startsWith(allowed))), `${at}: requested before a choice`).toEqual([])

    await page.locator('[data-charto-action="accept-all"]').first().click()
    await page.waitForTimeout(500)
    expect(problems, at).toEqual([])
    await page.close()
  })
})
