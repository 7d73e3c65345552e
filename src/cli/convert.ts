// `charto convert --from vanilla-cookieconsent|klaro|orejime <file>`: another library's configuration, mapped to
// charto's where the mapping is mechanical. What needs a judgement is left out and said in a note naming the option.
import { readFile, writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs, types } from 'node:util'
import { runInNewContext } from 'node:vm'
import { resolveConfig } from '../core/config.js'
import type { CategoryConfig, ChartoConfig, ServiceConfig } from '../core/types.js'
import { UsageError, type Io } from './io.js'
import { SYNONYMS } from './validate.js'

export const SOURCES = ['vanilla-cookieconsent', 'klaro', 'orejime'] as const
export type SourceLibrary = (typeof SOURCES)[number]

export interface Conversion {
  config: ChartoConfig
  /** What did not carry over, or changed meaning: `path: what to do`, the path in the source configuration. */
  notes: string[]
}

export const CONVERT_HELP = `charto convert --from vanilla-cookieconsent|klaro|orejime <file> [--out file]
    Prints the charto configuration (JSON) that another library's configuration maps to, and on stderr a note for
    each option that needs your judgement. <file> is JSON, a JavaScript module, or a script that sets
    window.klaroConfig / window.orejimeConfig or calls CookieConsent.run(...).
    Exit 0 when converted, 1 when the file holds no configuration of that library, 2 on usage errors.
`

type Source = Record<string, any>

const DEFAULT_CATEGORIES = ['necessary', 'performance', 'marketing', 'functional']
const ID = /^[A-Za-z][\w-]*$/
const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]+$/
const SAME_SITE = ['Lax', 'Strict', 'None'] as const

const isObject = (value: unknown): value is Source => typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

/** An id charto accepts: letters, digits, `_` and `-`, starting with a letter. */
function toId(name: string): string {
  let id = name
    .trim()
    .replace(/[^\w-]+/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/-+$/, '')
  return ID.test(id) ? id : 'id-' + name.replace(/[^\w-]+/g, '')
}

/** Category names other tools use (analytics, advertising…) become charto's default categories. */
function toCategoryId(name: string): string {
  let key = name.trim().toLowerCase().replace(/[\s-]+/g, '_')
  if (DEFAULT_CATEGORIES.includes(key)) return key
  if (key === 'analytical' || key === 'statistic') return 'performance'
  if (key === 'marketing' || key === 'advertisement') return 'marketing'
  return SYNONYMS[key] || toId(name)
}

/**
 * A cookie as charto writes it: a name, or a regular expression as a `"/regex/flags"` string. Klaro and Orejime also
 * take `[name, path, domain]`, vanilla-cookieconsent `{ name, path, domain }`; charto clears every path and domain
 * variant by itself, so only the name carries over.
 */
function toCookie(value: unknown): string | undefined {
  if (Array.isArray(value)) return toCookie(value[0])
  if (isObject(value) && !types.isRegExp(value)) return toCookie(value.name)
  if (types.isRegExp(value)) return `/${value.source}/${value.flags.replace(/[^imsu]/g, '')}`
  if (typeof value === 'string' && COOKIE_NAME.test(value)) return value
  return undefined
}

function toCookies(values: unknown, path: string, notes: string[]): string[] {
  let cookies: string[] = []
  list(values).forEach((value, index) => {
    let cookie = toCookie(value)
    if (cookie) cookies.push(cookie)
    else notes.push(`${path}[${index}]: not a cookie name or a regular expression; declare it by hand`)
  })
  return cookies
}

/**
 * Text as charto shows it: never HTML. Links become `[label](url)`; other tags are dropped, with a note, so that the
 * wording can be checked.
 */
function toText(value: unknown, path: string, notes: string[]): string | undefined {
  if (!isText(value)) return undefined
  let text = value.replace(/<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (_, url, label) => `[${label.replace(/<[^>]*>/g, '')}](${url})`)
  let plain = text.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '')
  if (plain !== text) notes.push(`${path}: HTML tags were removed (charto texts are text; links are kept as [label](url))`)
  return plain.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()
}

/** Keeps the keys whose values are set, so the output holds only what the source said. */
function compact<T extends Source>(object: T): T {
  for (let key of Object.keys(object)) if (object[key] === undefined || (isObject(object[key]) && !Object.keys(object[key]).length)) delete object[key]
  return object
}

