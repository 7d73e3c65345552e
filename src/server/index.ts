// charto/server: the consent records service for Node. Never imported by the browser builds.
export { openStore, StoreUnavailableError, DEFAULT_DATA_DIR, type Store, type StoreOptions, type Queryable, type Result } from './store.js'
export { migrate, MIGRATIONS, type Migration } from './migrations.js'
export { validateRecord, isConsentId, MAX_RECORD_BYTES } from './validate.js'
export {
  insertRecord,
  insertRecords,
  findChain,
  eraseChain,
  purgeExpired,
  readRecords,
  countRecords,
  type StoredRecord,
  type TimeRange,
  type PurgeOptions
} from './repository.js'
export { writeExport, csvLine, jsonLine, CSV_COLUMNS, EXPORT_FORMATS, type ExportFormat } from './export.js'
export { createBatcher, type BatchOptions } from './batch.js'
export { readStats, type Stats, type DayStats } from './stats.js'
export { receiptOf, receiptPage } from './receipt.js'
export {
  createRecordsHandler,
  startRecordsService,
  DEFAULT_RETAIN_DAYS,
  type RecordsServiceOptions,
  type RecordsHandler,
  type RunningService
} from './service.js'
export type { ConsentRecord, ReceiptOptions } from '../signals/records.js'
