'use client'
// charto/next: the Next.js App Router provider. The root layout (a server component) reads the request with
// `consentFromHeaders` from charto and hands the state over, so the first render already shows the visitor's decision.
import { createElement, type ReactNode } from 'react'
import { ChartoProvider as ReactChartoProvider, Consent, useConsent, useConsentManager, useIsGranted } from '../react/index.js'
import { initExtensions } from '../init.js'
import type { ChartoConfig, ConsentState } from '../core/types.js'

export { Consent, useConsent, useConsentManager, useIsGranted }
export type { ConsentProps } from '../react/index.js'
export type { ChartoConfig, ConsentState }

export interface ChartoProviderProps {
  /**
   * The configuration, as plain data (it crosses from the server layout to the client): callbacks such as
   * `onAccept` cannot be passed here; listen with `useConsentManager()?.on(…)` in a client component instead.
   */
  config?: ChartoConfig
  /** `consentFromHeaders(config, await headers())`, read in the server layout. */
  initialState?: ConsentState
  children?: ReactNode
}

/**
 * charto's provider with everything `init` sets up (regions, Consent Mode, vendors, records, blocking, the dialog),
 * created in the browser after hydration. Use it once, in the root layout.
 */
export function ChartoProvider({ config = {}, initialState, children }: ChartoProviderProps) {
  return createElement(ReactChartoProvider, { config, initialState, extensions: initExtensions }, children)
}
