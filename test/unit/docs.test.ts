// @vitest-environment node
// The docs are tested against the code, so that they cannot drift (Orejime's README states defaults its code does not
// have) and so that a snippet that does not work fails CI. How blocks are marked: CONTRIBUTING.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA } from '../../src/schema.js'
import { resolveConfig } from '../../src/core/config.js'
import { validateRecord } from '../../src/server/validate.js'
import en from '../../src/ui/i18n/en.js'
import { HELP, run } from '../../src/cli/main.js'
import { mkdirSync, writeFileSync } from 'node:fs'
import { anchors, codeBlocks, DOCUMENTS, links, read, ROOT } from '../docs/markdown.js'
import { isCheckedScript, typeErrors } from '../docs/snippets.js'

const readme = read('README.md')
const pkg = JSON.parse(read('package.json'))
const allBlocks = DOCUMENTS.flatMap(codeBlocks)
const where = (block: { file: string; line: number }) => `${block.file}:${block.line}`

/** Pages that another part of the work writes (the framework adapters and the platform bridges). */
describe('configuration reference (docs/configuration.md)', () => {
  const page = read('docs/configuration.md')
  const optionsTable = page.split(/^## /m).find((part) => part.startsWith('Options')) || ''

  it('has one row for each option the validator knows, and no other', () => {
    let documented = [...optionsTable.matchAll(/^\| `(\$?\w+)` \|/gm)].map((match) => match[1])
    expect(documented.sort()).toEqual(Object.keys(SCHEMA).filter((key) => key !== '$schema').sort())
  })

  it('names every nested option of schema.json', () => {
    let schema = JSON.parse(read('schema.json'))
    let nested: string[] = []
    let collect = (node: any, path: string) => {
      let object = node?.additionalProperties && typeof node.additionalProperties === 'object' ? node.additionalProperties : node
      for (let [key, child] of Object.entries<any>(object?.properties || {})) {
        nested.push(`${path}.${key}`)
        collect(child, `${path}.${key}`)
      }
    }
    for (let [key, child] of Object.entries<any>(schema.properties)) collect(child, key)
    expect(nested.length).toBeGreaterThan(20)
    // Written `key` in a list of keys, or as the end of a path such as `services.<id>.category`.
    for (let path of nested) expect(page, path).toMatch(new RegExp('[`.]' + path.split('.').pop() + '`'))
  })

  it('states the defaults the code has', () => {
    let defaults = resolveConfig()
    expect(optionsTable).toContain(`| \`consentLifetimeDays\` | \`${defaults.consentLifetimeDays}\` |`)
    expect(optionsTable).toContain(`| \`revision\` | \`${defaults.revision}\` |`)
    expect(optionsTable).toContain(`| \`mode\` | \`"${defaults.mode}"\` |`)
    expect(optionsTable).toContain(`{ "name": "${defaults.cookie.name}", "path": "${defaults.cookie.path}" }`)
    expect(optionsTable).toContain(`| \`categories\` | ${Object.keys(defaults.categories).map((id) => '`' + id + '`').join(', ')} |`)
  })
})

describe('API and events (docs/api.md)', () => {
  const page = read('docs/api.md')
  const index = read('src/index.ts')
  const exported = (kind: 'value' | 'type') =>
    [...index.matchAll(/^export (type )?\{([^}]+)\}/gm)]
      .filter((match) => (kind === 'type') === Boolean(match[1]))
      .flatMap((match) => match[2].split(',').map((name) => name.trim()))
      .filter(Boolean)
  const membersOf = (file: string, name: string) => {
    let body = new RegExp(`export interface ${name}[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(read(file))![1]
    return [...body.matchAll(/^ {2}(?:readonly )?(\w+)[?(<:]/gm)].map((match) => match[1])
  }

  it('documents every function and extension that charto exports, in the exports table', () => {
    let values = exported('value')
    expect(values).toContain('createConsent')
    for (let name of values) expect(page, name).toMatch(new RegExp('^\\| .*`' + name + '[`(]', 'm'))
  })

  it('names every exported type', () => {
    let types = exported('type')
    expect(types).toContain('ChartoEvents')
    for (let name of types) expect(page, name).toContain('`' + name + '`')
  })

  it('shows every method of the manager and of the dialog', () => {
    let methods = [...membersOf('src/core/consent.ts', 'ConsentManager'), ...membersOf('src/ui/types.ts', 'UiMethods')]
    expect(methods).toEqual(expect.arrayContaining(['getConsent', 'sync', 'destroy', 'showPreferences', 'setLanguage']))
    for (let name of methods) expect(page, name).toMatch(new RegExp('`?(consent\\.)?' + name + '\\b'))
  })

  it('has a row in the events table for every event of ChartoEvents, and no other', () => {
    let events = membersOf('src/core/types.ts', 'ChartoEvents')
    expect(events).toEqual(expect.arrayContaining(['blocked', 'unblocked']))
    let table = page.split(/^## /m).find((part) => part.startsWith('Events')) || ''
    let rows = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1])
    expect(rows.sort()).toEqual([...events].sort())
  })
})

