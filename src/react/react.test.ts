import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createElement as h, act, StrictMode, type ReactNode } from 'react'
import { createRoot, hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { createConsent, type ConsentManager } from '../core/consent.js'
import { ChartoProvider, Consent, useConsent, useConsentManager, useIsGranted } from './index.js'

;(globalThis as any).IS_REACT_ACT_ENVIRONMENT = true

const config = {
  services: {
    youtube: { category: 'functional' },
    pixel: { category: 'marketing' }
  }
}

let container: HTMLElement
let root: Root | undefined
let managers: ConsentManager[] = []

const manager = () => {
  let m = createConsent(config)
  managers.push(m)
  return m
}
const render = async (node: ReactNode) => {
  root = createRoot(container)
  await act(async () => root!.render(node))
}

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
})
afterEach(async () => {
  if (root) await act(async () => root!.unmount())
  root = undefined
  for (let m of managers.splice(0)) {
    m.reset()
    m.destroy()
  }
  container.remove()
})

function Status() {
  let state = useConsent()
  return h('p', { id: 'status' }, `${state.decided ? state.method : 'undecided'} marketing=${state.categories.marketing}`)
}
const text = () => container.textContent

describe('charto/react', () => {
  it('<Consent> shows the fallback until the category is granted, and again after rejection', async () => {
    let m = manager()
    await render(
      h(ChartoProvider, { manager: m }, h(Consent, { category: 'marketing', fallback: h('i', null, 'fallback') }, h('b', null, 'content')))
    )
    expect(container.innerHTML).toBe('<i>fallback</i>')
    await act(async () => m.acceptAll())
    expect(container.innerHTML).toBe('<b>content</b>')
    await act(async () => m.rejectAll())
    expect(container.innerHTML).toBe('<i>fallback</i>')
  })

  it('useConsent() follows every change of decision with a stable snapshot', async () => {
    let m = manager()
    let renders = 0
    function Counter() {
      renders++
      return h(Status)
    }
    await render(h(StrictMode, null, h(ChartoProvider, { manager: m }, h(Counter))))
    expect(text()).toBe('undecided marketing=false')
    let before = renders
    await act(async () => m.setConsent({ marketing: true }))
    expect(text()).toBe('api marketing=true')
    // One render per change (two in StrictMode): no loop from a snapshot that is not cached.
    expect(renders - before).toBeLessThanOrEqual(2)
    await act(async () => m.reset())
    expect(text()).toBe('undecided marketing=false')
  })

  it('useIsGranted() answers for services too; a service decision wins over its category', async () => {
    let m = manager()
    function Probe() {
      return h('span', null, `${useIsGranted('youtube')} ${useIsGranted('functional')} ${useIsGranted('nope')}`)
    }
    await render(h(ChartoProvider, { manager: m }, h(Probe)))
    expect(text()).toBe('false false false')
    await act(async () => m.setConsent({ youtube: true }))
    expect(text()).toBe('true false false')
    await act(async () => m.acceptAll())
    expect(text()).toBe('true true false')
  })

  it('<Consent service> uses the service state, and without a fallback renders nothing', async () => {
    let m = manager()
    await render(h(ChartoProvider, { manager: m }, h(Consent, { service: 'youtube', category: 'marketing' }, 'video')))
    expect(container.innerHTML).toBe('')
    await act(async () => m.setConsent({ youtube: true }))
    expect(text()).toBe('video')
  })

  it('with `config` the provider creates the manager after mounting and destroys it on unmount', async () => {
    let seen: (ConsentManager | null)[] = []
    function Grab() {
      seen.push(useConsentManager())
      return h(Status)
    }
    let ready = vi.fn()
    await render(h(ChartoProvider, { config, extensions: [({ manager }) => void manager.on('ready', ready)] }, h(Grab)))
    expect(seen[0]).toBeNull()
    let created = seen.at(-1)!
    expect(created).not.toBeNull()
    expect(ready).toHaveBeenCalledTimes(1)
    await act(async () => created.acceptAll())
    expect(text()).toBe('accept-all marketing=true')
    let destroy = vi.spyOn(created, 'destroy')
    await act(async () => root!.unmount())
    root = undefined
    expect(destroy).toHaveBeenCalledTimes(1)
    manager().reset() // a destroyed manager cannot reset (its tab channel is closed)
  })

  it('a returning visitor is rendered with the stored decision on the client', async () => {
    manager().acceptAll()
    await render(h(ChartoProvider, { manager: manager() }, h(Status)))
    expect(text()).toBe('accept-all marketing=true')
  })

  it('hydrates server markup (undecided) without a mismatch, then shows the stored decision', async () => {
    manager().acceptAll()
    let app = (props: { manager?: ConsentManager }) =>
      h(ChartoProvider, props.manager ? { manager: props.manager } : { config }, h(Status), h(Consent, { category: 'marketing', fallback: 'no' }, 'yes'))
    container.innerHTML = renderToString(app({}))
    expect(text()).toBe('undecided marketing=falseno')
    let errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    let recoverable = vi.fn()
    await act(async () => {
      root = hydrateRoot(container, app({ manager: manager() }), { onRecoverableError: recoverable })
    })
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
    expect(text()).toBe('accept-all marketing=trueyes')
  })

  it('explains a missing provider, a provider without manager or config, and a gate without a name', async () => {
    let errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderToString(h(Status))).toThrow(/useConsent\(\) must be used inside <ChartoProvider>/)
    expect(() => renderToString(h(ChartoProvider, {}))).toThrow(/needs a `manager` or a `config`/)
    expect(() => renderToString(h(ChartoProvider, { config }, h(Consent, {})))).toThrow(/needs a `category` or a `service`/)
    expect(() => renderToString(h(ChartoProvider, { config: { mode: 'sometimes' } as any }))).toThrow(/mode: must be one of/)
    errors.mockRestore()
  })
})
