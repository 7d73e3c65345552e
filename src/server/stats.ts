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
  // Plain GROUP BYs, one per dimension, rather than GROUPING SETS: distributed PostgreSQL engines (Citus) run
  // grouping sets on a single shard only, and these small aggregates cost little apart.
  let count = (column: string) =>
    database.query<{ day: string; key: string | null; records: number }>(
      `SELECT ${DAY} AS day, ${column} AS key, count(*)::int AS records FROM consent_records
       WHERE updated_at >= $1 AND updated_at < $2 GROUP BY 1, 2`,
      params
    )
  for (let row of (await count("''")).rows) day(row.day).records = row.records
  for (let row of (await count('method')).rows) day(row.day).methods[row.key!] = row.records
  for (let row of (await count('region')).rows) day(row.day).regions[row.key ?? 'unknown'] = row.records
  for (let row of (await count('revision')).rows) day(row.day).revisions[row.key!] = row.records
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
