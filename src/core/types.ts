import type { BlockedDetail } from '../blocker/index.js'
import type { ClearedDetail } from '../blocker/clear.js'
import type { GatingOptions } from '../blocker/options.js'
import type { DialogOptions } from '../ui/options.js'
import type { View } from '../ui/index.js'
import type { ConsentModeConfig, RecordsConfig, RegionsConfig, VendorsConfig } from '../signals/options.js'

/** A cookie or storage entry a category or service sets. `name` is an exact name or a `/regex/flags` string. */
export interface CookieSpec {
  name: string
  provider?: string
  purpose?: string
  duration?: string
  thirdParty?: boolean
}

export interface CategoryConfig {
  label?: string
  description?: string
  /** Always granted and shown locked. Only `necessary` is required by default. */
  required?: boolean
  cookies?: (string | CookieSpec)[]
  /** localStorage / sessionStorage keys: exact names or `/regex/` strings. */
  storage?: string[]
}

export interface ScriptSpec {
  src: string
  attrs?: Record<string, string>
}

export interface ServiceConfig {
  category: string
  label?: string
  description?: string
  provider?: string
  cookies?: (string | CookieSpec)[]
  storage?: string[]
  /** A string is a URL glob identifying the service's scripts and iframes; an object is a script charto loads once granted. */
  scripts?: (string | ScriptSpec)[]
  onAccept?: () => void
  onReject?: () => void
}

export type Mode = 'opt-in' | 'opt-out'
export type Method = 'accept-all' | 'reject-all' | 'custom' | 'api' | 'gpc'

export interface CookieOptions {
  name?: string
  domain?: string
  path?: string
  sameSite?: 'Lax' | 'Strict' | 'None'
  secure?: boolean
}

/** The options the consent core reads. */
export interface CoreOptions {
  categories?: Record<string, CategoryConfig>
  services?: Record<string, ServiceConfig>
  mode?: Mode
  /** Raise it to ask every visitor again. */
  revision?: number
  /** Days a decision (grant or refusal) lasts. Default 180. */
  consentLifetimeDays?: number
  cookie?: CookieOptions
  storage?: 'cookie' | 'localStorage'
  /** Honour Global Privacy Control. Default true. */
  gpc?: boolean
  language?: string
  region?: string | (() => string | Promise<string>)
  /** The JSON Schema a configuration file names for editors; ignored. */
  $schema?: string
}

/**
 * Every option, composed from what each module reads: the core, gating, the dialog, Consent Mode, regions, vendor
 * adapters and records. No other key is accepted, so a misspelt option is a compile error.
 */
export interface ChartoConfig
  extends CoreOptions,
    GatingOptions,
    DialogOptions,
    ConsentModeConfig,
    RegionsConfig,
    VendorsConfig,
    RecordsConfig {}

/**
 * The configuration after defaults are merged in: frozen, with everything in it, so no module talks to another by
 * writing into it (mode, region and language are the manager's state, with setters).
 */
export type ResolvedConfig = Readonly<
  ChartoConfig & {
    categories: Record<string, CategoryConfig>
    services: Record<string, ServiceConfig>
    mode: Mode
    revision: number
    consentLifetimeDays: number
    cookie: CookieOptions & { name: string; path: string }
  }
>

export interface ConsentState {
  decided: boolean
  categories: Record<string, boolean>
  services: Record<string, boolean>
  id: string | null
  createdAt: string | null
  updatedAt: string | null
  expiresAt: string | null
  revision: number
  method: Method | null
  gpc: boolean
  region: string | null
  language: string | null
}

export interface ChangeDetail {
  consent: ConsentState
  granted: string[]
  revoked: string[]
  /** True when the decision was made elsewhere: another tab, another subdomain, or while this page was hidden. */
  remote?: boolean
  /** False when storage refused the decision: it holds for this page only, and a reload would lose it. */
  stored: boolean
}

/** Every event, with its detail: `on(event, handler)` accepts these names only. */
export interface ChartoEvents {
  /** Once at start, synchronously; a handler added later is called once with the current state. */
  ready: (state: ConsentState) => void
  /** Each time the state moves from undecided to decided (at start for a returning visitor). */
  consent: (state: ConsentState) => void
  /** Every change of decision. */
  change: (detail: ChangeDetail) => void
  /** Something failed that the visitor cannot see: storage, a host callback, a chunk that did not load. */
  error: (error: unknown) => void
  /** An embed (iframe, video, audio, embed, object) is held until consent. */
  blocked: (detail: BlockedDetail) => void
  /** A held embed was released. */
  unblocked: (detail: { element: HTMLElement }) => void
  /** Cookies and storage were cleared after a withdrawal. */
  cleared: (detail: ClearedDetail) => void
  /** The dialog showed a view. */
  show: (detail: { view: View }) => void
  /** The dialog closed a view. */
  hide: (detail: { view: View }) => void
  /** The language changed (`setLanguage`, or the dialog's pick for 'auto'): the dialog draws itself again in it. */
  language: (language: string) => void
  /** The mode changed (a region lookup that answered late). */
  mode: (mode: Mode) => void
  /** The visitor's region became known or changed. */
  region: (region: string | null) => void
}
