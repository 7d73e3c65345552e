// Type-checks the JavaScript and TypeScript blocks of the docs against the sources, as a reader would paste them.
import ts from 'typescript'
import { join } from 'node:path'
import { ROOT, type CodeBlock } from './markdown.js'

/**
 * Names a block may use without defining them, because the prose around it has introduced them: the configuration,
 * the manager, the script tag's global, a Playwright page, an app's root component. Everything else must be
 * imported or defined in the block itself.
 */
export const SNIPPET_CONTEXT = `
import type { ChartoConfig, UiManager, createConsent, init } from 'charto'
declare global {
  const config: ChartoConfig
  const consent: UiManager
  const charto: { init: typeof init; createConsent: typeof createConsent }
  const Charto: { init: typeof init; createConsent: typeof createConsent; instance: UiManager | undefined }
  function gtag(...args: unknown[]): void
  var dataLayer: unknown[]
  const page: import('playwright-core').Page
  const App: import('vue').Component
  const AdBanner: import('vue').Component
}
export {}
`

const CONTEXT_FILE = join(ROOT, 'test/docs/__snippet-context.ts')

const EXTENSIONS: Record<string, string> = { js: '.js', ts: '.ts', tsx: '.tsx' }

/** Whether a block is type-checked: JS and TS blocks that are not marked as fragments. */
export const isCheckedScript = (block: CodeBlock) => block.language in EXTENSIONS && !block.flags.includes('fragment')

/** Type errors of each block, as `file:line: message` (the line within the Markdown file). */
export function typeErrors(blocks: CodeBlock[]): string[] {
  let files = new Map<string, { text: string; block?: CodeBlock }>([[CONTEXT_FILE, { text: SNIPPET_CONTEXT }]])
  for (let block of blocks) {
    let name = join(ROOT, 'test/docs', `__snippet-${block.file.replace(/\W/g, '-')}-${block.line}${EXTENSIONS[block.language]}`)
    // Each block is a module of its own, so two blocks may both declare `consent`.
    files.set(name, { text: block.code + '\nexport {}\n', block })
  }
  let options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowJs: true,
    checkJs: true,
    jsx: ts.JsxEmit.ReactJSX,
    types: ['node'],
    baseUrl: ROOT,
    // What a reader imports, resolved to the sources (the package's exports point at dist/, which may not be built).
    paths: {
      charto: ['src/index.ts'],
      'charto/react': ['src/react/index.ts'],
      'charto/vue': ['src/vue/index.ts'],
      'charto/server': ['src/server/index.ts'],
      'charto/next': ['src/next/index.ts'],
      'charto/nuxt': ['src/nuxt/module.ts'],
      'charto/wordpress': ['src/platforms/wordpress.ts'],
      'charto/shopify': ['src/platforms/shopify.ts'],
      'charto/i18n/*': ['src/ui/i18n/*.ts']
    }
  }
  let host = ts.createCompilerHost(options)
  let readFile = host.readFile
  let getSourceFile = host.getSourceFile
  host.fileExists = ((exists) => (name: string) => files.has(name) || exists(name))(host.fileExists)
  host.readFile = (name) => files.get(name)?.text ?? readFile.call(host, name)
  host.getSourceFile = (name, language, ...rest) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!.text, language, true) : getSourceFile.call(host, name, language, ...rest)
  let program = ts.createProgram([...files.keys()], options, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    let message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    let source = diagnostic.file && files.get(diagnostic.file.fileName)
    if (!source?.block || diagnostic.start === undefined) return `${diagnostic.file?.fileName ?? 'snippets'}: ${message}`
    let { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start)
    return `${source.block.file}:${source.block.line + 1 + line}: ${message}`
  })
}
