// Consent rates per day: aggregates only, never a single record.
import type { Queryable } from './store.js'
import type { TimeRange } from './repository.js'

export interface DayStats {
  /** UTC day, YYYY-MM-DD. */
  day: string
  /** Decisions recorded that day. */
  records: number
  /** Per category: decisions that granted it, and the share of the day's decisions that did (0 to 1). */
  categories: Record<string, { granted: number; rate: number }>
  /** Decisions per method (accept-all, reject-all, custom, api, gpc). */
  methods: Record<string, number>
  /** Decisions per region code; `unknown` where the site passed none. */
  regions: Record<string, number>
  /** Decisions per revision of the site's consent configuration. */
  revisions: Record<string, number>
}

export interface Stats {
  from: string
  to: string
  days: DayStats[]
}

const DAY = `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`

export async function readStats(database: Queryable, range: TimeRange): Promise<Stats> {
  let params = [range.from, range.to]
  let days = new Map<string, DayStats>()
  let day = (key: string) => {
    let entry = days.get(key)
    if (!entry) days.set(key, (entry = { day: key, records: 0, categories: {}, methods: {}, regions: {}, revisions: {} }))
    return entry
  }
  // One pass for the counts by day and by each dimension; GROUPING tells a rolled-up column from a null region.
  let counts = await database.query<Record<string, any>>(
    `SELECT ${DAY} AS day, method, region, revision, count(*)::int AS records,
            GROUPING(method)::int AS no_method, GROUPING(region)::int AS no_region, GROUPING(revision)::int AS no_revision
     FROM consent_records WHERE updated_at >= $1 AND updated_at < $2
     GROUP BY GROUPING SETS ((${DAY}), (${DAY}, method), (${DAY}, region), (${DAY}, revision))`,
    params
  )
  for (let row of counts.rows) {
    let entry = day(row.day)
    if (!row.no_method) entry.methods[row.method] = row.records
    else if (!row.no_region) entry.regions[row.region ?? 'unknown'] = row.records
    else if (!row.no_revision) entry.revisions[row.revision] = row.records
    else entry.records = row.records
  }
  let granted = await database.query<Record<string, any>>(
    `SELECT ${DAY} AS day, choice.key AS category, (count(*) FILTER (WHERE choice.value = 'true'::jsonb))::int AS granted
     FROM consent_records, jsonb_each(categories) AS choice
     WHERE updated_at >= $1 AND updated_at < $2
     GROUP BY 1, 2`,
    params
  )
  for (let row of granted.rows) {
    let entry = day(row.day)
    entry.categories[row.category] = { granted: row.granted, rate: entry.records ? row.granted / entry.records : 0 }
  }
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    days: [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1))
  }
}
