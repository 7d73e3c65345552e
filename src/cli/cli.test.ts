// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from './main.js'
import { readdirSync } from 'node:fs'
import { csvField, escapeHtml } from './declaration.js'
import { LANGUAGES } from './languages.js'
import { displayPattern } from './declared.js'
import { registrableDomain } from './domain.js'

const ROOT = join(import.meta.dirname, '..', '..')
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'charto-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  let code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: () => ROOT,
    env: {}
  })
  return { code, stdout, stderr }
}
async function file(name: string, content: unknown) {
  let path = join(dir, name)
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return path
}

/** RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  let rows: string[][] = [[]]
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    let c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') rows[rows.length - 1].push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') rows[rows.length - 1].push(field), (field = ''), rows.push([]), i++
    else field += c
  }
  if (field || rows[rows.length - 1].length) rows[rows.length - 1].push(field)
  else rows.pop()
  return rows
}

describe('charto validate', () => {
  it('accepts the example configuration with a one-line summary and exit 0', async () => {
    let { code, stdout } = await cli('validate', 'examples/charto.config.json')
    expect(code).toBe(0)
    expect(stdout).toBe('✓ examples/charto.config.json is valid: 4 categories, 4 services, 14 cookies declared\n')
  })

  it('prints every problem with its path and a hint, and exits 1', async () => {
    let path = await file('broken.json', {
      servces: {},
      mode: 'optin',
      revision: -1,
      categories: { marketing: { cookies: ['_fbp', '/[/', { name: '' }], label: 3 }, '1st': {} },
      services: { ga: { category: 'analytics' }, yt: { category: 'functionl', scripts: [''] }, zz: { category: 'xyz' } }
    })
    let { code, stdout } = await cli('validate', path)
    expect(code).toBe(1)
    let lines = stdout.trim().split('\n')
    let problems = lines.filter((line) => line.startsWith('✗ '))
    expect(lines.at(-1)).toMatch(new RegExp(`^${problems.length} problems in .*broken\\.json$`))
    // Every problem line is followed by its hint.
    lines.slice(0, -1).forEach((line, i) => expect(line.startsWith(i % 2 ? '    hint: ' : '✗ ')).toBe(true))
    // The validator's wording may change; the paths and hints are the CLI's promise.
    let hint = (at: string) => {
      let index = lines.findIndex((line) => line.startsWith(`✗ ${at}: `))
      expect(index, `a problem at ${at}`).toBeGreaterThanOrEqual(0)
      return lines[index + 1].replace('    hint: ', '')
    }
    expect(hint('servces')).toBe('did you mean "services"?')
    expect(hint('mode')).toMatch(/one of the listed values/)
    expect(hint('revision')).toMatch(/^e\.g\. "revision": 1/)
    expect(hint('categories.marketing.cookies[1]')).toMatch(/backslash/)
    expect(hint('categories.marketing.label')).toBe('e.g. "label": "Analytics"')
    expect(hint('categories.1st')).toBe('rename it, for example to "st"')
    expect(hint('services.ga.category')).toBe('did you mean "performance"?')
    expect(hint('services.zz.category')).toMatch(/^use one of "necessary", "performance", "marketing", "functional", "1st"/)
    expect(hint('services.yt.category')).toBe('did you mean "functional"?')
    expect(hint('services.yt.scripts[0]')).toMatch(/"\*\.google-analytics\.com\/\*"/)
    expect(stdout).toMatch(/✗ categories\.marketing\.cookies\[2\](\.name)?: .*\n    hint: write the cookie name/)
    expect(stdout).toContain('✗ mode: must be one of "opt-in", "opt-out"')
  })

  it('suggests the right key for a typo anywhere', async () => {
    let { stdout } = await cli('validate', await file('typo.json', { services: { ga: { category: 'performance', cokies: [] } } }))
    expect(stdout).toMatch(/✗ services\.ga\.cokies: .*\n    hint: (did you mean "cookies"\?|remove it)/)
  })

  it('warns about an incomplete declaration; --strict makes warnings fail', async () => {
    let path = await file('thin.json', {
      categories: { necessary: { cookies: [{ name: 'sid', provider: 'Us', duration: 'Session' }] } },
      services: { ga: { category: 'performance', provider: 'Google', cookies: ['_ga', { name: 'sid', purpose: 'x', duration: '1 day' }] } }
    })
    let { code, stdout } = await cli('validate', path)
    expect(code).toBe(0)
    expect(stdout).toContain('! categories.necessary.cookies[0]: "sid" has no purpose: the declaration will show a blank; necessary cookies need a justification\n')
    expect(stdout).toContain('! services.ga.cookies[0]: "_ga" has no purpose, duration')
    expect(stdout).toContain('! services.ga.cookies[1]: "sid" is also declared at categories.necessary.cookies[0]; declare each cookie once')
    expect(stdout.trim().split('\n').at(-1)).toMatch(/✓ .*thin\.json is valid: 4 categories, 1 service, 3 cookies declared; 3 warnings$/)
    let strict = await cli('validate', path, '--strict')
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/✗ .*thin\.json: 3 warnings \(--strict\)\n$/)
  })

  it('reports broken JSON with its line and column, and a missing file, with exit 2', async () => {
    let path = await file('bad.json', '{\n  "mode": "opt-in",\n  }\n')
    let bad = await cli('validate', path)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/bad\.json is not valid JSON: .*line 3, column 3/)
    let missing = await cli('validate', 'nope.json')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('charto: cannot read nope.json: no such file\n')
  })

  it('refuses a revision the stored decision could not carry (17 digits, 1e21), as the browser does', async () => {
    for (let revision of ['12345678901234567', '1e21']) {
      let { code, stdout } = await cli('validate', await file('revision.json', `{ "revision": ${revision} }`))
      expect(code).toBe(1)
      expect(stdout).toMatch(/✗ revision: must be a whole number from 0 to 9007199254740991, got .*\n    hint: e\.g\. "revision": 1/)
    }
    expect((await cli('validate', await file('revision.json', { revision: 2 ** 53 - 1 }))).code).toBe(0)
  })

  it('loads a JavaScript module exporting the configuration', async () => {
    let path = await file('config.mjs', 'export default { services: { ga: { category: "performance", onAccept() {} } } }')
    let { code, stdout } = await cli('validate', path)
    expect(code).toBe(0)
    expect(stdout).toMatch(/config\.mjs is valid: 4 categories, 1 service, 0 cookies declared/)
  })
})

describe('charto declaration', () => {
  it('renders Markdown per category with labels, providers, purposes, durations and party', async () => {
    let { code, stdout } = await cli('declaration', 'examples/charto.config.json')
    expect(code).toBe(0)
    expect(stdout).toContain('## Strictly necessary\n\nNeeded for the site to work')
    expect(stdout).toContain('| Cookie | Service | Provider | Purpose | Duration | Party |')
    expect(stdout).toContain('| `charto_consent` | — | This website | Remembers your cookie choices')
    expect(stdout).toContain('| `_ga_*` | Google Analytics 4 | Google Ireland Limited | Keeps the state of your current session')
    expect(stdout).toContain('| `fr` | Meta Pixel | Meta Platforms Ireland Limited | Delivers, measures and improves the relevance of ads (set on facebook.com) | 90 days | Third party |')
    expect(stdout).toContain('Browser storage (localStorage, sessionStorage): `_hj*`, `hjViewportId`, `hjActiveViewportIds`')
    let headings = [...stdout.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(headings).toEqual(['Strictly necessary', 'Analytics', 'Marketing', 'Embedded content'])
  })

  const hostile = {
    categories: {
      marketing: { label: 'Ads & <b>more</b>', description: 'Line one\nline | two' }
    },
    services: {
      evil: {
        category: 'marketing',
        label: '"Evil" <Corp>',
        provider: "O'Brien & Co",
        cookies: [{ name: 'x', purpose: '<script>alert(1)</script>, "quoted", and a\nnew line | pipe', duration: '=1+1', thirdParty: true }]
      }
    }
  }

  it('escapes HTML', async () => {
    let { code, stdout } = await cli('declaration', await file('hostile.json', hostile), '--format', 'html')
    expect(code).toBe(0)
    expect(stdout).not.toMatch(/<script>|<b>|<Corp>/)
    expect(stdout).toContain('<h2>Ads &amp; &lt;b&gt;more&lt;/b&gt;</h2>')
    expect(stdout).toContain(
      '<tr><th scope="row"><code>x</code></th><td>&quot;Evil&quot; &lt;Corp&gt;</td><td>O&#39;Brien &amp; Co</td><td>&lt;script&gt;alert(1)&lt;/script&gt;, &quot;quoted&quot;, and a\nnew line | pipe</td><td>=1+1</td><td>Third party</td></tr>'
    )
    expect(stdout).toContain('<table>\n<thead><tr><th scope="col">Cookie</th>')
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it('keeps Markdown tables intact whatever the text', async () => {
    let { stdout } = await cli('declaration', await file('hostile.json', hostile), '--format', 'md')
    let row = stdout.split('\n').find((line) => line.startsWith('| `x`'))!
    expect(row).toBe('| `x` | "Evil" &lt;Corp&gt; | O\'Brien &amp; Co | &lt;script&gt;alert(1)&lt;/script&gt;, "quoted", and a new line \\| pipe | =1+1 | Third party |')
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8)
    expect(stdout).toContain('## Ads &amp; &lt;b&gt;more&lt;/b&gt;\n\nLine one line \\| two')
  })

  it('writes RFC 4180 CSV with the contract columns', async () => {
    let { code, stdout } = await cli('declaration', await file('hostile.json', hostile), '--format', 'csv')
    expect(code).toBe(0)
    expect(stdout.split('\r\n')[0]).toBe('category,service,cookie,provider,purpose,duration,thirdParty,categoryLabel,serviceLabel')
    expect(stdout).toContain('marketing,evil,x,O\'Brien & Co,"<script>alert(1)</script>, ""quoted"", and a\nnew line | pipe",=1+1,true,Ads & <b>more</b>,"""Evil"" <Corp>"\r\n')
    let rows = parseCsv(stdout)
    expect(rows.at(-1)).toEqual(['marketing', 'evil', 'x', "O'Brien & Co", '<script>alert(1)</script>, "quoted", and a\nnew line | pipe', '=1+1', 'true', 'Ads & <b>more</b>', '"Evil" <Corp>'])
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
  })

  it('lists every declared cookie of the example in CSV, plus charto\'s own', async () => {
    let rows = parseCsv((await cli('declaration', 'examples/charto.config.json', '--format=csv')).stdout)
    expect(rows).toHaveLength(1 + 15)
    expect(rows.every((r) => r.length === 9)).toBe(true)
    expect(rows[1]).toEqual(['necessary', '', 'charto_consent', 'This website', expect.stringMatching(/^Remembers your cookie choices/), '180 days', 'false', 'Strictly necessary', ''])
    expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining(['_ga', '_ga_*', '_hjSessionUser_*', '_fbp', '_fbc', 'fr', 'YSC', 'VISITOR_INFO1_LIVE']))
    expect(rows.find((r) => r[2] === 'YSC')).toEqual(['functional', 'youtube', 'YSC', 'Google Ireland Limited', expect.any(String), 'Session', 'true', 'Embedded content', 'YouTube'])
  })

  it('writes to --out, refuses an unknown format and an invalid configuration', async () => {
    let out = join(dir, 'cookies.html')
    let written = await cli('declaration', 'examples/charto.config.json', '--format', 'html', '--out', out)
    expect(written.code).toBe(0)
    expect(written.stdout).toBe('')
    expect(await readFile(out, 'utf8')).toContain('<h2>Embedded content</h2>')
    let format = await cli('declaration', 'examples/charto.config.json', '--format', 'xml')
    expect(format).toMatchObject({ code: 2, stderr: 'charto: --format must be md, html or csv, got "xml"\n' })
    let invalid = await cli('declaration', await file('invalid.json', { mode: 'never' }))
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toContain('mode: must be one of "opt-in", "opt-out", got "never"')
  })
})

describe('charto declaration speaks like the dialog', () => {
  const plain = {
    categories: { performance: { cookies: [{ name: '_pk_id', purpose: 'Counts visits', duration: '13 months' }] } },
    services: { matomo: { category: 'performance', provider: 'InnoCraft' } },
    translations: { en: { services: { matomo: { label: 'Matomo' } } }, de: { categories: { marketing: { label: 'Werbung' } } } }
  }

  it('names and describes each category as the banner does, in English by default', async () => {
    let { code, stdout } = await cli('declaration', await file('plain.json', plain))
    expect(code).toBe(0)
    expect([...stdout.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Necessary', 'Performance', 'Marketing', 'Functional'])
    expect(stdout).toContain('## Necessary\n\nNeeded for the site to work, for security and to remember your choices.\n')
    expect(stdout).toContain('## Performance\n\nMeasure how the site is used so that we can improve it.\n')
    expect(stdout).not.toMatch(/Strictly necessary|Performance and analytics/)
    let html = (await cli('declaration', await file('plain.json', plain), '--format', 'html')).stdout
    expect(html).toContain('<h2>Necessary</h2>\n<p>Needed for the site to work, for security and to remember your choices.</p>')
  })

  it("--lang de uses the dialog's German, under the configuration's own translations", async () => {
    let { code, stdout } = await cli('declaration', await file('plain.json', plain), '--lang', 'de')
    expect(code).toBe(0)
    expect([...stdout.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Notwendig', 'Statistik', 'Werbung', 'Funktional'])
    expect(stdout).toContain('## Statistik\n\nHelfen uns zu verstehen, wie Besucher die Website nutzen')
    let csv = parseCsv((await cli('declaration', await file('plain.json', plain), '--format', 'csv', '--lang', 'de')).stdout)
    expect(csv.find((r) => r[2] === '_pk_id')?.slice(-2)).toEqual(['Statistik', ''])
  })

  it("CSV carries the labels visitors saw after the contract's columns", async () => {
    let withCookie = { ...plain, services: { matomo: { ...plain.services.matomo, cookies: ['_pk_ses'] } } }
    let rows = parseCsv((await cli('declaration', await file('labels.json', withCookie), '--format', 'csv')).stdout)
    expect(rows[0]).toEqual(['category', 'service', 'cookie', 'provider', 'purpose', 'duration', 'thirdParty', 'categoryLabel', 'serviceLabel'])
    expect(rows.find((r) => r[2] === '_pk_ses')).toEqual(['performance', 'matomo', '_pk_ses', 'InnoCraft', '', '', '', 'Performance', 'Matomo'])
    expect(rows.find((r) => r[2] === 'charto_consent')?.slice(-2)).toEqual(['Necessary', ''])
  })

  it('refuses a language the dialog does not have, listing the ones it has', async () => {
    let { code, stdout, stderr } = await cli('declaration', await file('plain.json', plain), '--lang', 'xx')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`charto: --lang must be one of ${Object.keys(LANGUAGES).sort().join(', ')}; got "xx"\n`)
    expect(stderr).toContain('de, el, en')
  })

  it('knows every language file the dialog ships', () => {
    let files = readdirSync(join(ROOT, 'src/ui/i18n')).map((name) => name.replace(/\.ts$/, ''))
    expect(Object.keys(LANGUAGES).sort()).toEqual(files.sort())
  })
})

describe('charto declaration and validate, hostile input', () => {
  it('Markdown keeps a storage key with a line break and markup inside its code span, and the file name inside its comment', async () => {
    let path = await file('x--><img src=x onerror=alert(1)>.json', {
      categories: { performance: { cookies: ['_ga'], storage: ['visits\n<img src=x onerror=alert(1)>'] } }
    })
    let { code, stdout } = await cli('declaration', path)
    expect(code).toBe(0)
    // No line begins with markup, and the generated comment is one comment.
    expect(stdout.split('\n').filter((line) => /^\s*</.test(line) && !line.startsWith('<!-- Generated'))).toEqual([])
    let comment = stdout.split('\n')[0]
    expect([comment.startsWith('<!-- Generated'), comment.indexOf('-->'), comment.endsWith('-->')]).toEqual([true, comment.length - 3, true])
    expect(stdout).toContain('`visits <img src=x onerror=alert(1)>`')
  })

  it('validate names Consent Mode typos, a cookie name no browser can set, and a region that is no code', async () => {
    let path = await file('gcm-bad.json', {
      googleConsentMode: { mapping: { analytics_storage: 'analytcs' }, waitForUpdte: 500 },
      categories: { performance: { cookies: ['_ga\n<b>', { name: 'two words' }] } },
      region: 'California'
    })
    let { code, stdout, stderr } = await cli('validate', path)
    expect(code).toBe(1)
    for (let where of ['googleConsentMode.mapping.analytics_storage', 'googleConsentMode.waitForUpdte', 'categories.performance.cookies[0]', 'categories.performance.cookies[1].name', 'region']) {
      expect(stdout + stderr).toContain(where)
    }
  })
})

describe('charto (commands and arguments)', () => {
  it('prints help, and refuses unknown commands, options and missing arguments with exit 2', async () => {
    expect((await cli('--help')).stdout).toContain('charto audit <url>')
    expect((await cli('audit', '--help')).code).toBe(0)
    expect(await cli()).toMatchObject({ code: 2 })
    expect(await cli('publish')).toMatchObject({ code: 2, stderr: 'charto: unknown command "publish"; use validate, declaration, audit, convert or records\n' })
    expect(await cli('validate')).toMatchObject({ code: 2, stderr: 'charto: charto validate needs a configuration file\n' })
    expect(await cli('validate', 'a.json', '--json')).toMatchObject({ code: 2, stderr: 'charto: --json does not apply to "charto validate"\n' })
    expect(await cli('validate', '--bogus')).toMatchObject({ code: 2, stderr: 'charto: unknown option --bogus; run "charto validate --help" for the options\n' })
    expect(await cli('audit', 'http://x.test', '--wait', 'soon')).toMatchObject({ code: 2 })
  })

  it('the unknown-command message and `help <command>` know every command that `charto --help` lists', async () => {
    let listed = [...(await cli('--help')).stdout.matchAll(/^  charto ([a-z]+) /gm)].map(([, command]) => command)
    expect(listed).toEqual(['validate', 'declaration', 'audit', 'convert', 'records'])
    let { stderr } = await cli('publish')
    for (let command of listed) expect(stderr).toContain(command)
    for (let command of listed) {
      let { code, stdout } = await cli('help', command)
      expect(code).toBe(0)
      expect(stdout).toBe((await cli(command, '--help')).stdout)
    }
  })

  it('--version prints the version; --help on every command gives its usage, options, environment variables and exit codes', async () => {
    let { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
    expect(await cli('--version')).toEqual({ code: 0, stdout: `charto ${version}\n`, stderr: '' })
    expect(await cli('records', '--version')).toEqual({ code: 0, stdout: `charto ${version}\n`, stderr: '' })
    expect((await cli('--help')).stdout).toContain('charto --version')
    let options = { validate: ['--strict'], declaration: ['--format', '--out'], audit: ['--config', '--json', '--browser', '--resolve', '--first-party', '--wait', '--timeout'] }
    for (let [command, names] of Object.entries(options)) {
      for (let asked of [[command, '--help'], [command, '-h'], ['help', command]]) {
        let { code, stdout } = await cli(...asked)
        expect(code, asked.join(' ')).toBe(0)
        expect(stdout, asked.join(' ')).toMatch(new RegExp(`^Usage: charto ${command} `))
        for (let text of [...names, '-h, --help', 'Environment variables:', 'Exit codes: 0']) expect(stdout, `${command}: ${text}`).toContain(text)
      }
    }
    expect((await cli('audit', '--help')).stdout).toContain('CHROMIUM_PATH')
  })

  it('names only documented options in its messages: a missing value, a value given to a switch, a short flag', async () => {
    expect(await cli('declaration', 'config.json', '--format')).toMatchObject({ code: 2, stderr: 'charto: --format needs a value, as in --format <value>\n' })
    // The next word is an option, not the value.
    expect(await cli('declaration', 'config.json', '--format', '--out', 'x.md')).toMatchObject({ code: 2, stderr: 'charto: --format needs a value, as in --format <value>\n' })
    expect(await cli('validate', 'config.json', '--strict=yes')).toMatchObject({ code: 2, stderr: 'charto: --strict takes no value\n' })
    for (let flag of ['-f', '-o', '-c']) {
      expect(await cli('declaration', flag, 'x', 'config.json')).toMatchObject({ code: 2, stderr: `charto: unknown option ${flag}; run "charto declaration --help" for the options\n` })
    }
    for (let argv of [['declaration', 'config.json', '--format'], ['audit', '--wait'], ['validate', '-x'], ['--versions']]) {
      let { stderr } = await cli(...argv)
      for (let short of stderr.match(/(?<![\w-])-[a-z]\b/gi) || []) expect(short == '-h' || argv.includes(short), `${argv.join(' ')}: ${stderr}`).toBe(true)
    }
  })

  it('audit says how to get a browser when none is found', async () => {
    let { code, stderr } = await cli('audit', 'https://example.com', '--browser', '/nowhere/chrome')
    expect(code).toBe(2)
    expect(stderr).toContain('--browser /nowhere/chrome: no such file.')
    expect(stderr).toContain('apt-get install -y chromium')
    expect(stderr).toContain('Or pass --browser /path/to/chrome.')
  })

  it('audit refuses an invalid --config before starting a browser', async () => {
    let { code, stderr } = await cli('audit', 'https://example.com', '--config', await file('cfg.json', { gpc: 'yes' }), '--browser', '/nowhere')
    expect(code).toBe(2)
    expect(stderr).toContain('gpc: must be a boolean, got "yes"')
  })
})

describe('helpers', () => {
  it('registrableDomain groups hosts of one site', () => {
    expect(registrableDomain('www.shop.test')).toBe('shop.test')
    expect(registrableDomain('tracker.test')).toBe('tracker.test')
    expect(registrableDomain('a.b.example.co.uk')).toBe('example.co.uk')
    expect(registrableDomain('www.example.com.au')).toBe('example.com.au')
    expect(registrableDomain('sub.example.de')).toBe('example.de')
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1')
    expect(registrableDomain('localhost')).toBe('localhost')
    expect(registrableDomain('WWW.Example.COM.')).toBe('example.com')
  })

  it('displayPattern shows simple regexes as wildcards and others as written', () => {
    expect(displayPattern('/^_ga_[A-Z0-9]+$/')).toBe('_ga_*')
    expect(displayPattern('/^_hjSession_\\d+$/')).toBe('_hjSession_*')
    expect(displayPattern('/^_ga/')).toBe('_ga*')
    expect(displayPattern('/^a\\.b$/')).toBe('a.b')
    expect(displayPattern('/^(a|b)$/')).toBe('/^(a|b)$/')
    expect(displayPattern('/^a.b$/')).toBe('/^a.b$/')
    expect(displayPattern('_fbp')).toBe('_fbp')
  })
})
