// @vitest-environment node
// The module runs in Node while Nuxt builds.
import { describe, expect, it, vi } from 'vitest'
import { existsSync } from 'node:fs'
import chartoModule, { type NuxtForCharto } from './module.js'

/** A build-time Nuxt instance with only what the module touches. */
function fakeNuxt(charto?: NuxtForCharto['options']['charto']) {
  let hooks: Record<string, (types: { declarations: string[] }) => void> = {}
  let nuxt: NuxtForCharto = {
    options: { charto, plugins: [], runtimeConfig: { public: { other: 1 } } },
    hook: (name, callback) => (hooks[name] = callback)
  }
  return { nuxt, hooks }
}

describe('charto/nuxt', () => {
  it('is a Nuxt module with the charto config key', async () => {
    expect(typeof chartoModule).toBe('function')
    expect(chartoModule.meta).toEqual({ name: 'charto', configKey: 'charto' })
    expect(await chartoModule.getMeta()).toEqual({ name: 'charto', configKey: 'charto' })
  })

  it('registers one client-only plugin and hands it the options in the public runtime config', () => {
    let { nuxt } = fakeNuxt({ privacyPolicyUrl: '/privacy', services: { ga4: { category: 'performance' } } })
    chartoModule({}, nuxt)
    expect(nuxt.options.plugins).toHaveLength(1)
    let [plugin] = nuxt.options.plugins as Array<{ src: string; mode: string }>
    expect(plugin.mode).toBe('client')
    expect(plugin.src).toMatch(/nuxt-plugin\.js$/)
    expect(existsSync(plugin.src.replace(/nuxt-plugin\.js$/, 'plugin.ts'))).toBe(true)
    expect(nuxt.options.runtimeConfig.public).toEqual({
      other: 1,
      charto: { privacyPolicyUrl: '/privacy', services: { ga4: { category: 'performance' } } }
    })
  })

  it('lets the options in `modules` override those of the charto key', async () => {
    let { nuxt } = fakeNuxt({ privacyPolicyUrl: '/privacy', mode: 'opt-in' })
    chartoModule({ privacyPolicyUrl: '/datenschutz' }, nuxt)
    expect(nuxt.options.runtimeConfig.public!.charto).toEqual({ privacyPolicyUrl: '/datenschutz', mode: 'opt-in' })
    expect(await chartoModule.getOptions({ privacyPolicyUrl: '/x' }, nuxt)).toEqual({ privacyPolicyUrl: '/x', mode: 'opt-in' })
  })

  it('works with no options at all', () => {
    let { nuxt } = fakeNuxt()
    chartoModule({}, nuxt)
    expect(nuxt.options.runtimeConfig.public!.charto).toEqual({})
  })

  it('types $charto for the app', () => {
    let { nuxt, hooks } = fakeNuxt()
    chartoModule({}, nuxt)
    let declarations: string[] = []
    hooks['prepare:types']({ declarations })
    expect(declarations.join('\n')).toContain("$charto: import('charto').UiManager")
  })

  it('names a callback in the options, which cannot reach the browser, and leaves it out', () => {
    let warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let { nuxt } = fakeNuxt({ privacyPolicyUrl: '/privacy', onAccept: () => {} } as never)
    chartoModule({}, nuxt)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0][0])).toMatch(/charto\.onAccept.*\$charto\.on\(/)
    expect(nuxt.options.runtimeConfig.public!.charto).toEqual({ privacyPolicyUrl: '/privacy' })
    warn.mockRestore()
  })
})
