// The example stands alone: its own lockfile and node_modules, whatever the folders around it hold.
export default {
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname
}
