// @vitest-environment-options {"url":"http://www.charto.test/","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
// Property-based: random trees of nested gates and random decisions. An element is released exactly when every gate on
// its path (itself and each ancestor with data-category or data-service) allows it, compared with a plain reference.
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager } from '../core/consent.js'
import type { ConsentState } from '../core/types.js'
import { blocker } from './index.js'

interface Gate {
  category?: string
  service?: string
}
interface Node {
  tag: 'div' | 'img' | 'object' | 'script'
  gate?: Gate
  children: Node[]
}

const SERVICES = { ga4: { category: 'performance' }, yt: { category: 'marketing' }, maps: { category: 'functional' } }
// Known categories, their negations, and ids no configuration knows (which refuse, like a misspelt one).
const IDS = ['necessary', 'functional', 'performance', 'marketing', '!necessary', '!functional', '!performance', '!marketing', 'bogus', '!bogus']

const gate: fc.Arbitrary<Gate | undefined> = fc.option(
  fc.record(
    {
      // Empty, one id, or an AND list ("performance marketing").
      category: fc.array(fc.constantFrom(...IDS), { maxLength: 3 }).map((ids) => ids.join(' ')),
      service: fc.constantFrom('ga4', 'yt', 'maps', 'unknown')
    },
    { requiredKeys: [] }
  ),
  { freq: 2, nil: undefined }
)
const leaf: fc.Arbitrary<Node> = fc.record({ tag: fc.constantFrom('img', 'object', 'script'), gate, children: fc.constant([]) }) as fc.Arbitrary<Node>
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ tag: fc.constant('div'), gate, children: fc.array(tie('node'), { maxLength: 3 }) }) as fc.Arbitrary<Node>
  )
})).node

type Decision = { kind: 'acceptAll' } | { kind: 'rejectAll' } | { kind: 'set'; choices: Record<string, boolean> }
const decision: fc.Arbitrary<Decision> = fc.oneof(
  fc.constant({ kind: 'acceptAll' } as const),
  fc.constant({ kind: 'rejectAll' } as const),
  fc.record({
    kind: fc.constant('set' as const),
    choices: fc.dictionary(fc.constantFrom('functional', 'performance', 'marketing', 'ga4', 'yt', 'maps'), fc.boolean(), { minKeys: 1 })
  })
)

/** The reference: one gate's answer, written from the README's table rather than from the implementation. */
let gateAllows = ({ category, service }: Gate, state: ConsentState) => {
  if (service && service in state.services) return state.services[service]
  let ids = (category || '').split(' ').filter(Boolean)
  return ids.length > 0 && ids.every((id) => (id[0] == '!' ? id.slice(1) in state.categories && !state.categories[id.slice(1)] : state.categories[id] === true))
}
let pathAllows = (path: Gate[], state: ConsentState) => path.length > 0 && path.every((gate) => gateAllows(gate, state))

let tick = () => new Promise((resolve) => setTimeout(resolve, 2))
let managers: ConsentManager[] = []
afterEach(() => {
  managers.forEach((manager) => manager.destroy())
  managers = []
})

describe('nested gates', () => {
  it('releases an element exactly when every gate on its path allows it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.array(decision, { maxLength: 3 }), async (roots, decisions) => {
        document.body.innerHTML = ''
        for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
        localStorage.clear()
        let log: string[] = ((window as any).log = [])
        let leaves: { element: HTMLElement; tag: string; path: Gate[]; id: string; gated: boolean }[] = []
        let build = (node: Node, parent: HTMLElement, path: Gate[]) => {
          let element = document.createElement(node.tag)
          if (node.gate?.category != null) element.setAttribute('data-category', node.gate.category)
          if (node.gate?.service) element.setAttribute('data-service', node.gate.service)
          let gated = node.gate?.category != null || !!node.gate?.service
          let inner = gated ? [...path, node.gate!] : path
          let id = 'n' + leaves.length
          if (node.tag == 'script') {
            element.setAttribute('type', 'text/plain')
            element.textContent = `log.push('${id}')`
          } else if (node.tag != 'div') element.setAttribute('data-src', 'https://tracker.test/' + id)
          if (node.tag != 'div') leaves.push({ element, tag: node.tag, path: inner, id, gated })
          parent.append(element)
          node.children.forEach((child) => build(child, element, inner))
        }
        roots.forEach((root) => build(root, document.body, []))

        let manager = createConsent({ services: SERVICES }, [blocker])
        managers.push(manager)
        let states = [manager.getConsent()]
        await tick()
        for (let next of decisions) {
          if (next.kind == 'set') manager.setConsent(next.choices)
          else manager[next.kind]()
          states.push(manager.getConsent())
          await tick()
        }
        let final = states[states.length - 1]

        for (let { element, tag, path, id, gated } of leaves) {
          // A held script runs only when it is a gate itself (a text/plain script without one is left alone); an image,
          // once loaded, stays loaded; a document charto loaded (here an <object>) is unloaded again once its path refuses it.
          let expected =
            tag == 'script'
              ? gated && states.some((state) => pathAllows(path, state))
              : tag == 'img'
                ? states.some((state) => pathAllows(path, state))
                : pathAllows(path, final)
          let released = tag == 'script' ? log.includes(id) : element.getAttribute(tag == 'img' ? 'src' : 'data') == 'https://tracker.test/' + id
          expect({ id, tag, released }).toEqual({ id, tag, released: expected })
        }
        manager.destroy()
        managers = []
      }),
      { numRuns: 300 }
    )
  }, 60_000)
})
