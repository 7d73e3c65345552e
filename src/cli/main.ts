// The `charto` command: validate, declaration and audit here; convert and records in their own modules. `run` is the
// whole program; bin.ts only calls it.
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { resolveConfig } from '../core/config.js'
import type { ChartoConfig, ResolvedConfig } from '../core/types.js'
import { audit, formatReport } from './audit.js'
import { FORMATS, renderDeclaration, type Format } from './declaration.js'
import { displayPath, loadConfigFile, parseCommandLine, UsageError, type Io } from './io.js'
import { validate } from './validate.js'

export type { Io }

export const HELP = `charto: cookie consent tools for privacy teams

Usage:
  charto validate <config> [--strict]
      Checks a configuration (JSON, or a JS module exporting it). Prints every problem with its path and a hint.

  charto declaration <config> [--format md|html|csv] [--lang code] [--out file]
      The cookie declaration for the privacy policy: per category each cookie's provider, purpose, duration and
      first or third party, with the dialog's own labels and descriptions (--lang code).

  charto audit <url> [--config file] [--json] [--browser path] [--resolve rules] [--first-party domain]
                     [--wait ms] [--timeout ms]
      Loads the site in headless Chromium before any choice, after Reject all and after Accept all, and flags
      anything optional set or requested when it should not be.

  charto convert --from vanilla-cookieconsent|klaro|orejime <file> [--out file]
      Prints the charto configuration another library's configuration maps to; notes on stderr for what needs
      your judgement. Run "charto convert --help".

  charto records serve | export | stats | purge | erase <id>
      The consent records service and the privacy team's commands: run "charto records --help".

  charto <command> --help      a command's options, environment variables and exit codes (-h works too)
  charto --version             the version of charto

Exit codes: 0 fine, 1 problems or findings, 2 usage error (bad arguments, unreadable file, no browser).
`

const HELP_OPTION = '  -h, --help      this help\n'

const COMMANDS = {
  validate: {
    options: ['strict'],
    help: `Usage: charto validate <config> [--strict]

Checks a configuration (JSON, or a JS module whose default export is the configuration). Prints every problem with
its path and a hint, and warnings where the cookie declaration is incomplete.

Options:
  --strict        warnings fail too
${HELP_OPTION}
Environment variables: none.

Exit codes: 0 valid, 1 problems (or warnings with --strict), 2 usage error (bad arguments, unreadable file).
`
  },
  declaration: {
    options: ['format', 'lang', 'out'],
    help: `Usage: charto declaration <config> [--format md|html|csv] [--lang code] [--out file]

The cookie declaration for the privacy policy: per category each cookie's provider, purpose, duration and first or
third party, with the dialog's own labels and descriptions.

Options:
  --format        md (the default), html or csv. CSV columns:
                  category,service,cookie,provider,purpose,duration,thirdParty,categoryLabel,serviceLabel
  --lang          the dialog's language for labels and descriptions (default en), e.g. de
  --out           the file to write (default: standard output)
${HELP_OPTION}
Environment variables: none.

Exit codes: 0 written, 1 the configuration is not valid (run charto validate), 2 usage error (bad arguments,
unreadable file).
`
  },
  audit: {
    options: ['config', 'json', 'browser', 'resolve', 'first-party', 'wait', 'timeout'],
    help: `Usage: charto audit <url> [--config file] [--json] [--browser path] [--resolve rules] [--first-party domain]
                    [--wait ms] [--timeout ms]

Loads the site in headless Chromium three times (fresh profile each): before any choice, after Reject all, after
Accept all. Reports every cookie, storage key and third-party request, and flags anything optional before a choice
or after rejection, and any cookie missing from the declaration.

Options:
  --config        the site's charto configuration, to check the declaration against what the site sets
  --json          the report as JSON
  --browser       Chrome or Chromium to use (default: CHROMIUM_PATH, then the usual install paths)
  --resolve       Chromium host resolver rules, e.g. "MAP *.test 127.0.0.1" (added by itself for *.test URLs)
  --first-party   a domain to count as the site's own (repeatable), e.g. a CDN you run
  --wait          extra quiet time in milliseconds after each load and choice (default 500)
  --timeout       milliseconds a page may take to load (default 30000)
${HELP_OPTION}
Environment variables:
  CHROMIUM_PATH   the browser to use when --browser is not given

Exit codes: 0 no findings, 1 findings, 2 usage error (bad arguments, unreadable file, no browser).
`
  }
}

