import { afterEach, expect, it } from 'vitest'
import { createConsent } from '../core/consent.js'
import { resolveConfig } from '../core/config.js'
import type { ChartoConfig } from '../core/types.js'
import { ui, type UiManager } from './index.js'
import { dialogTexts } from './texts.js'
import de from './i18n/de.js'

let manager: UiManager | undefined
afterEach(() => {
  manager?.destroy()
  document.body.innerHTML = ''
})

// What `charto declaration` prints is what the preferences centre shows: the two read the same texts.
it.each([['en'], ['de']])('gives the labels and descriptions the preferences centre shows (%s)', (language) => {
  let config: ChartoConfig = {
    language,
    categories: { performance: { label: 'Analytics', description: 'Counts visits.' }, videos: { label: 'Videos', description: 'Embedded players.' } },
    services: { ga4: { category: 'performance', label: 'Google Analytics' }, youtube: { category: 'videos' } },
    translations: { de, en: { categories: { marketing: { description: 'Ads [and more](/ads).' } }, services: { youtube: { label: 'YouTube' } } } }
  }
  manager = createConsent(config, [ui]) as UiManager
  manager.showPreferences()
  let root = document.querySelector('charto-ui')!.shadowRoot!
  let shown = (id: string) => ({
    label: root.querySelector(`[aria-describedby="d-${id}"]`)!.parentElement!.textContent,
    description: root.querySelector(`#d-${id}`)!.textContent
  })
  let texts = dialogTexts(resolveConfig(config), language)
  for (let id of ['necessary', 'functional', 'performance', 'marketing', 'videos']) {
    expect(shown(id)).toEqual({ label: texts.categories[id].label, description: texts.categories[id].description!.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1') })
  }
  for (let id of ['ga4', 'youtube']) expect(shown(id).label).toBe(texts.services[id].label)
  expect(texts.categories.performance.label).toBe(language == 'de' ? 'Statistik' : 'Analytics')
})
