import adapter from '@sveltejs/adapter-node'

// Rendered per request by a Node server (build/index.js), so the layout can read the consent cookie and Sec-GPC.
export default { kit: { adapter: adapter() } }
