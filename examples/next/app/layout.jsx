import { headers } from 'next/headers'
import { consentFromHeaders } from 'charto'
import { ChartoProvider } from 'charto/next'
import { chartoConfig } from './charto-config.js'

export const metadata = { title: 'charto with Next.js' }

// A server component: the consent cookie and the Sec-GPC header decide the first render, so a returning visitor sees
// their choice at once and no banner, and a browser sending GPC sees it honoured before any script runs.
export default async function RootLayout({ children }) {
  const initialState = consentFromHeaders(chartoConfig, await headers())
  return (
    <html lang="en">
      <body>
        <ChartoProvider config={chartoConfig} initialState={initialState}>
          {children}
        </ChartoProvider>
        <footer>
          <a href="#" data-charto-open>Cookie settings</a>
        </footer>
      </body>
    </html>
  )
}
