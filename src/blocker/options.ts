/** The options the blocker reads. */
export interface GatingOptions {
  /**
   * Holds scripts and iframes the page creates from JavaScript when their URL matches a service's `scripts` glob.
   * @default false
   */
  autoBlock?: boolean
  /**
   * Reloads the page after a withdrawal, once every `change` handler has run and the clearing is done, so that
   * scripts that already ran stop. Never when the decision could not be stored.
   * @default false
   */
  reloadOnRevoke?: boolean
}

/** How the configuration check reads GatingOptions (the rule language: src/core/schema.ts). */
export const gatingRules = { autoBlock: 'boolean', reloadOnRevoke: 'boolean' } as const
