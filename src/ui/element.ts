// The dialog's only element factory. Everything the dialog shows is built here from createElement and text nodes:
// configured text is never parsed as HTML.

export type Child = Node | string
/** One type for every element the dialog builds, so that inputs, dialogs and sections need no casts. */
export type DialogElement = HTMLElement & HTMLInputElement & HTMLDialogElement

/** Attributes (`on*` are listeners; falsy values are left out) and text or node children. */
export const createElement = (tag: string, attributes: Record<string, any> = {}, ...children: Child[]): DialogElement => {
  let element = document.createElement(tag) as DialogElement
  for (let name in attributes) {
    let value = attributes[name]
    if (/^on/.test(name)) element.addEventListener(name.slice(2), value)
    else if (value) element.setAttribute(name, value === true ? '' : value)
  }
  element.append(...children)
  return element
}