describe('README front page', () => {
  it('gives quick-start commands that exist', () => {
    expect(readme).toContain('npm install && npm run demo')
    expect(readme).toContain('npm test')
    expect(pkg.scripts.demo).toBeTruthy()
    expect(pkg.scripts.test).toBeTruthy()
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
    expect(firstVisit).toBeLessThanOrEqual(budget('what a first visit answered from the banner downloads'))
  })

  it('links to a page for each task', () => {
    for (let page of ['script-tag', 'blocking', 'configuration', 'api', 'dialog', 'signals', 'frameworks', 'cli', 'records', 'csp', 'migrating']) {
      expect(readme).toContain(`](docs/${page}.md)`)
    }
    expect(readme).toContain('](CONTRIBUTING.md)')
  })
})

describe('dialog and theming (docs/dialog.md)', () => {
  const page = read('docs/dialog.md')
  // The dialog's sources, one file per job (src/ui/*.ts), read as one.
  const dialog = readdirSync(join(ROOT, 'src/ui'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => read('src/ui/' + file))
    .join('\n')
  const actions = /export type DialogAction = ([^\n]+)/.exec(dialog)![1].match(/'[\w-]+'/g)!.map((quoted) => quoted.slice(1, -1))

  it('quotes the real button labels', () => {
    for (let label of [en.banner.acceptAll, en.banner.rejectAll, en.banner.preferences, en.preferences.save]) {
      expect(page).toContain(`**${label}**`)
    }
  })

  it('lists exactly the custom properties the styles read', () => {
    let declared = new Set([...read('src/ui/css.ts').matchAll(/(--charto-[\w-]+):/g)].map((match) => match[1]))
    let documented = new Set([...page.matchAll(/(--charto-[\w-]+):/g)].map((match) => match[1]))
    expect([...documented].sort()).toEqual([...declared].sort())
  })

  it('lists exactly the parts the dialog has', () => {
    let views = /export type View = ([^\n]+)/.exec(dialog)![1].match(/'[\w-]+'/g)!.map((quoted) => quoted.slice(1, -1))
    // Fixed part names, the views (`part: next`), and each action button's own part (see src/ui/buttons.ts); the
    // Do Not Sell or Share button is the `link` part.
    let parts = new Set([
      ...[...dialog.matchAll(/part: '([\w-]+) ?'/g)].map((match) => match[1]),
      ...views,
      ...actions.filter((action) => action !== 'close' && action !== 'do-not-sell').map((action) => (action === 'preferences' ? 'preferences-button' : action))
    ])
    let paragraph = page.slice(page.indexOf('through `::part()`'), page.indexOf('```css', page.indexOf('through `::part()`')))
    let documented = new Set([...paragraph.replace(/\([^)]*\)/g, '').matchAll(/`([\w-]+)`/g)].map((match) => match[1]))
    expect([...documented].sort()).toEqual([...parts].sort())
  })

  it('has a row for each data-charto-action value, and no other', () => {
    let start = page.indexOf('| `data-charto-action` |')
    let table = page.slice(page.indexOf('\n', start), page.indexOf('\n\n', start))
    let rows = [...table.matchAll(/^\| `([\w-]+)` \|/gm)].map((match) => match[1])
    expect(actions.length).toBe(7)
    expect(rows.sort()).toEqual([...actions].sort())
  })
})

