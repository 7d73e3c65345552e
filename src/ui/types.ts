// The dialog's public types: its options, the methods it adds to the manager, and what its texts look like.
import type { ConsentManager } from '../core/consent.js'
import type { ConsentState, ResolvedConfig } from '../core/types.js'
import type { Child } from './element.js'
import type { Dictionary } from './i18n/en.js'

export type { Dictionary }
type Deep<T> = { [K in keyof T]?: T[K] extends string ? string : Deep<T[K]> }
/** A full or partial dictionary: `translations: { de }` or `translations: { en: { banner: { title: 'Cookies' } } }`. */
export type Translation = Deep<Dictionary> & {
  services?: Record<string, { label?: string; description?: string }>
  [key: string]: unknown
}

export interface UiOptions {
  /** Default 'box'. 'modal' makes the banner a true modal with the page inert. */
  layout?: 'bar' | 'box' | 'modal'
  /** 'bottom' (default), 'top', 'bottom-left', 'top-left'… Right is the default side of the box. */
  position?: string
  /** Default 'auto' (follows prefers-color-scheme). */
  theme?: 'light' | 'dark' | 'auto'
  /** A floating button that opens the preferences on every page. Default false. */
  reopenButton?: boolean
  /** Nonce for the fallback <style> where constructable stylesheets are missing; default: the current script's. */
  nonce?: string
}

export type View = 'banner' | 'preferences'
/** What a dialog button does, in its `data-charto-action` attribute: public and stable, for tests and analytics. */
export type DialogAction = 'accept-all' | 'reject-all' | 'preferences' | 'save' | 'close' | 'load' | 'do-not-sell'

export interface UiMethods {
  /** Shows the first-layer banner. */
  show(): void
  showPreferences(): void
  /** Closes whatever is open, granting nothing. */
  hide(): void
}
export type UiManager = ConsentManager & UiMethods

/** Labels and descriptions by id, for categories or services. */
export type LabelledTexts = Record<string, { label?: string; description?: string }>
/** The texts of one language, with the configured categories' and services' own texts merged in. */
export type DialogTexts = Dictionary & { services: LabelledTexts }

/** What the dialog's buttons do: each decides through the manager, then closes the dialog and announces it. */
export interface DialogActions {
  acceptAll(): void
  rejectAll(): void
  /** Saves the switches as they stand (the preferences centre's "Save choices"). */
  saveChoices(choices: Record<string, boolean>): void
  showPreferences(): void
  doNotSell(): void
}

/**
 * The preferences centre as the dialog receives it: its content builder and the styles only it uses. Handed from one
 * bundle to another (the preferences chunk to the dialog chunk), so no field name ends in `_` (see tsup.config.ts).
 */
export interface PreferencesView {
  /** Its content for the state `state`; `close` is the close button's (and Escape's) action. */
  content(texts: DialogTexts, state: ConsentState, config: ResolvedConfig, actions: DialogActions, close: () => void, mode: string): Child[]
  styles: string
}
/** Gives the preferences centre: at once when it is bundled with the dialog, or a promise of it when it is a chunk. */
export type LoadPreferences = () => PreferencesView | Promise<PreferencesView>
