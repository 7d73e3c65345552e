// What the benches share: the charto configuration of the speed bench's page (bench/speed.mjs: four categories and
// two services, the job vanilla-cookieconsent does in the same bench), vanilla-cookieconsent's texts in the shape it
// takes them, and the server of the benches that compare builds.
import { createServer } from 'node:http'

export const CHARTO_CONFIG = {
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

/**
 * vanilla-cookieconsent's `language` option with charto's default English button labels: the banner's `description`
 * (HTML, as it takes it) and one preferences section per category, `[category, title, description]`.
 */
export const vanillaLanguage = (description, sections) => ({
  default: 'en',
  translations: {
    en: {
      consentModal: { title: 'We value your privacy', description, acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Preferences' },
      preferencesModal: {
        title: 'Cookie preferences',
        acceptAllBtn: 'Accept all',
        acceptNecessaryBtn: 'Reject all',
        savePreferencesBtn: 'Save choices',
        closeIconLabel: 'Close',
        sections: sections.map(([linkedCategory, title, description]) => ({ title, description, linkedCategory }))
      }
    }
  }
})

/**
 * A local server for benches that compare builds of the loader: `page(name)` at /<name>.html for each name (never
 * cached), and `files` (path → bytes: each build's loader and chunks) as scripts, cached like a CDN's. Resolves with
 * the server and its origin.
 */
export async function serveBuilds(names, page, files) {
  let server = createServer((req, res) => {
    let path = new URL(req.url || '/', 'http://x').pathname
    let name = path.slice(1, -'.html'.length)
    if (path.endsWith('.html') && names.includes(name)) return res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(page(name))
    let data = files.get(path)
    if (!data) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(data)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${server.address().port}` }
}
