// What the page adds after the first scan: gated markup (an SPA's route, the parser's next network chunk) and, while
// the page parses, its scripts (for auto-block).
import { GATED, WITH_HELD_URL, type HeldElement } from './markup.js'

/**
 * Calls `releaseGate` for each gate in `root` (in document order). Most subtrees hold nothing gated. Chromium answers a
 * query for one attribute many times faster than one for a selector list, so two of those check first.
 */
export const scanForGates = (root: ParentNode, releaseGate: (gate: HeldElement) => unknown): void =>
  void ((root.querySelector('[data-category]') || root.querySelector('[data-service]')) && root.querySelectorAll<HeldElement>(GATED).forEach(releaseGate))

/**
 * Watches the document for added nodes. `holdParsedScript`, when given, sees each script the parser inserts, before it
 * runs. Returns the function that stops watching.
 */
export function watchAddedNodes(releaseGate: (gate: HeldElement) => unknown, holdParsedScript?: (script: HeldElement) => void): () => void {
  /** An added node (any kind) and its subtree; or, for a batch, a parent that received children. */
  let examine = (node: Node) => {
    let element = node as Element
    if (element.matches?.(GATED)) releaseGate(element as HeldElement)
    // A held URL that arrives after its gated parent (the parser's next network chunk: a <source> in a <video> the
    // visitor already allowed) is released by that parent.
    else if (element.matches?.(WITH_HELD_URL) || element.querySelector?.(WITH_HELD_URL)) {
      let owner = element.parentElement?.closest<HeldElement>(GATED)
      if (owner) releaseGate(owner)
    }
    if (element.firstElementChild) scanForGates(element, releaseGate)
  }

  /**
   * Only what was added is looked at. A few records: each added node and its subtree. Many (innerHTML, fragments,
   * loops of appends): one query per topmost parent costs less than one per node, and only `target` is read from each
   * record. A batch with nothing gated costs those reads and one query per parent (or per added element).
   */
  let observer = new MutationObserver((records) => {
    let many = records.length > 32
    let parents = new Set<Node>()
    let lastTarget: Node | undefined
    // A script the page inserts starts at once, before any observer sees it; only the parser's scripts wait for this
    // callback (it runs before each parser-inserted script), and the parser is done once the page is complete.
    let parsing = !!holdParsedScript && document.readyState != 'complete'
    for (let record of records) {
      let bulk = many || record.addedNodes.length > 32
      // Consecutive records mostly share their target (a loop appending to one list).
      if (bulk && record.target != lastTarget) parents.add((lastTarget = record.target))
      if (parsing || !bulk) {
        let nodes = record.addedNodes as NodeListOf<HeldElement>
        // Indexed: a NodeList's iterator costs several times more per node.
        for (let i = 0; i < nodes.length; i++) {
          let node = nodes[i]
          if (parsing && node.localName == 'script') holdParsedScript!(node)
          if (!bulk) examine(node)
        }
      }
    }
    // A parent inside another one is found by that one's query.
    for (let parent of parents) if (!parents.has(parent.parentNode!)) examine(parent)
  })
  observer.observe(document, { childList: true, subtree: true })
  return () => observer.disconnect()
}