const OPTIONS = {
  strict: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  browser: { type: 'string' },
  resolve: { type: 'string', multiple: true },
  'first-party': { type: 'string', multiple: true },
  wait: { type: 'string' },
  timeout: { type: 'string' }
} as const

/** The commands in modules of their own, loaded only when used: only `records` loads the database drivers. */
const SEPARATE_COMMANDS = new Map<string, (argv: string[], io: Io) => Promise<number>>([
  ['convert', async (argv, io) => (await import('./convert.js')).runConvert(argv, io)],
  ['records', async (argv, io) => (await import('./records.js')).runRecords(argv, io)]
])

const PROGRAM = { name: 'charto', options: OPTIONS, commands: COMMANDS, separateCommands: [...SEPARATE_COMMANDS.keys()], help: HELP }

const number = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined
  let n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of milliseconds, got "${value}"`)
  return n
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. Never calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  let [first, second] = argv
  let separate = SEPARATE_COMMANDS.get(first)
  if (separate) return separate(argv.slice(1), io)
  // `charto help records` is `charto records --help`, as for the other commands.
  let separateHelp = first === 'help' && argv.length === 2 && SEPARATE_COMMANDS.get(second)
  if (separateHelp) return separateHelp(['--help'], io)
  try {
    let commandLine = parseCommandLine(argv, PROGRAM, io)
    if (typeof commandLine == 'number') return commandLine
    let { command, values } = commandLine
    let [target, ...extra] = commandLine.positionals
    if (!target) throw new UsageError(`charto ${command} needs ${command === 'audit' ? 'a URL' : 'a configuration file'}`)
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`)
    let cwd = io.cwd ? io.cwd() : process.cwd()

    if (command === 'validate') return await validate(target, io, { strict: values.strict })

    if (command === 'declaration') {
      let format = (values.format || 'md') as Format
      if (!FORMATS.includes(format)) throw new UsageError(`--format must be md, html or csv, got "${values.format}"`)
      let { path, config } = await loadConfigFile(target, cwd)
      let source = displayPath(path, cwd, target)
      let text: string
      try {
        text = renderDeclaration(config, format, source, values.lang)
      } catch (error) {
        if (!(error as any).problems) throw error
        io.stderr.write(`${source} is not valid; run charto validate ${target}\n${(error as Error).message}\n`)
        return 1
      }
      if (values.out) {
        await writeFile(resolve(cwd, values.out), text)
        io.stderr.write(`wrote ${values.out}\n`)
      } else io.stdout.write(text)
      return 0
    }

    // audit
    let url = /^[a-z][a-z\d+.-]*:\/\//i.test(target) ? target : 'https://' + target
    try {
      new URL(url)
    } catch {
      throw new UsageError(`not a URL: ${target}`)
    }
    let config: ResolvedConfig | undefined
    if (values.config) {
      let loaded = await loadConfigFile(values.config, cwd)
      try {
        config = resolveConfig(loaded.config as ChartoConfig)
      } catch (error) {
        if (!(error as any).problems) throw error
        throw new UsageError(`${values.config} is not valid; run charto validate ${values.config}\n${(error as Error).message}`)
      }
    }
    let report = await audit(
      {
        url,
        config,
        configSource: values.config,
        browser: values.browser,
        resolve: values.resolve,
        firstParty: values['first-party'],
        wait: number(values.wait, 'wait'),
        timeout: number(values.timeout, 'timeout')
      },
      io
    )
    io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report))
    return report.findings.length ? 1 : 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`charto: ${error.message}\n`)
      return 2
    }
    io.stderr.write(`charto: ${(error as Error).stack || error}\n`)
    return 2
  }
}
