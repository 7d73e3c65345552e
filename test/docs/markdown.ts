// Reads the documentation as the tests see it: which files, their fenced code blocks, their links and headings.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/** Every Markdown file a reader is sent to: the README, CONTRIBUTING.md and docs/. */
export const DOCUMENTS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => 'docs/' + name)]

export const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')

export interface CodeBlock {
  file: string
  /** 1-based line of the opening fence, for messages that lead to the block. */
  line: number
  language: string
  /** The words after the language in the info string, such as `fragment`. */
  flags: string[]
  code: string
}

/** The fenced code blocks of a file, indented ones (inside list items) included, with their indentation removed. */
export function codeBlocks(file: string): CodeBlock[] {
  let blocks: CodeBlock[] = []
  let lines = read(file).split('\n')
  for (let index = 0; index < lines.length; index++) {
    let opening = /^( *)(`{3,})(.*)$/.exec(lines[index])
    if (!opening) continue
    let [, indent, fence, info] = opening
    let body: string[] = []
    let end = index + 1
    while (end < lines.length && !lines[end].startsWith(indent + fence)) body.push(lines[end++].slice(indent.length))
    let [language = '', ...flags] = info.trim().split(/\s+/).filter(Boolean)
    blocks.push({ file, line: index + 1, language, flags, code: body.join('\n') })
    index = end
  }
  return blocks
}

/** The text outside code blocks, where links and headings are. */
export function prose(file: string): string {
  return read(file).replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?^\1\2\s*$/gm, '')
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function anchors(file: string): Set<string> {
  let seen = new Map<string, number>()
  let result = new Set<string>()
  for (let [, title] of prose(file).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    let slug = title
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    let count = seen.get(slug) || 0
    seen.set(slug, count + 1)
    result.add(count ? `${slug}-${count}` : slug)
  }
  return result
}

/** Every Markdown link `[text](target)` in the prose, with its target as written. */
export function links(file: string): string[] {
  let withoutCode = prose(file).replace(/`[^`\n]*`/g, '')
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1])
}
