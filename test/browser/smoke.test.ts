import { expect, it } from 'vitest'
import { useBrowser } from './harness.js'

const suite = useBrowser()

it('loads the script build as window.Charto and decides in a real browser', async () => {
  suite.server.page('/smoke.html', `<!doctype html><html lang="en"><title>smoke</title><script src="/dist/charto.global.js"></script>
    <script>window.events = []; addEventListener('charto:change', (e) => events.push(e.detail.granted))</script>`)
  let page = await suite.browser.newPage()
  await page.goto(suite.server.origin() + '/smoke.html')
  let result = await page.evaluate(() => {
    let m = (window as any).Charto.createConsent({})
    m.acceptAll()
    return { granted: m.isGranted('marketing'), cookie: document.cookie, events: (window as any).events }
  })
  expect(result.granted).toBe(true)
  expect(result.cookie).toMatch(/charto_consent=2\|/)
  expect(result.events[0]).toEqual(['performance', 'marketing', 'functional'])
  await page.close()
})
