// charto/react: a provider, hooks and a <Consent> gate. Built by examples/build.mjs (esbuild) into bundle.js.
import { useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { consentMode, ui } from 'charto'
import { ChartoProvider, Consent, useConsent, useConsentManager, useIsGranted } from 'charto/react'

const config = {
  privacyPolicyUrl: '../script-tag/privacy.html',
  googleConsentMode: true,
  services: {
    youtube: { category: 'functional', label: 'YouTube', provider: 'Google Ireland Limited' }
  }
}

/** Stands in for an analytics hook: mounted (so it runs) only inside <Consent category="performance">. */
function PageViewCounter() {
  useEffect(() => {
    window.reactPageViews = (window.reactPageViews || 0) + 1
  }, [])
  return <p className="status" id="analytics">Analytics is on: this page view was counted.</p>
}

function Video() {
  const manager = useConsentManager()
  return (
    <Consent
      service="youtube"
      fallback={
        <div className="status" id="video-fallback">
          <p>This video is hosted by YouTube, which can recognise you.</p>
          <button type="button" onClick={() => manager?.setConsent({ youtube: true })}>Load the video</button>
        </div>
      }
    >
      <iframe src="../script-tag/embed.html" width="480" height="270" title="Product video" />
    </Consent>
  )
}

function Page() {
  const consent = useConsent()
  const analytics = useIsGranted('performance')
  return (
    <>
      <main>
        <h1>React</h1>
        <p id="state">
          {consent.decided ? `Decided (${consent.method}). Analytics ${analytics ? 'on' : 'off'}.` : 'You have not chosen yet.'}
        </p>
        <Consent category="performance">
          <PageViewCounter />
        </Consent>
        <h2>Video</h2>
        <Video />
      </main>
      <footer>
        <a href="#" data-charto-open>Cookie settings</a> · <a href="../">All examples</a>
      </footer>
    </>
  )
}

// The provider creates the manager from `config` on the client, after mounting (SSR-safe), with the UI extension for
// the banner and preferences. Or pass `manager={init(config)}` (the whole SDK, blocker included) created in client code.
createRoot(document.getElementById('root')).render(
  <ChartoProvider config={config} extensions={[consentMode, ui]}>
    <Page />
  </ChartoProvider>
)