it('charto validate sends a reader to the page that has the configuration reference', async () => {
  let folder = join(ROOT, '.vitest-cache', 'docs')
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'not-an-object.json'), JSON.stringify({ ui: 5 }))
  let stdout = ''
  await run(['validate', join(folder, 'not-an-object.json')], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => {} } })
  expect(stdout).toContain('see the configuration reference (docs/configuration.md)')
})

describe('how the build loads, as the docs say it', () => {
  it('docs/script-tag.md: chunks load with integrity in CORS mode, so another origin and a sandboxed frame need Access-Control-Allow-Origin', () => {
    let loader = read('src/loader/chunk.ts')
    expect(loader).toContain('script.integrity = integrity')
    expect(loader).toContain("script.crossOrigin = 'anonymous'")
    let page = read('docs/script-tag.md')
    expect(page).toContain('crossorigin="anonymous"')
    expect(page).toContain('<iframe sandbox="allow-scripts"')
    expect(page).toContain('`Access-Control-Allow-Origin: *`')
  })

  it('docs/react-and-vue.md: the development export condition is charto\'s own; the adapters load the production core', () => {
    expect(pkg.exports['.'].import.development).toBeDefined()
    expect(JSON.stringify([pkg.exports['./react'], pkg.exports['./vue']])).not.toContain('development')
    let page = read('docs/react-and-vue.md')
    expect(page).toContain('The `development` export condition')
    expect(page).toContain('`charto/react` and `charto/vue` have no such condition: they load the production core')
  })
})

describe('links', () => {
  it.each(DOCUMENTS)('every relative link and #anchor in %s resolves', (file) => {
    let broken: string[] = []
    for (let target of links(file)) {
      if (/^(https?:|mailto:)/.test(target)) continue
      let [path, anchor] = target.split('#')
      let resolved = path ? normalize(join(dirname(file), decodeURIComponent(path))) : file
      if (!existsSync(join(ROOT, resolved))) broken.push(`${target}: no file ${resolved}`)
      else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${resolved}`)
    }
    expect(broken).toEqual([])
  })

  it('finds the links it checks', () => {
    expect(DOCUMENTS.flatMap(links).length).toBeGreaterThan(50)
  })
})

describe('code blocks', () => {
  it('marks every block with a language', () => {
    expect(allBlocks.filter((block) => !block.language).map(where)).toEqual([])
  })

  it.each(allBlocks.filter((block) => block.language === 'json' && !block.flags.length).map((block) => [where(block), block] as const))(
    'JSON configuration at %s passes charto validate',
    (_, block) => {
      expect(() => resolveConfig(JSON.parse(block.code))).not.toThrow()
    }
  )

  it.each(allBlocks.filter((block) => block.language === 'json' && block.flags.includes('record')).map((block) => [where(block), block] as const))(
    'consent record at %s passes the records service rules',
    (_, block) => {
      expect(validateRecord(JSON.parse(block.code))).toEqual([])
    }
  )

  it('checks the JSON configurations inside HTML pages too', () => {
    let pages = allBlocks.filter((block) => block.language === 'html')
    let configs = pages.flatMap((block) => [...block.code.matchAll(/<script type="application\/json" id="charto-config">([\s\S]*?)<\/script>/g)].map((match) => [where(block), match[1]] as const))
    expect(configs.length).toBeGreaterThan(2)
    for (let [at, text] of configs) expect(() => resolveConfig(JSON.parse(text)), at).not.toThrow()
  })

  it('runs only charto commands that exist', () => {
    let commands = allBlocks
      .filter((block) => block.language === 'sh')
      .flatMap((block) => [...block.code.matchAll(/\bnpx charto (\w+)/g)].map((match) => [where(block), match[1]] as const))
    expect(commands.length).toBeGreaterThan(5)
    for (let [at, command] of commands) expect(HELP, `${at}: charto ${command}`).toContain(`charto ${command} `)
  })

  it('type-checks every JavaScript and TypeScript block against the sources', () => {
    let scripts = allBlocks.filter(isCheckedScript)
    expect(scripts.length).toBeGreaterThan(15)
    expect(typeErrors(scripts)).toEqual([])
  }, 300_000)
})
