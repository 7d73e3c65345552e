/** Runs fn; returns fallback instead of throwing. Storage and host code may throw at any time. */
export function attempt<T>(fn: () => T, fallback?: T): T | undefined {
  try {
    return fn()
  } catch {
    return fallback
  }
}
