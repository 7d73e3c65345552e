// English, built in. Every other language is a separate module with this exact shape (see `Dictionary`).
// `[label](url)` in a string becomes a link (http(s), mailto and relative URLs only); everything else is plain text.
const en = {
  banner: {
    title: 'We value your privacy',
    description:
      'We use cookies to run this site and, with your consent, to measure and improve it and to show relevant ads.',
    notice:
      'We and our partners use cookies to run this site, measure it and show relevant ads. You can opt out of the sale or sharing of your personal information.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    preferences: 'Preferences',
    privacyPolicy: 'Privacy policy'
  },
  preferences: {
    title: 'Cookie preferences',
    description: 'Choose which cookies we may use. You can change this at any time.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    save: 'Save choices',
    close: 'Close',
    saved: 'Preferences saved',
    alwaysOn: 'Always on',
    details: 'Services and cookies',
    cookies: 'Cookies',
    name: 'Name',
    provider: 'Provider',
    purpose: 'Purpose',
    duration: 'Duration',
    party: 'Type',
    firstParty: 'First party',
    thirdParty: 'Third party',
    gpc: 'We honoured the opt-out signal (Global Privacy Control) from your browser: we do not sell or share your personal information.',
    doNotSell: 'Do Not Sell or Share My Personal Information',
    consentId: 'Your consent ID: {id}',
    receipt: 'View your consent receipt'
  },
  categories: {
    necessary: {
      label: 'Necessary',
      description: 'Needed for the site to work, for security and to remember your choices.'
    },
    functional: { label: 'Functional', description: 'Remember settings such as language and enable extra features.' },
    performance: { label: 'Performance', description: 'Measure how the site is used so that we can improve it.' },
    marketing: { label: 'Marketing', description: 'Let us and our partners show relevant ads and measure them.' }
  } as Record<string, { label?: string; description?: string }>,
  placeholder: {
    text: '{service} ({category}) is blocked until you allow it.',
    load: 'Load this content',
    preferences: 'Preferences'
  }
}

export type Dictionary = typeof en
export default en
