// @vitest-environment node
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../core/config.js'
import { convertConfig } from './convert.js'
import { run } from './main.js'

const ROOT = join(import.meta.dirname, '..', '..')
const FIXTURES = 'test/fixtures/convert'
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'charto-convert-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  let code = await run(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: () => ROOT, env: {} })
  return { code, stdout, stderr }
}

const convert = async (from: string, file: string) => {
  let result = await cli('convert', '--from', from, `${FIXTURES}/${file}`)
  expect(result.stderr).not.toMatch(/^charto:/m)
  expect(result.code).toBe(0)
  let config = JSON.parse(result.stdout)
  // What it prints is a configuration charto accepts as it is.
  expect(() => resolveConfig(config)).not.toThrow()
  return { config, notes: result.stderr.split('\n').filter(Boolean) }
}

describe('charto convert --from vanilla-cookieconsent', () => {
  it('maps categories, services, cookies, the consent cookie and the layout', async () => {
    let { config } = await convert('vanilla-cookieconsent', 'vanilla-cookieconsent.js')
    expect(config).toMatchObject({
      mode: 'opt-in',
      revision: 2,
      cookie: { name: 'cc_cookie', domain: '.shop.example', sameSite: 'Lax' },
      consentLifetimeDays: 182,
      ui: { layout: 'box', position: 'bottom-left' },
      reloadOnRevoke: true,
      language: 'auto'
    })
    expect(Object.keys(config.categories)).toEqual(['necessary', 'performance', 'marketing'])
    expect(config.categories.performance).toEqual({ cookies: ['/^_ga/', '_gid'], label: 'Analytics', description: 'Counting visits.' })
    expect(config.services).toEqual({
      ga4: { category: 'performance', label: 'Google Analytics 4', cookies: ['/^_ga_[A-Z0-9]+$/'] },
      'hot-jar': { category: 'performance', label: 'Hotjar' },
      meta: { category: 'marketing', label: 'Meta Pixel' }
    })
  })

  it('turns the texts into text: links become [label](url), other languages keep what they set', async () => {
    let { config } = await convert('vanilla-cookieconsent', 'vanilla-cookieconsent.js')
    expect(config.translations.en.banner).toEqual({
      title: 'We use cookies',
      description: 'Read our [privacy policy](/privacy).',
      acceptAll: 'Accept all',
      rejectAll: 'Reject all',
      preferences: 'Manage preferences'
    })
    expect(config.translations.en.preferences).toMatchObject({ save: 'Save preferences', close: 'Close' })
    expect(config.translations.de).toEqual({ categories: { performance: { label: 'Statistik' } }, banner: { title: 'Wir verwenden Cookies', acceptAll: 'Alle akzeptieren' } })
  })

  it('names each option that needs a judgement', async () => {
    let { notes } = await convert('vanilla-cookieconsent', 'vanilla-cookieconsent.js')
    expect(notes).toEqual(
      expect.arrayContaining([
        '! hideFromBots: charto never hides the banner from automation',
        '! categories.analytics: now the "performance" category; change data-category="analytics" in your markup',
        expect.stringMatching(/^! categories\.analytics\.services\.ga4\.onAccept: functions do not carry over/),
        expect.stringMatching(/^! categories\.analytics\.services\.hot jar\.label: HTML tags were removed/),
        expect.stringMatching(/^! language\.translations\.fr: translations loaded from a URL/),
        expect.stringMatching(/^! onConsent: /)
      ])
    )
  })
})

describe('charto convert --from klaro', () => {
  it('maps services to services, purposes to categories, required services to necessary', async () => {
    let { config } = await convert('klaro', 'klaro-config.js')
    expect(config).toMatchObject({
      cookie: { name: 'klaro_consent', domain: '.example.org' },
      consentLifetimeDays: 365,
      privacyPolicyUrl: '/datenschutz',
      ui: { layout: 'modal' }
    })
    expect(config.categories.performance).toEqual({ label: 'Visitor statistics', description: 'How people use the site.' })
    expect(config.services).toEqual({
      matomo: { category: 'performance', label: 'Matomo', description: 'Self-hosted statistics.', cookies: ['/^_pk_.*$/', '_pk_ses'] },
      'google-ads': { category: 'marketing', label: 'Google Ads', cookies: ['IDE', '/^_gcl/i'] },
      'Session-cookie': { category: 'necessary', label: 'Session', cookies: ['PHPSESSID'] },
      youtube: { category: 'functional', label: 'YouTube' }
    })
    expect(config.translations.en.preferences).toEqual({ title: 'Services we would like to use', description: 'Choose what we may use.' })
  })

  it('says what changed meaning or did not carry over', async () => {
    let { notes } = await convert('klaro', 'klaro-config.js')
    expect(notes).toEqual(
      expect.arrayContaining([
        '! services[0].default: services are never pre-selected in opt-in mode',
        '! services[1].purposes: a charto service follows one category; it follows "marketing"',
        expect.stringMatching(/^! services\[1\]\.callback: /),
        '! services[2].name: "Session cookie" is now the "Session-cookie" service; change data-name="Session cookie" to data-service="Session-cookie"',
        expect.stringMatching(/^! services\[3\]\.optOut: /),
        expect.stringMatching(/^! translations: \{purposes\} and \{privacyPolicy\} placeholders/)
      ])
    )
  })
})

