import { report } from './follow.js'

/** The JSON options in `<script type="application/json" id="…">`, or none; a broken one is reported, never thrown. */
export function optionsFrom<Options>(id: string): Options {
  let element = typeof document != 'undefined' && document.getElementById(id)
  if (!element) return {} as Options
  try {
    return JSON.parse(element.textContent || '{}')
  } catch (error) {
    report(new Error(`charto: #${id} is not valid JSON (${(error as Error).message}); the bridge uses its defaults`))
    return {} as Options
  }
}
