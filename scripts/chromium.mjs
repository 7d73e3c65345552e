import { existsSync } from 'node:fs'

/** Debian's chromium (or CHROMIUM_PATH). Playwright's own browser download is never used. */
export function findChromium() {
  let candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  return candidates.find((path) => path && existsSync(path))
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-quic'
]

export const INSTALL_HINT = 'No Chromium found. Install Debian\'s: sudo apt-get install -y chromium (or set CHROMIUM_PATH).'
