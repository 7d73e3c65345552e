// Scripts the configuration lists as `{ src, attrs }`: held in <head> like marked-up ones, run once their service is granted.
import type { ExtensionContext } from '../core/consent.js'
import type { ServiceConfig } from '../core/types.js'
import { INERT_SCRIPT, type HeldElement } from './markup.js'
import { setAttributeAsAllowed } from './attribute.js'

/**
 * Each is an inert `text/plain` script in <head>, run like marked-up ones. Values are set as text; event-handler
 * attributes would be code, so they are refused. One that cannot even be held (Trusted Types without the "charto"
 * policy) is reported. It gets the charto script's nonce, unless `attrs` has one (README, Content Security Policy).
 */
export function insertConfiguredScripts(
  services: Record<string, ServiceConfig>,
  nonce: string,
  trustConfigured: (script: Element) => void,
  emit: ExtensionContext['emit']
): void {
  let create = document.createElement
  for (let id in services) {
    for (let spec of services[id].scripts || []) {
      if (typeof spec == 'string') continue
      try {
        let script = create.call(document, 'script') as HeldElement
        let attributes: Record<string, string> = { ...spec.attrs, 'data-service': id, src: spec.src }
        script.nonce = nonce
        trustConfigured(script)
        for (let name in attributes) if (!/^on/i.test(name)) setAttributeAsAllowed(script, name, attributes[name])
        script.dataset.type = script.type
        script.type = INERT_SCRIPT
        document.head.append(script)
      } catch (error) {
        emit('error', error)
      }
    }
  }
}
