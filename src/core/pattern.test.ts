import { describe, expect, it } from 'vitest'
import { globMatcher, nameMatcher } from './pattern.js'

describe('globMatcher (auto-block URL patterns)', () => {
  it('matches without the scheme, * as any run, everything else literally, case-insensitively', () => {
    let ga = globMatcher('*.google-analytics.com/*')
    expect(['https://www.google-analytics.com/analytics.js', 'http://region1.Google-Analytics.com/g/collect?v=2', '//ssl.google-analytics.com/ga.js'].map(ga)).toEqual([true, true, true])
    expect(['https://google-analytics.com.evil.test/x', 'https://www.google-analyticsXcom/x'].map(ga)).toEqual([false, false])
    let fb = globMatcher('https://connect.facebook.net/*/fbevents.js')
    expect([fb('https://connect.facebook.net/en_US/fbevents.js'), fb('//connect.facebook.net/x/fbevents.js'), fb('https://connect.facebook.net/fbevents.js')]).toEqual([true, true, false])
    // Regex characters in a glob are literal.
    expect([globMatcher('cdn.test/a+b(1).js?v=[2]')('https://cdn.test/a+b(1).js?v=[2]'), globMatcher('cdn.test/a+b.js')('https://cdn.test/aab.js')]).toEqual([true, false])
  })
})

describe('nameMatcher (cookie and storage names)', () => {
  it('matches exact names, or /regex/ strings', () => {
    expect([nameMatcher('_ga')('_ga'), nameMatcher('_ga')('_ga_XYZ'), nameMatcher('/^_ga/')('_ga_XYZ'), nameMatcher('/^_GA/i')('_ga')]).toEqual([true, false, true, true])
  })
})
