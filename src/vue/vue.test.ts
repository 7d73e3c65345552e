import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, createSSRApp, defineComponent, h, nextTick, ref, type App } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createConsent, type ConsentManager } from '../core/consent.js'
import { ChartoPlugin, Consent, createCharto, provideCharto, useConsent, useConsentManager, useIsGranted } from './index.js'

const config = { services: { youtube: { category: 'functional' } } }

let container: HTMLElement
let app: App | undefined
let managers: ConsentManager[] = []
const manager = () => {
  let m = createConsent(config)
  managers.push(m)
  return m
}

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
})
afterEach(() => {
  app?.unmount()
  app = undefined
  for (let m of managers.splice(0)) {
    m.reset()
    m.destroy()
  }
  container.remove()
})

const Status = defineComponent(() => {
  let state = useConsent()
  return () => h('p', `${state.value.decided ? state.value.method : 'undecided'} marketing=${state.value.categories.marketing}`)
})
const Gate = () =>
  h(Consent, { category: 'marketing' }, { default: () => h('b', 'content'), fallback: () => h('i', 'fallback') })

describe('charto/vue', () => {
  it('<Consent> renders the fallback slot until the category is granted, and again after rejection', async () => {
    let m = manager()
    app = createApp({ render: () => [h(Status), h(Gate)] }).use(ChartoPlugin, m)
    app.mount(container)
    expect(container.innerHTML).toBe('<p>undecided marketing=false</p><i>fallback</i>')
    m.acceptAll()
    await nextTick()
    expect(container.innerHTML).toBe('<p>accept-all marketing=true</p><b>content</b>')
    m.rejectAll()
    await nextTick()
    expect(container.innerHTML).toBe('<p>reject-all marketing=false</p><i>fallback</i>')
  })

  it('useIsGranted() takes a ref or getter and answers for services; <Consent service> wins over category', async () => {
    let m = manager()
    let name = ref('youtube')
    app = createApp({
      setup() {
        let granted = useIsGranted(name)
        return () => [
          h('span', String(granted.value)),
          h(Consent, { service: 'youtube', category: 'marketing' }, { default: () => 'video' })
        ]
      }
    }).use(ChartoPlugin, { manager: m })
    app.mount(container)
    expect(container.textContent).toBe('false')
    m.setConsent({ youtube: true })
    await nextTick()
    expect(container.textContent).toBe('truevideo')
    name.value = 'marketing'
    await nextTick()
    expect(container.textContent).toBe('falsevideo')
  })

  it('with { config } the plugin creates the manager when the app mounts and destroys it on unmount', async () => {
    let seen: ConsentManager | null = null
    let ready = vi.fn()
    app = createApp({
      setup() {
        let managerRef = useConsentManager()
        return () => ((seen = managerRef.value), h(Status))
      }
    }).use(createCharto({ config, extensions: [({ manager }) => void manager.on('ready', ready)] }))
    app.mount(container)
    await nextTick()
    expect(ready).toHaveBeenCalledTimes(1)
    expect(seen).not.toBeNull()
    seen!.acceptAll()
    await nextTick()
    expect(container.textContent).toBe('accept-all marketing=true')
    let destroy = vi.spyOn(seen!, 'destroy')
    app.unmount()
    app = undefined
    expect(destroy).toHaveBeenCalledTimes(1)
    manager().reset()
  })

  it('provideCharto() in a component ties the manager to that component', async () => {
    let m = manager()
    let show = ref(true)
    let Provider = defineComponent((_, { slots }) => {
      provideCharto(m)
      return () => slots.default?.()
    })
    let off = vi.spyOn(m, 'on')
    app = createApp({ render: () => (show.value ? h(Provider, null, { default: () => h(Status) }) : null) })
    app.mount(container)
    m.setConsent({ marketing: true })
    await nextTick()
    expect(container.textContent).toBe('api marketing=true')
    expect(off).toHaveBeenCalledWith('change', expect.any(Function))
    show.value = false
    await nextTick()
    expect(container.textContent).toBe('')
  })

  it('hydrates server markup (undecided) without a mismatch, then shows the stored decision', async () => {
    manager().acceptAll()
    let root = { render: () => [h(Status), h(Gate)] }
    container.innerHTML = await renderToString(createSSRApp(root).use(ChartoPlugin, { config }))
    expect(container.textContent).toBe('undecided marketing=falsefallback')
    let warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    app = createSSRApp(root).use(ChartoPlugin, manager())
    app.mount(container)
    expect(warn).not.toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
    warn.mockRestore()
    error.mockRestore()
    await nextTick()
    expect(container.textContent).toBe('accept-all marketing=truecontent')
  })

  it('explains a missing plugin, missing options and a gate without a name', () => {
    // First: a setup() that throws leaves Vue's current instance set for the rest of the test.
    expect(() => provideCharto(manager())).toThrow(/inside setup\(\)/)
    let warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let mountAlone = (component: any) => createApp(component).mount(document.createElement('div'))
    expect(() => mountAlone(Status)).toThrow(/useConsent\(\) needs app.use\(ChartoPlugin/)
    expect(() => createApp({ render: () => null }).use(ChartoPlugin, {} as any)).toThrow(/pass a consent manager/)
    expect(() => createApp({ render: () => null }).use(ChartoPlugin, { config: { revision: -1 } })).toThrow(/revision: must be a whole number/)
    expect(() => createApp({ render: () => h(Consent) }).use(ChartoPlugin, manager()).mount(document.createElement('div'))).toThrow(
      /needs a `category` or a `service`/
    )
    warn.mockRestore()
  })
})
