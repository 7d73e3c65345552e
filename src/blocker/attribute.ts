import { trust } from './trusted-types.js'

/**
 * Sets an attribute charto held or configured: a script's URL (`src`, or `href` in SVG) through Trusted Types; a held
 * style through the CSSOM, which a strict `style-src` allows, after the element's own.
 */
export const setAttributeAsAllowed = (element: Element, name: string, value: string): void =>
  name == 'style'
    ? void ((element as HTMLElement).style.cssText += ';' + value)
    : element.setAttribute(name, element.localName == 'script' && (name == 'src' || name == 'href') ? trust(value, true) : value)
