// Preloaded into a benchmarked command (node -r): prints its peak resident memory when it exits.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`))
