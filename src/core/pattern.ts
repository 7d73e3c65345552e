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

// A scheme (`https://`) or a scheme-relative `//`: URLs and globs are compared without it.
const SCHEME = /^([a-z][\w+.-]*:)?\/\//i

/** URL glob: `*` matches any run of characters, nothing else is special; matched against the URL without its scheme. */
export function globMatcher(glob: string): (url: string) => boolean {
  // `*` is not among the escaped characters, so it can become `.*` after escaping.
  let re = new RegExp('^' + glob.replace(SCHEME, '').replace(/[$()+.?[\\\]^{|}]/g, '\\$&').replace(/\*/g, '.*') + '$', 'i')
  return (url) => re.test(url.replace(SCHEME, ''))
}