const lifetime = (days: unknown, path: string, notes: string[]) => {
  if (typeof days !== 'number' || !Number.isFinite(days)) {
    if (days !== undefined) notes.push(`${path}: not a number of days; consentLifetimeDays keeps its default (180)`)
    return undefined
  }
  let bounded = Math.min(3650, Math.max(1, Math.round(days)))
  if (bounded !== days) notes.push(`${path}: ${days} days is outside 1 to 3650; consentLifetimeDays is ${bounded}`)
  return bounded
}

const functionNote = (source: Source, keys: string[], path: string, notes: string[], instead: string) => {
  for (let key of keys) if (typeof source[key] === 'function') notes.push(`${path}${key}: functions do not carry over into JSON; ${instead}`)
}

// vanilla-cookieconsent 3 ---------------------------------------------------------------------------------------------

const VANILLA_BANNER: Record<string, string> = { title: 'title', description: 'description', acceptAllBtn: 'acceptAll', acceptNecessaryBtn: 'rejectAll', showPreferencesBtn: 'preferences' }
const VANILLA_PREFERENCES: Record<string, string> = { title: 'title', acceptAllBtn: 'acceptAll', acceptNecessaryBtn: 'rejectAll', savePreferencesBtn: 'save', closeIconLabel: 'close' }

function texts(source: unknown, keys: Record<string, string>, path: string, notes: string[]): Source {
  let result: Source = {}
  if (!isObject(source)) return result
  for (let [from, to] of Object.entries(keys)) result[to] = toText(source[from], `${path}.${from}`, notes)
  return compact(result)
}

