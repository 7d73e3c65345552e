// The hash of the texts a visitor was shown, which each record carries: SHA-256 over a stable JSON of the wording.
import type { ResolvedConfig } from '../core/types.js'

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** SHA-256 of a string's UTF-8 bytes, as hex. Synchronous and independent of secure contexts (crypto.subtle needs one). */
export function sha256(text: string): string {
  let primes: number[] = []
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n)
  let frac = (x: number) => ((x - Math.floor(x)) * 2 ** 32) | 0
  let hash = primes.slice(0, 8).map((p) => frac(p ** 0.5))
  let k = primes.map((p) => frac(p ** (1 / 3)))
  let bytes = new TextEncoder().encode(text)
  let length = bytes.length
  let total = ((length + 8) >> 6) * 16 + 16
  let words: number[] = Array(total).fill(0)
  for (let i = 0; i < length; i++) words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8)
  words[length >> 2] |= 0x80 << (24 - (length % 4) * 8)
  words[total - 2] = (length / 2 ** 29) | 0
  words[total - 1] = length << 3
  for (let j = 0; j < total; j += 16) {
    let w = words.slice(j, j + 16)
    let [a, b, c, d, e, f, g, h] = hash
    for (let i = 0; i < 64; i++) {
      if (i > 15) {
        let x = w[i - 15]
        let y = w[i - 2]
        w[i] = (w[i - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0
      }
      let t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]
      let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    hash = [a, b, c, d, e, f, g, h].map((x, i) => (x + hash[i]) | 0)
  }
  return hash.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('')
}

/** JSON with sorted keys, without functions, undefined values or `scripts` (code, not wording). */
const stable = (value: any): string =>
  value && typeof value == 'object'
    ? Array.isArray(value)
      ? '[' + value.map(stable) + ']'
      : '{' +
        Object.keys(value)
          .sort()
          .filter((key) => key != 'scripts' && value[key] !== undefined && typeof value[key] != 'function')
          .map((key) => JSON.stringify(key) + ':' + stable(value[key])) +
        '}'
    : JSON.stringify(value) ?? 'null'

/**
 * Hash of the wording a visitor is shown: categories and services (labels, descriptions, providers, cookies, storage),
 * translations and the privacy policy URL. Pass a resolved configuration (`resolveConfig(config)` on a server
 * gives the same hash, so a host can keep each version of its texts by hash).
 */
export const configHash = (config: ResolvedConfig): string =>
  sha256(
    stable({
      categories: config.categories,
      services: config.services,
      translations: config.translations,
      privacyPolicyUrl: config.privacyPolicyUrl
    })
  )
