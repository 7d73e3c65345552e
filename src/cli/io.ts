import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

/** Where the CLI writes; `process` fits. Tests pass collectors. */
export interface Io {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  cwd?: () => string
  env?: Record<string, string | undefined>
}

/** A failure the user can act on: printed without a stack, exit code 2. */
export class UsageError extends Error {}

/**
 * Reads a configuration file: JSON (comments not allowed), or a JavaScript module whose default export is the
 * configuration (`.js`, `.mjs`, `.cjs`). The file path is resolved against `cwd`.
 */
export async function loadConfigFile(file: string, cwd: string): Promise<{ path: string; config: unknown }> {
  let path = resolve(cwd, file)
  if (/^\.(c|m)?js$/.test(extname(path))) {
    let module = await import(pathToFileURL(path).href).catch((error: Error) => {
      throw new UsageError(`cannot load ${file}: ${error.message}`)
    })
    return { path, config: module.default ?? module }
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  try {
    return { path, config: JSON.parse(text.replace(/^\uFEFF/, '')) }
  } catch (error) {
    let message = (error as Error).message
    let position = /position (\d+)/.exec(message)
    let where = ''
    if (position && !/line \d+/.test(message)) {
      let before = text.slice(0, Number(position[1])).split('\n')
      where = ` (line ${before.length}, column ${before[before.length - 1].length + 1})`
    }
    throw new UsageError(`${file} is not valid JSON: ${message}${where}`)
  }
}

/** The file as the user knows it: relative to the working directory when inside it, else as given. */
export function displayPath(path: string, cwd: string, given: string): string {
  let rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : given
}

/** An option as the commands declare it: long names only, so no message can name a short flag nobody documented. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  multiple?: boolean
}

/** One command: which of the program's options it takes, and its `--help`. */
export interface CommandSpec {
  options: string[]
  help: string
}

export interface Program<Options extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** As the user types it: "charto", "charto records". */
  name: string
  /** Every option of every command; `help` and `version` are the program's own and need not be listed. */
  options: Options
  commands: Record<string, CommandSpec>
  /**
   * Commands that run in a module of their own (loaded only when used), handed over before this parser sees the
   * command line: named with the others when a command is unknown, in the order the help lists them.
   */
  separateCommands?: string[]
  /** The program's `--help`: its commands, one paragraph each. */
  help: string
}

/** Each option's value as given: text, a list of texts when repeatable, true for a switch; absent when not given. */
export type OptionValues<Options extends Record<string, OptionSpec>> = {
  [Name in keyof Options]?: Options[Name]['type'] extends 'boolean' ? true : Options[Name]['multiple'] extends true ? string[] : string
}

/** What the user asked for: a command with its option values and its other words, in order. */
export interface CommandLine<Options extends Record<string, OptionSpec>> {
  command: string
  values: OptionValues<Options>
  positionals: string[]
}

/** The package's version, from the package.json beside the sources (src/cli/) or the build (dist/). */
export function chartoVersion(): string {
  for (let path of ['../package.json', '../../package.json']) {
    try {
      let manifest = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
      if (manifest.name == 'charto') return manifest.version
    } catch {}
  }
  return 'unknown'
}

/**
 * Reads `<command> [words] [--options]` for one program (`charto`, `charto records`). Answers `--help`, `-h`,
 * `help [command]` and `--version` itself and returns their exit code; otherwise returns the command line, checked:
 * an unknown command or option, an option the command does not take, a value missing or given to a switch, each is
 * a UsageError that names the long option. Only `-h` is short, and the help says so.
 */
export function parseCommandLine<Options extends Record<string, OptionSpec>>(argv: string[], program: Program<Options>, io: Io): CommandLine<Options> | number {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: { ...program.options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } }, allowPositionals: true, strict: false, tokens: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  let { positionals, tokens } = parsed
  let [command] = positionals
  let names = Object.keys(program.commands)
  let everyCommand = listOf([...names, ...(program.separateCommands || [])])
  let values: Record<string, string | string[] | true> = {}
  for (let token of tokens) {
    if (token.kind != 'option') continue
    let { name, rawName } = token
    if (name == 'help' || name == 'version') {
      if (token.value !== undefined) throw new UsageError(`${rawName} takes no value`)
      values[name] = true
      continue
    }
    let spec = program.options[name]
    if (!spec || rawName != '--' + name) {
      let helpOf = names.includes(command) ? `${program.name} ${command}` : program.name
      throw new UsageError(`unknown option ${rawName}; run "${helpOf} --help" for the options`)
    }
    if (spec.type == 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${name} takes no value`)
      values[name] = true
    } else {
      // Without a value, the next word would be taken as one even when it is the next option.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) throw new UsageError(`--${name} needs a value, as in --${name} <value>`)
      values[name] = spec.multiple ? [...((values[name] as string[]) || []), token.value] : token.value
    }
  }
  if (values.version) {
    io.stdout.write(`charto ${chartoVersion()}\n`)
    return 0
  }
  if (command == 'help') {
    let topic = positionals[1]
    if (topic !== undefined && !names.includes(topic)) throw new UsageError(`unknown command "${topic}"; use ${everyCommand}`)
    io.stdout.write(topic ? program.commands[topic].help : program.help)
    return 0
  }
  if (command === undefined) {
    // Asked for, the help is the answer; given nothing, it is the explanation of a usage error.
    ;(values.help ? io.stdout : io.stderr).write(program.help)
    return values.help ? 0 : 2
  }
  if (!names.includes(command)) throw new UsageError(`unknown command "${command}"; use ${everyCommand}`)
  if (values.help) {
    io.stdout.write(program.commands[command].help)
    return 0
  }
  for (let name of Object.keys(values)) {
    if (!program.commands[command].options.includes(name)) throw new UsageError(`--${name} does not apply to "${program.name} ${command}"`)
  }
  return { command, values: values as OptionValues<Options>, positionals: positionals.slice(1) }
}

const listOf = (names: string[]) => names.slice(0, -1).join(', ') + ' or ' + names[names.length - 1]
