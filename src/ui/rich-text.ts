// Configured text with `[label](url)` links: the only markup texts may carry. Everything else stays text, and a link
// whose URL could run script is shown as its label alone.
import { createElement, type Child } from './element.js'

/** http(s), mailto, or relative (no scheme before the first / ? #). No whitespace or control characters first. */
export const safeUrl = (url: string) => /^(?:https?:\/\/|mailto:|[^\s\x00-\x1f:/?#\\]*(?:[/?#]|$))/i.test(url)

export const link = (label: string, url: string): Child => (safeUrl(url) ? createElement('a', { href: url }, label) : label)

/** Text with `[label](url)` links; anything else stays text. */
export const textWithLinks = (text = ''): Child[] =>
  String(text)
    .split(/\[([^\]]+)\]\(([^)\s]+)\)/)
    .map((part, index, parts) => (index % 3 == 1 ? link(part, parts[index + 1]) : index % 3 ? '' : part))