function fromVanillaCookieConsent(source: Source, notes: string[]): ChartoConfig {
  if (!isObject(source.categories)) throw new UsageError('not a vanilla-cookieconsent configuration: it has no "categories" object')
  let config: ChartoConfig = {}
  let categories: Record<string, CategoryConfig> = {}
  let services: Record<string, ServiceConfig> = {}
  if (source.mode === 'opt-in' || source.mode === 'opt-out') config.mode = source.mode
  if (Number.isInteger(source.revision) && source.revision > 0) config.revision = source.revision

  let cookie = isObject(source.cookie) ? source.cookie : {}
  config.cookie = compact({
    name: isText(cookie.name) ? cookie.name : undefined,
    domain: isText(cookie.domain) ? cookie.domain : undefined,
    path: isText(cookie.path) ? cookie.path : undefined,
    sameSite: SAME_SITE.find((value) => value === cookie.sameSite),
    secure: typeof cookie.secure === 'boolean' ? cookie.secure : undefined
  })
  if (typeof cookie.expiresAfterDays === 'function') notes.push('cookie.expiresAfterDays: a function (a shorter life for refusals) has no equivalent; refusals last as long as grants')
  else config.consentLifetimeDays = lifetime(cookie.expiresAfterDays, 'cookie.expiresAfterDays', notes)
  if (cookie.useLocalStorage === true) config.storage = 'localStorage'

  let modal = isObject(source.guiOptions?.consentModal) ? source.guiOptions.consentModal : {}
  let [layout] = String(modal.layout || '').split(' ')
  let [vertical, horizontal] = String(modal.position || '').split(' ')
  let ui: Source = {}
  if (layout === 'bar') ui.layout = 'bar'
  else if (layout === 'box' || layout === 'cloud') {
    ui.layout = 'box'
    if (layout === 'cloud') notes.push('guiOptions.consentModal.layout: "cloud" is shown as charto\'s "box"')
  }
  if (vertical === 'top' || vertical === 'bottom') ui.position = vertical + (horizontal === 'left' && ui.layout !== 'bar' ? '-left' : '')
  else if (vertical === 'middle') notes.push('guiOptions.consentModal.position: "middle" has no equivalent; use ui.layout "modal" for a centred dialog')
  if (source.disablePageInteraction === true) ui.layout = 'modal'
  config.ui = compact(ui)
  if (source.hideFromBots !== undefined) notes.push('hideFromBots: charto never hides the banner from automation')

  for (let [name, category] of Object.entries<Source>(source.categories)) {
    let id = toCategoryId(name)
    if (id !== name) notes.push(`categories.${name}: now the "${id}" category; change data-category="${name}" in your markup`)
    let path = `categories.${name}`
    let entry: CategoryConfig = {}
    if (isObject(category)) {
      if (category.readOnly === true && id !== 'necessary') entry.required = true
      if (category.enabled === true && category.readOnly !== true) notes.push(`${path}.enabled: categories are never pre-selected in opt-in mode; use mode "opt-out" where the law allows it`)
      let cookies = toCookies(category.autoClear?.cookies, `${path}.autoClear.cookies`, notes)
      if (cookies.length) entry.cookies = cookies
      if (category.autoClear?.reloadPage === true) config.reloadOnRevoke = true
      for (let [serviceName, service] of Object.entries<Source>(isObject(category.services) ? category.services : {})) {
        let serviceId = toId(serviceName)
        if (serviceId !== serviceName) notes.push(`${path}.services.${serviceName}: now the "${serviceId}" service; change data-service in your markup`)
        let servicePath = `${path}.services.${serviceName}`
        functionNote(service, ['onAccept', 'onReject'], servicePath + '.', notes, 'pass them to Charto.init or createConsent in code')
        let serviceCookies = toCookies(service.cookies, `${servicePath}.cookies`, notes)
        services[serviceId] = compact({
          category: id,
          label: toText(service.label, `${servicePath}.label`, notes),
          cookies: serviceCookies.length ? serviceCookies : undefined
        }) as ServiceConfig
      }
    }
    categories[id] = entry
  }

  let translations: Source = {}
  let language = isObject(source.language) ? source.language : {}
  for (let [code, translation] of Object.entries<unknown>(isObject(language.translations) ? language.translations : {})) {
    if (!isObject(translation)) {
      notes.push(`language.translations.${code}: translations loaded from a URL or a function are not read; copy the texts in`)
      continue
    }
    let path = `language.translations.${code}`
    let sections = list(translation.preferencesModal?.sections)
    for (let [index, section] of sections.entries()) {
      if (!isObject(section) || !isText(section.linkedCategory)) continue
      let id = toCategoryId(section.linkedCategory)
      let sectionTexts = compact({
        label: toText(section.title, `${path}.preferencesModal.sections[${index}].title`, notes),
        description: toText(section.description, `${path}.preferencesModal.sections[${index}].description`, notes)
      })
      if (code === (language.default || 'en')) Object.assign((categories[id] ||= {}), sectionTexts)
      else ((translations[code] ||= {}).categories ||= {})[id] = sectionTexts
    }
    let banner = texts(translation.consentModal, VANILLA_BANNER, `${path}.consentModal`, notes)
    let preferences = texts(translation.preferencesModal, VANILLA_PREFERENCES, `${path}.preferencesModal`, notes)
    translations[code] = compact({ ...translations[code], banner, preferences })
  }
  config.translations = compact(translations)
  if (language.autoDetect === 'document' || language.autoDetect === 'browser') config.language = 'auto'
  else if (isText(language.default) && language.default !== 'en') config.language = language.default
  let codes = Object.keys(translations).filter((code) => code !== 'en')
  if (codes.length) notes.push(`language.translations: load charto's built-in ${codes.join(', ')} too (charto/i18n/<code>, or dist/i18n/<code>.global.js before the loader), so that texts you did not override are translated`)
  functionNote(source, ['onFirstConsent', 'onConsent', 'onChange', 'onModalShow', 'onModalHide'], '', notes, "use consent.on('consent' | 'change' | 'show' | 'hide') in code")

  config.categories = categories
  config.services = services
  return compact(config as Source)
}

// Klaro (and Orejime 2, which derives from it) ------------------------------------------------------------------------

/** Klaro's texts for the default language (`zz` holds the texts every language shares). */
const klaroTexts = (source: Source) => ({ ...(isObject(source.translations?.zz) && source.translations.zz), ...(isObject(source.translations?.en) && source.translations.en) })

