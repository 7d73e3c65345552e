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

export interface ChartoConfig {
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
  regions?: Record<string, { mode: Mode }>
  [option: string]: unknown
}

/** The configuration after defaults are merged in. */
export interface ResolvedConfig extends ChartoConfig {
  categories: Record<string, CategoryConfig>
  services: Record<string, ServiceConfig>
  mode: Mode
  revision: number
  consentLifetimeDays: number
  cookie: CookieOptions & { name: string; path: string }
}

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

export interface ChartoEvents {
  ready: (state: ConsentState) => void
  consent: (state: ConsentState) => void
  change: (detail: ChangeDetail) => void
  error: (error: Error) => void
  [event: string]: (detail: any) => void
}
