// @vitest-environment-options {"url":"http://www.charto.test/","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
// The "charto" Trusted Types policy, with a stand-in for the browser's trustedTypes: the policy lives once per page, so
// each test imports the blocker afresh. Real enforcement is proven in test/browser/attacks-gating.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'

type Rules = { createScript(value: string): string; createScriptURL(value: string): string }

let fresh = async () => {
  vi.resetModules()
  let { createConsent } = await import('../core/consent.js')
  let { blocker } = await import('./index.js')
  let errors: unknown[] = []
  let manager = createConsent({ services: { ga4: { category: 'performance', scripts: [{ src: 'https://tracker.test/config.js' }] } } }, [
    ({ manager }) => void manager.on('error', (error) => errors.push(error)),
    blocker
  ])
  return { manager, errors }
}
let held = (text: string) => {
  let script = document.createElement('script')
  script.type = 'text/plain'
  script.dataset.category = 'performance'
  script.textContent = text
  document.body.append(script)
}
let tick = () => new Promise((resolve) => setTimeout(resolve, 5))

beforeEach(() => {
  ;(window as any).log = []
  document.head.innerHTML = document.body.innerHTML = ''
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
})
afterEach(() => vi.unstubAllGlobals())

describe('the "charto" Trusted Types policy', () => {
  it('passes only what charto itself is reviving or loading, so no other code can use it as a gadget', async () => {
    let rules: Rules | undefined
    let created: string[] = []
    vi.stubGlobal('trustedTypes', {
      createPolicy: (name: string, given: Rules) => {
        rules = given
        return { createScript: (value: string) => (created.push(value), given.createScript(value)), createScriptURL: (value: string) => (created.push(value), given.createScriptURL(value)) }
      }
    })
    held('log.push("held")')
    let { manager, errors } = await fresh()
    manager.acceptAll()
    await tick()
    expect((window as any).log).toEqual(['held'])
    expect(created).toContain('log.push("held")')
    expect(errors).toEqual([])
    // Anything else handed to the policy is refused.
    expect(() => rules!.createScript('alert(1)')).toThrow()
    expect(() => rules!.createScriptURL('https://evil.test/x.js')).toThrow()
    manager.destroy()
  })

  it('where the page does not allow it, is asked for once, and what cannot load without it is reported', async () => {
    let createPolicy = vi.fn(() => {
      throw new TypeError('Policy "charto" disallowed.')
    })
    vi.stubGlobal('trustedTypes', { createPolicy })
    // Enforcement: a script's text or src given as a plain string throws.
    let text = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'text')!
    let setAttribute = Element.prototype.setAttribute
    Object.defineProperty(HTMLScriptElement.prototype, 'text', {
      ...text,
      set() {
        throw new TypeError('This document requires TrustedScript assignment.')
      }
    })
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (this.localName == 'script' && name == 'src') throw new TypeError('This document requires TrustedScriptURL assignment.')
      return setAttribute.call(this, name, value)
    }
    try {
      held('log.push("one")')
      held('log.push("two")')
      let { manager, errors } = await fresh()
      // The configured script could not even be held: said so at once.
      expect(errors).toHaveLength(1)
      manager.acceptAll()
      await tick()
      expect((window as any).log).toEqual([])
      expect(errors).toHaveLength(3)
      expect(createPolicy).toHaveBeenCalledOnce()
      manager.destroy()
    } finally {
      Object.defineProperty(HTMLScriptElement.prototype, 'text', text)
      Element.prototype.setAttribute = setAttribute
    }
  })
})
