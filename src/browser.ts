// The <script>-tag build: everything on window.Charto.
export * from './index.js'
