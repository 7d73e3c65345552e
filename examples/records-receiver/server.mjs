// Running charto's consent records service from your own Node code (what `npx charto records serve` does).
// The service validates each record, stores it once in PostgreSQL (PGlite in ./charto-records, or the server in
// DATABASE_URL), serves visitors their receipts and the privacy team its export, stats and dashboard.
// It never stores or logs an IP address, a user agent, cookies or a query string.
//
//   npm run build && node examples/records-receiver/server.mjs
//   PORT=9000 ALLOW_ORIGIN=https://www.example.com CHARTO_RECORDS_TOKEN=… node examples/records-receiver/server.mjs
//   then on the site: records: { endpoint: 'http://localhost:8787/consent-records' }
import { migrate, openStore, startRecordsService } from 'charto/server'

let store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.RECORDS_DATA || './charto-records' })
await migrate(store)
let service = await startRecordsService({
  store,
  port: Number(process.env.PORT) || 8787,
  origins: process.env.ALLOW_ORIGIN ? process.env.ALLOW_ORIGIN.split(',') : [],
  token: process.env.CHARTO_RECORDS_TOKEN,
  retainDays: 365
})
console.log(`charto records service: POST ${service.url}/consent-records, receipts at ${service.url}/consent-records/<id>/receipt`)

for (let signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await service.close()
    await store.close()
  })
}
