import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

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