function fromKlaro(source: Source, notes: string[], library = 'klaro'): ChartoConfig {
  let key = Array.isArray(source.services) ? 'services' : 'apps'
  if (!Array.isArray(source[key])) throw new UsageError(`not a ${library} configuration: it has no "services" (or "apps") list`)
  let config: ChartoConfig = {}
  let categories: Record<string, CategoryConfig> = {}
  let services: Record<string, ServiceConfig> = {}
  let shared = klaroTexts(source)
  let purposeTexts: Source = isObject(shared.purposes) ? shared.purposes : {}

  let categoryFor = (purpose: string) => {
    let id = toCategoryId(purpose)
    if (!categories[id]) {
      let given = purposeTexts[purpose]
      categories[id] = compact({
        label: toText(isObject(given) ? given.title : given, `translations.en.purposes.${purpose}`, notes),
        description: isObject(given) ? toText(given.description, `translations.en.purposes.${purpose}.description`, notes) : undefined
      })
      if (id !== purpose) notes.push(`purposes "${purpose}": now the "${id}" category`)
    }
    return id
  }

  source[key].forEach((service: unknown, index: number) => {
    let path = `${key}[${index}]`
    if (!isObject(service) || !isText(service.name)) return notes.push(`${path}: has no name; left out`)
    let id = toId(service.name)
    if (id !== service.name) notes.push(`${path}.name: "${service.name}" is now the "${id}" service; change data-name="${service.name}" to data-service="${id}"`)
    let purposes = list(service.purposes).filter(isText)
    let category = service.required === true ? 'necessary' : purposes.length ? categoryFor(purposes[0]) : 'functional'
    if (service.required === true && purposes.length) notes.push(`${path}.required: a required service belongs to the necessary category here`)
    else if (!purposes.length) notes.push(`${path}.purposes: none given; the service is in the functional category`)
    if (purposes.length > 1 && service.required !== true) notes.push(`${path}.purposes: a charto service follows one category; it follows "${category}"`)
    if (service.default === true && service.required !== true) notes.push(`${path}.default: services are never pre-selected in opt-in mode`)
    if (service.optOut === true) notes.push(`${path}.optOut: charto has no per-service opt-out; use mode "opt-out" where the law allows it`)
    functionNote(service, ['callback', 'onAccept', 'onDecline', 'onInit'], path + '.', notes, "use onAccept/onReject in code, or consent.on('change')")
    let serviceTexts = isObject(shared[service.name]) ? shared[service.name] : {}
    let cookies = toCookies(service.cookies, `${path}.cookies`, notes)
    services[id] = compact({
      category,
      label: toText(service.title ?? serviceTexts.title, `${path}.title`, notes),
      description: toText(service.description ?? serviceTexts.description, `${path}.description`, notes),
      cookies: cookies.length ? cookies : undefined
    }) as ServiceConfig
  })

  config.cookie = compact({
    name: isText(source.cookieName ?? source.storageName) ? source.cookieName ?? source.storageName : undefined,
    domain: isText(source.cookieDomain) ? source.cookieDomain : undefined,
    path: isText(source.cookiePath) ? source.cookiePath : undefined
  })
  config.consentLifetimeDays = lifetime(source.cookieExpiresAfterDays, 'cookieExpiresAfterDays', notes)
  if (source.storageMethod === 'localStorage') config.storage = 'localStorage'
  let policy = isObject(source.privacyPolicy) ? source.privacyPolicy.default ?? source.privacyPolicy.en : source.privacyPolicy ?? shared.privacyPolicyUrl
  if (isText(policy)) config.privacyPolicyUrl = policy
  if (source.mustConsent === true) config.ui = { layout: 'modal' }
  if (source.default === true) notes.push('default: services are never pre-selected in opt-in mode; use mode "opt-out" where the law allows it')
  if (source.hideDeclineAll === true || source.acceptAll === false) notes.push('acceptAll, hideDeclineAll: charto always offers Accept all and Reject all, equally prominent')

  let banner = compact({
    title: toText(shared.consentNotice?.title, 'translations.en.consentNotice.title', notes),
    description: toText(shared.consentNotice?.description, 'translations.en.consentNotice.description', notes)
  })
  let preferences = compact({
    title: toText(shared.consentModal?.title, 'translations.en.consentModal.title', notes),
    description: toText(shared.consentModal?.description, 'translations.en.consentModal.description', notes)
  })
  config.translations = compact({ en: compact({ banner, preferences }) })
  let others = Object.keys(isObject(source.translations) ? source.translations : {}).filter((code) => code !== 'zz' && code !== 'en')
  if (others.length) notes.push(`translations: the ${others.join(', ')} texts are not converted; start from charto's built-in ones (charto/i18n/<code>)`)
  if (/\{purposes\}|\{privacyPolicy\}/.test(JSON.stringify(config.translations))) notes.push('translations: {purposes} and {privacyPolicy} placeholders are not charto\'s; rewrite those sentences')

  config.categories = categories
  config.services = services
  return compact(config as Source)
}

// Orejime 3 -----------------------------------------------------------------------------------------------------------

const OREJIME_BANNER: Record<string, string> = { title: 'title', description: 'description', accept: 'acceptAll', decline: 'rejectAll', configure: 'preferences' }
const OREJIME_PREFERENCES: Record<string, string> = { title: 'title', description: 'description', acceptAll: 'acceptAll', declineAll: 'rejectAll', save: 'save', closeTitle: 'close' }

