/** `/source/flags` strings are regular expressions; anything else is an exact name. */
export const REGEX_STRING = /^\/(.+)\/([dgimsuy]*)$/

/** Builds a name matcher; throws SyntaxError for a broken `/regex/`. */
export function nameMatcher(pattern: string): (name: string) => boolean {
  let re = REGEX_STRING.exec(pattern)
  if (re) {
    let compiled = new RegExp(re[1], re[2].replace(/[gy]/g, ''))
    return (name) => compiled.test(name)
  }
  return (name) => name === pattern
}

/** URL glob: `*` matches any run of characters, nothing else is special; matched against the URL without its scheme. */
export function globMatcher(glob: string): (url: string) => boolean {
  let re = new RegExp(
    '^' + glob.replace(/^[a-z]+:\/\//i, '').split('*').map((part) => part.replace(/[$()+.?[\\\]^{|}]/g, '\\$&')).join('.*') + '$',
    'i'
  )
  return (url) => re.test(url.replace(/^[a-z]+:\/\//i, '').replace(/^\/\//, ''))
}
