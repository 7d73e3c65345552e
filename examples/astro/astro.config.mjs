import { defineConfig } from 'astro/config'
import node from '@astrojs/node'

// Rendered per request, so the page can read the consent cookie and Sec-GPC.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' })
})
