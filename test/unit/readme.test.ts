// @vitest-environment node
// The README is tested against the code, so its reference cannot drift (Orejime's README states defaults its code
// does not have).
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SCHEMA } from '../../src/schema.js'
import { resolveConfig } from '../../src/core/config.js'
import en from '../../src/ui/i18n/en.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = (title: string) => readme.split(/^## /m).find((part) => part.startsWith(title)) || ''
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))

describe('README', () => {
  it('documents exactly the options the validator knows', () => {
    let documented = [...section('Configuration reference').matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1])
    expect(documented.sort()).toEqual(Object.keys(SCHEMA).filter((key) => key !== '$schema').sort())
  })

  it('states the defaults the code has', () => {
    let defaults = resolveConfig()
    let table = section('Configuration reference')
    expect(table).toContain(`| \`consentLifetimeDays\` | \`${defaults.consentLifetimeDays}\` |`)
    expect(table).toContain(`| \`revision\` | \`${defaults.revision}\` |`)
    expect(table).toContain(`| \`mode\` | \`"${defaults.mode}"\` |`)
    expect(table).toContain(`{ "name": "${defaults.cookie.name}", "path": "${defaults.cookie.path}" }`)
  })

  it('gives quick-start commands that exist', () => {
    expect(readme).toContain('npm install && npm run demo')
    expect(readme).toContain('npm test')
    expect(pkg.scripts.demo).toBeTruthy()
    expect(pkg.scripts.test).toBeTruthy()
  })

  it('quotes the real button labels', () => {
    for (let label of [en.banner.acceptAll, en.banner.rejectAll, en.banner.preferences, en.preferences.save]) {
      expect(readme).toContain(`**${label}**`)
    }
  })

  it('links only to files that exist in the repository', () => {
    let links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((href) => !/^(https?:|mailto:|url$)/.test(href))
    expect(links.length).toBeGreaterThan(5)
    for (let href of links) expect(existsSync(new URL('../../' + href, import.meta.url)), href).toBe(true)
  })

  it('quotes size numbers no larger than the size-limit budgets', async () => {
    // @ts-ignore: plain ESM configuration file, no types
    let limits: { name: string; limit: string }[] = (await import('../../.size-limit.js')).default
    let budget = (name: string) => parseFloat(limits.find((entry) => entry.name.includes(name))!.limit) * 1000
    let quoted = (pattern: RegExp) => Number(pattern.exec(readme.replace(/\n\s*/g, ' '))?.[1].replace(',', ''))
    let loader = quoted(/script>` loader \([^)]*\) is ([\d,]+) B brotli/)
    let firstVisit = quoted(/a first visit adds the dialog chunk[^,]*, ([\d,]+) B in all/)
    expect(loader).toBeGreaterThan(0)
    expect(loader).toBeLessThanOrEqual(budget('loader dist/charto.global.js'))
    expect(firstVisit).toBeGreaterThan(loader)
    expect(firstVisit).toBeLessThanOrEqual(budget('what a first visit downloads'))
  })
})
