// Fetches a chunk of the <script>-tag build (the dialog, say) from beside the loader, pinned to the exact file the
// loader was built with: a content-hashed name and its Subresource Integrity hash. A CDN or a stale copy can never
// pair a loader with another build's chunk.
import { attempt } from '../core/attempt.js'
import { isDevelopment } from '../development.js'

/** The script element that is running the loader: only set while it runs, so read when this module is evaluated. */
const loaderScript = typeof document != 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null

/** Where a chunk is: a file name and the integrity hash the build computed for it. */
export interface ChunkFile {
  file: string
  integrity: string
}

/**
 * Resolves with what the chunk put on `self[global]` once it has run. Rejects (and can be called again) when the
 * loader's own URL is unknown (an inline copy of the loader), the request fails, the integrity check fails, or the
 * file did not define what it should.
 */
export function loadChunk<T>({ file, integrity }: ChunkFile, global: string, scriptUrl: (url: string) => unknown = String): Promise<T> {
  return new Promise((resolve, reject) => {
    let base = loaderScript?.src
    // Said in every build: it is the fix, and a page that inlines the loader shows it in production first.
    if (!base) return reject(new Error(`charto: cannot find ${file}: load charto with <script src>, or use dist/charto.single-file.global.js`))
    let url = new URL(file, base).href
    let script = document.createElement('script')
    let fail = () => {
      script.remove()
      reject(new Error(`charto: ${url} did not load${isDevelopment ? ' (missing, or not the file this loader was built with)' : ''}`))
    }
    script.integrity = integrity
    // Integrity needs a CORS fetch for a chunk on another origin (a CDN); same-origin it changes nothing.
    script.crossOrigin = 'anonymous'
    // A page with a nonce-based CSP allowed the loader with its nonce: its chunks carry the same one.
    script.nonce = loaderScript!.nonce
    script.onload = () => {
      let exported = (self as any)[global] as T | undefined
      exported ? resolve(exported) : fail()
    }
    script.onerror = fail
    let trusted = attempt(() => scriptUrl(url))
    if (trusted == null) return reject(new Error(`charto: ${url} was refused by Trusted Types`))
    script.src = trusted as string
    document.head.append(script)
  })
}
