// Focus in the dialog, after the APG dialog pattern: focus moves into a dialog when it opens, Tab and Shift+Tab wrap
// inside a modal one, and focus goes back to what opened it.

/** What a dialog opens on, and what its Tab wrap goes round: its first and last control. */
export const CONTROLS = 'a[href],button'

/** The focused element, looked for inside shadow roots too (a focused control in a web component). */
export const deepActiveElement = () => {
  let active: any = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active
}

/** Focuses the dialog's first control. */
export const focusFirstControl = (dialog: Element) => dialog.querySelector<HTMLElement>(CONTROLS)?.focus()

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last. Also when the dialog itself has
 * focus (a click on its text), or focus is outside it: Shift+Tab would leave it.
 */
export const wrapTab = (event: KeyboardEvent, dialog: Element, root: ShadowRoot) => {
  let controls = dialog.querySelectorAll<HTMLElement>(CONTROLS)
  let ends = [controls[0], controls[controls.length - 1]]
  if (event.shiftKey) ends.reverse()
  let active = root.activeElement
  if (active == ends[1] || active == dialog || !dialog.contains(active)) {
    event.preventDefault()
    ends[0].focus()
  }
}