describe('charto convert --from orejime', () => {
  it('maps grouped purposes to a category with services, and single purposes to categories', async () => {
    let { config } = await convert('orejime', 'orejime-config.js')
    expect(config).toMatchObject({
      privacyPolicyUrl: 'https://www.example.fr/confidentialite',
      cookie: { name: 'orejime_choices', domain: 'example.fr', sameSite: 'Strict' },
      consentLifetimeDays: 190
    })
    expect(config.categories).toEqual({
      matomo: { label: 'Audience measurement', cookies: ['/^_pk_/', '_pk_ses'] },
      marketing: { label: 'Advertising', description: 'Partners that show ads.' },
      youtube: { label: 'YouTube videos' }
    })
    expect(config.services).toEqual({
      session: { category: 'necessary', label: 'Session', description: 'Keeps you signed in.', cookies: ['PHPSESSID'] },
      'google-ads': { category: 'marketing', label: 'Google Ads', cookies: ['IDE', '_gcl_au'] },
      criteo: { category: 'marketing', label: 'Criteo' }
    })
    expect(config.translations.en.banner).toEqual({ title: 'Your privacy', description: 'We use {purposes}.', acceptAll: 'Accept', rejectAll: 'Decline', preferences: 'Customise' })
  })

  it('tells how each <template data-purpose> becomes charto markup', async () => {
    let { notes } = await convert('orejime', 'orejime-config.js')
    expect(notes).toEqual(
      expect.arrayContaining([
        '! purposes[1]: <template data-purpose="matomo"> becomes markup with data-category="matomo" (see the blocking docs)',
        '! purposes[2].purposes[0]: <template data-purpose="google-ads"> becomes markup with data-service="google-ads" (see the blocking docs)',
        '! purposes[2].purposes[1].default: purposes are never pre-selected in opt-in mode',
        expect.stringMatching(/^! forceBanner: /),
        expect.stringMatching(/^! cookie\.parse: /)
      ])
    )
  })

  it('reads an Orejime 2 configuration (apps) with the Klaro rules', () => {
    let { config, notes } = convertConfig('orejime', {
      privacyPolicy: '/privacy',
      cookieName: 'orejime',
      apps: [{ name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: ['_ga'] }]
    })
    expect(config.services).toEqual({ 'google-analytics': { category: 'performance', label: 'Google Analytics', cookies: ['_ga'] } })
    expect(notes[0]).toMatch(/Orejime 2/)
  })
})

describe('charto convert: files and errors', () => {
  it('reads JSON and ES modules too, and writes --out', async () => {
    let json = join(dir, 'klaro.json')
    await writeFile(json, JSON.stringify({ services: [{ name: 'ga', purposes: ['analytics'], cookies: ['_ga'] }] }))
    let module = join(dir, 'orejime.mjs')
    await writeFile(module, `export default { privacyPolicyUrl: '/p', purposes: [{ id: 'analytics', title: 'Stats', cookies: [/^_ga/] }] }\n`)
    expect(JSON.parse((await cli('convert', '--from', 'klaro', json)).stdout).services.ga).toEqual({ category: 'performance', cookies: ['_ga'] })
    expect(JSON.parse((await cli('convert', '--from', 'orejime', module)).stdout).categories.performance).toEqual({ label: 'Stats', cookies: ['/^_ga/'] })
    let out = join(dir, 'charto.json')
    let written = await cli('convert', '--from', 'klaro', json, '--out', out)
    expect(written.code).toBe(0)
    expect(JSON.parse(await readFile(out, 'utf8')).services.ga.category).toBe('performance')
  })

  it('exits 1 for a file that holds no configuration of that library', async () => {
    let result = await cli('convert', '--from', 'orejime', `${FIXTURES}/klaro-config.js`)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('charto: not an orejime configuration: it has no "purposes" list\n')
  })

  it('exits 2 on usage errors, naming the fix', async () => {
    expect(await cli('convert', `${FIXTURES}/klaro-config.js`)).toMatchObject({ code: 2, stderr: 'charto: --from must be vanilla-cookieconsent, klaro, orejime\n' })
    expect(await cli('convert', '--from', 'cookiebot', 'x.js')).toMatchObject({ code: 2, stderr: expect.stringContaining('got "cookiebot"') })
    expect(await cli('convert', '--from', 'klaro', 'missing.js')).toMatchObject({ code: 2, stderr: 'charto: cannot read missing.js: no such file\n' })
    let broken = join(dir, 'broken.js')
    await writeFile(broken, 'var klaroConfig = {')
    expect((await cli('convert', '--from', 'klaro', broken)).stderr).toMatch(/^charto: cannot run /)
  })

  it('has --help, and the main help names the command', async () => {
    let help = await cli('convert', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('charto convert --from vanilla-cookieconsent|klaro|orejime <file>')
    expect((await cli('--help')).stdout).toContain('charto convert --from')
  })
})