function fromOrejime(source: Source, notes: string[]): ChartoConfig {
  if (Array.isArray(source.apps)) {
    notes.push('apps: an Orejime 2 configuration, read with Klaro\'s rules (Orejime 2 derives from Klaro)')
    return fromKlaro(source, notes, 'orejime')
  }
  if (!Array.isArray(source.purposes)) throw new UsageError('not an orejime configuration: it has no "purposes" list')
  let config: ChartoConfig = {}
  let categories: Record<string, CategoryConfig> = {}
  let services: Record<string, ServiceConfig> = {}

  let addService = (purpose: Source, path: string, category: string) => {
    let id = toId(purpose.id)
    if (id !== purpose.id) notes.push(`${path}.id: "${purpose.id}" is now the "${id}" service`)
    let cookies = toCookies(purpose.cookies, `${path}.cookies`, notes)
    services[id] = compact({
      category,
      label: toText(purpose.title, `${path}.title`, notes),
      description: toText(purpose.description, `${path}.description`, notes),
      cookies: cookies.length ? cookies : undefined
    }) as ServiceConfig
    notes.push(`${path}: <template data-purpose="${purpose.id}"> becomes markup with data-service="${id}" (see the blocking docs)`)
  }
  let judged = (purpose: Source, path: string) => {
    if (purpose.default === true && !purpose.isMandatory) notes.push(`${path}.default: purposes are never pre-selected in opt-in mode`)
    if (purpose.isExempt === true) notes.push(`${path}.isExempt: charto runs only necessary content before consent; it is in the necessary category, check that it is exempt`)
  }

  source.purposes.forEach((purpose: unknown, index: number) => {
    let path = `purposes[${index}]`
    if (!isObject(purpose) || !isText(purpose.id)) return notes.push(`${path}: has no id; left out`)
    judged(purpose, path)
    if (Array.isArray(purpose.purposes)) {
      // A group: a category, its purposes the category's services.
      let id = purpose.isMandatory || purpose.isExempt ? 'necessary' : toCategoryId(purpose.id)
      categories[id] = compact({
        ...categories[id],
        label: id === 'necessary' ? undefined : toText(purpose.title, `${path}.title`, notes),
        description: id === 'necessary' ? undefined : toText(purpose.description, `${path}.description`, notes)
      })
      purpose.purposes.forEach((child: unknown, childIndex: number) => {
        let childPath = `${path}.purposes[${childIndex}]`
        if (!isObject(child) || !isText(child.id)) return notes.push(`${childPath}: has no id; left out`)
        judged(child, childPath)
        addService(child, childPath, child.isMandatory || child.isExempt ? 'necessary' : id)
      })
    } else if (purpose.isMandatory || purpose.isExempt) addService(purpose, path, 'necessary')
    else {
      // A purpose on its own: a category of its own, so that its markup needs one attribute.
      let id = toCategoryId(purpose.id)
      let cookies = toCookies(purpose.cookies, `${path}.cookies`, notes)
      categories[id] = compact({
        ...categories[id],
        label: toText(purpose.title, `${path}.title`, notes),
        description: toText(purpose.description, `${path}.description`, notes),
        cookies: cookies.length ? cookies : undefined
      })
      notes.push(`${path}: <template data-purpose="${purpose.id}"> becomes markup with data-category="${id}" (see the blocking docs)`)
    }
  })

  if (isText(source.privacyPolicyUrl)) config.privacyPolicyUrl = source.privacyPolicyUrl
  let cookie = isObject(source.cookie) ? source.cookie : {}
  // Orejime writes it in lower case ("strict"); charto as the attribute is written ("Strict").
  let sameSite = SAME_SITE.find((value) => value.toLowerCase() === String(cookie.sameSite).toLowerCase())
  config.cookie = compact({
    name: isText(cookie.name) ? cookie.name : undefined,
    domain: isText(cookie.domain) ? cookie.domain : undefined,
    sameSite
  })
  config.consentLifetimeDays = lifetime(cookie.duration, 'cookie.duration', notes)
  functionNote(cookie, ['stringify', 'parse'], 'cookie.', notes, 'charto stores its own compact record')
  if (source.forceModal === true) config.ui = { layout: 'modal' }
  if (source.forceBanner === true) notes.push('forceBanner: charto\'s banner stays until a choice without blocking the page; use ui.layout "modal" to wait for a choice')
  let translations = isObject(source.translations) ? source.translations : {}
  config.translations = compact({
    en: compact({
      banner: texts(translations.banner, OREJIME_BANNER, 'translations.banner', notes),
      preferences: texts(translations.modal, OREJIME_PREFERENCES, 'translations.modal', notes)
    })
  })
  if (isText(source.lang) && source.lang !== 'en') config.language = source.lang
  if (/\{purposes\}/.test(JSON.stringify(config.translations))) notes.push("translations: {purposes} placeholders are not charto's; rewrite those sentences")

  config.categories = categories
  config.services = services
  return compact(config as Source)
}

