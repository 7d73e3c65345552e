// The dialog's hosts: a `<charto-ui>` element with an open shadow root, styled without inline styles (CSP), and the
// top layer it shows in.
import { createElement } from './element.js'
import styles from './css.js'

/** One constructed stylesheet per text (the dialog's, the preferences centre's), shared by every host of the page. */
let sheets: Record<string, CSSStyleSheet> = {}

/**
 * Adds `text` to the root's styles, after those it has. Where constructable stylesheets are missing, a `<style>` with
 * the nonce, so that a strict CSP (no 'unsafe-inline' styles) still allows it.
 */
export const addStyles = (root: ShadowRoot, text: string, nonce?: string) => {
  try {
    let sheet = sheets[text]
    if (!sheet) (sheet = sheets[text] = new CSSStyleSheet()).replaceSync(text)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } catch {
    root.append(createElement('style', { nonce }, text))
  }
}

/** A host element and its shadow root, with the dialog's styles. */
export const createShadowHost = (attributes: Record<string, any>, nonce?: string) => {
  let host = createElement('charto-ui', attributes)
  let root = host.attachShadow({ mode: 'open' })
  addStyles(root, styles, nonce)
  return [host, root] as const
}

/**
 * Into the top layer (a modal <dialog>, or a manual popover for the banner and the reopen button): there no filter,
 * transform or containment on the page's own elements can pull the dialog off screen. A dialog put back into the
 * page keeps `open` but is no longer modal, and showModal() refuses an open dialog: hence close() first. Out of the
 * document (after destroy()), showModal() would throw: nothing is shown.
 */
export const present = (element?: HTMLElement & Partial<HTMLDialogElement>) =>
  element?.isConnected && (element.localName == 'dialog' ? (element.close?.(), element.showModal?.()) : element.showPopover?.())
