// Records every read of a browser global during a test, to prove server rendering touches none (SSR safety).
import { afterEach, beforeEach } from 'vitest'

const GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'BroadcastChannel', 'dispatchEvent', 'addEventListener']

/** Installs the trap around each test of the calling file; returns the list of globals read so far. */
export function trapBrowserGlobals(): string[] {
  let touched: string[] = []
  let saved: Record<string, PropertyDescriptor | undefined> = {}
  beforeEach(() => {
    touched.length = 0
    for (let name of GLOBALS) {
      saved[name] = Object.getOwnPropertyDescriptor(globalThis, name)
      Object.defineProperty(globalThis, name, { configurable: true, get: () => (touched.push(name), undefined) })
    }
  })
  afterEach(() => {
    for (let name of GLOBALS) {
      if (saved[name]) Object.defineProperty(globalThis, name, saved[name]!)
      else delete (globalThis as any)[name]
    }
  })
  return touched
}