const CONVERTERS: Record<SourceLibrary, (source: Source, notes: string[]) => ChartoConfig> = {
  'vanilla-cookieconsent': fromVanillaCookieConsent,
  klaro: fromKlaro,
  orejime: fromOrejime
}

/** Maps a configuration of `library` to charto's. Throws a UsageError when `source` is not one. */
export function convertConfig(library: SourceLibrary, source: unknown): Conversion {
  if (!isObject(source)) throw new UsageError(`not a ${library} configuration: expected an object`)
  let notes: string[] = []
  let config = CONVERTERS[library](source, notes)
  // The result must be what charto accepts; a converter that produced anything else is a bug to report, not output.
  resolveConfig(config)
  return { config, notes }
}

/**
 * Reads the configuration from a file: JSON; an ES module (its default export, or `klaroConfig`/`orejimeConfig`); or
 * a classic script, run with stand-ins for what such scripts call (`window.klaroConfig = …`,
 * `CookieConsent.run(…)`, `Orejime.init(…)`). The file is the user's own, run on their machine.
 */
export async function readSourceConfig(file: string, cwd: string): Promise<unknown> {
  let path = resolve(cwd, file)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  if (extname(path) === '.json') {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (error) {
      throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`)
    }
  }
  if (/^\s*(import|export)\s/m.test(text)) {
    let module = await import(pathToFileURL(path).href).catch((error: Error) => {
      throw new UsageError(`cannot load ${file}: ${error.message}`)
    })
    return module.default ?? module.klaroConfig ?? module.orejimeConfig ?? module.config
  }
  let passed: unknown
  let capture = (config: unknown) => void (passed = config)
  let sandbox: Source = {
    CookieConsent: { run: capture },
    Orejime: { init: capture },
    loadOrejime: capture,
    klaro: { setup: capture, render: capture },
    location: { hostname: 'localhost', href: 'http://localhost/', protocol: 'http:' },
    console: { log() {}, warn() {}, error() {} }
  }
  sandbox.window = sandbox.self = sandbox
  try {
    runInNewContext(text, sandbox, { filename: path, timeout: 2000 })
  } catch (error) {
    throw new UsageError(`cannot run ${file}: ${(error as Error).message}`)
  }
  return passed ?? sandbox.klaroConfig ?? sandbox.orejimeConfig ?? sandbox.cookieConsentConfig ?? sandbox.config
}

/** `charto convert …` with its own arguments; returns the exit code. */
export async function runConvert(argv: string[], io: Io): Promise<number> {
  let values: { from?: string; out?: string; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, options: { from: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true, strict: true }))
  } catch (error) {
    io.stderr.write(`charto: ${(error as Error).message}\n${CONVERT_HELP}`)
    return 2
  }
  if (values.help) {
    io.stdout.write(CONVERT_HELP)
    return 0
  }
  let cwd = io.cwd ? io.cwd() : process.cwd()
  try {
    if (!SOURCES.includes(values.from as SourceLibrary)) throw new UsageError(`--from must be ${SOURCES.join(', ')}${values.from ? `, got "${values.from}"` : ''}`)
    if (positionals.length !== 1) throw new UsageError('charto convert needs one configuration file')
    let source = await readSourceConfig(positionals[0], cwd)
    let { config, notes } = convertConfig(values.from as SourceLibrary, source)
    for (let note of notes) io.stderr.write(`! ${note}\n`)
    let json = JSON.stringify(config, null, 2) + '\n'
    if (values.out) {
      await writeFile(resolve(cwd, values.out), json)
      io.stderr.write(`wrote ${values.out}\n`)
    } else io.stdout.write(json)
    return 0
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr.write(`charto: ${error.message}\n`)
    return /^not an? /.test(error.message) ? 1 : 2
  }
}
