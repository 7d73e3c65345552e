'use client'
import Script from 'next/script'
import { Consent, useConsent, useIsGranted } from 'charto/next'

/** What the visitor chose, rendered the same on the server and in the browser. */
export function ConsentStatus() {
  const consent = useConsent()
  const analytics = useIsGranted('performance')
  return (
    <p id="state">
      {consent.decided ? `Decided (${consent.method}).` : 'You have not chosen yet.'} Analytics {analytics ? 'on' : 'off'}.
      {consent.gpc ? ' Your browser sends Global Privacy Control.' : ''}
    </p>
  )
}

/** next/script inside <Consent>: the script is requested only once performance cookies are granted. */
export function Analytics() {
  return (
    <Consent category="performance" fallback={<p id="analytics-off">Analytics waits for your consent.</p>}>
      <p id="analytics-on">Analytics is on.</p>
      <Script src="/analytics.js" strategy="afterInteractive" />
    </Consent>
  )
}
