// The record charto makes of each decision.
import type { ConsentState, Method, Mode, ResolvedConfig } from '../core/types.js'

/** What charto sends for every decision. No IP address, no user agent, no personal data. */
export interface ConsentRecord {
  /** Random UUID v4 of the visitor's consent (stays the same across their decisions). */
  id: string
  /** First decision. */
  createdAt: string
  /** This decision. */
  updatedAt: string
  expiresAt: string
  revision: number
  /** SHA-256 (hex) of the texts the visitor was shown: see `configHash`. */
  configHash: string
  categories: Record<string, boolean>
  services: Record<string, boolean>
  method: Method
  gpc: boolean
  mode: Mode
  region: string | null
  language: string | null
  /** The page, without query string or fragment. */
  url: string
}

/** The options `records` reads from the configuration. */
export interface RecordsOptions {
  endpoint: string
  headers?: Record<string, string>
}

/** Whether the configuration asks for records at all: an endpoint to POST them to, or an `onRecord` handler. */
export const wantsRecords = (config: ResolvedConfig) => !!endpointOf(config) || typeof config.onRecord == 'function'

/** The endpoint records are POSTed to; empty when there is none. */
export const endpointOf = (config: ResolvedConfig): string => {
  let endpoint = (config.records as Partial<RecordsOptions> | undefined)?.endpoint
  return typeof endpoint == 'string' ? endpoint : ''
}

/** Where a decision was made, as its record states it. */
export interface DecisionPage {
  /** The page, without query string or fragment: a record never holds the query string. */
  url: string
  /** `<html lang>` of the page. */
  lang: string
}

/** This page, as a record states it: the one place that strips the query string and fragment. */
export const currentPage = (): DecisionPage => ({
  url: typeof location == 'object' ? location.href.split(/[?#]/)[0] : '',
  lang: (typeof document == 'object' && document.documentElement.lang) || ''
})

/**
 * A decision whose record could not be made on its page (the loader's records chunk did not arrive): the state, and
 * what the record takes from the page. It waits in the queue as it is; the delivery makes its record on a later page.
 */
export interface UnmadeRecord extends DecisionPage {
  consent: ConsentState
  mode: Mode
}

/**
 * The record of a decided state. `hash` is the configuration's (configHash). `page`: where it was decided, by default
 * this page (an unmade record from the queue brings its own).
 */
export function toRecord(state: ConsentState, config: ResolvedConfig, hash: string, mode = config.mode, page = currentPage()): ConsentRecord {
  return {
    id: state.id!,
    createdAt: state.createdAt!,
    updatedAt: state.updatedAt!,
    expiresAt: state.expiresAt!,
    revision: state.revision,
    configHash: hash,
    categories: state.categories,
    services: state.services,
    method: state.method!,
    gpc: state.gpc,
    mode,
    region: state.region,
    language: state.language || page.lang || null,
    url: page.url
  }
}
