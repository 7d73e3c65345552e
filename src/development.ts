/**
 * Whether this is charto's development build: `dist/charto.dev.global.js` and the `development` export condition.
 * Development-only checks and warnings sit behind it, so a visitor's download never carries them.
 *
 * The builds replace `CHARTO_DEVELOPMENT` with `true` or `false` and the minifier drops the dead branch; the unit
 * tests set it to `true`. Where nothing replaced it (a bundler reading the sources), it is `false`.
 */
declare const CHARTO_DEVELOPMENT: boolean | undefined

export const isDevelopment: boolean = typeof CHARTO_DEVELOPMENT !== 'undefined' && CHARTO_DEVELOPMENT === true
