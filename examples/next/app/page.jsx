import { Analytics, ConsentStatus } from './consent-parts.jsx'

export default function Page() {
  return (
    <main>
      <h1>charto with Next.js</h1>
      <ConsentStatus />
      <Analytics />
    </main>
  )
}
