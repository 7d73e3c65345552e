// What a start costs: a returning visitor's page decodes the stored record once and builds its consent state once,
// however many extensions and handlers ask for it. Counted through the record codec, which every start goes through.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import * as record from './record.js'
import { createConsent, type ConsentManager } from './consent.js'
import type { ConsentState } from './types.js'

vi.mock('./record.js', async (original) => {
  let actual = await original<typeof import('./record.js')>()
  return { ...actual, decodeDecision: vi.fn(actual.decodeDecision), encodeDecision: vi.fn(actual.encodeDecision) }
})

let managers: ConsentManager[] = []
let make = () => {
  let manager = createConsent({ services: { ga4: { category: 'performance' } } })
  managers.push(manager)
  return manager
}
/** Waits until the microtasks queued by the start have run: the next `isGranted` may look at storage again. */
let nextTask = () => new Promise((resolve) => setTimeout(resolve))

beforeEach(() => {
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  make().acceptAll()
  vi.mocked(record.decodeDecision).mockClear()
  vi.mocked(record.encodeDecision).mockClear()
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
})

describe('a returning visit', () => {
  it('hands every listener and caller the one state it built, frozen so that nobody can change it for the others', () => {
    let seen: ConsentState[] = []
    let manager = createConsent({ services: { ga4: { category: 'performance' } } }, [
      ({ manager: m }) => {
        m.on('consent', (state) => void seen.push(state))
        m.on('ready', (state) => void seen.push(state, m.getConsent()))
      }
    ])
    managers.push(manager)
    manager.on('ready', (state) => void seen.push(state))
    expect(seen).toHaveLength(4)
    for (let state of seen) expect(state).toBe(seen[0])
    expect(Object.isFrozen(seen[0]) && Object.isFrozen(seen[0].categories) && Object.isFrozen(seen[0].services)).toBe(true)
    expect(() => {
      'use strict'
      ;(seen[0].categories as Record<string, boolean>).marketing = true
    }).toThrow(TypeError)
    expect(manager.isGranted('marketing')).toBe(true)
    expect(manager.isGranted('nothing')).toBe(false)
  })

  it('still takes a decision that storage changed meanwhile', async () => {
    let manager = make()
    await nextTask()
    make().rejectAll()
    await nextTask()
    expect(manager.isGranted('performance')).toBe(false)
    expect(manager.getConsent().method).toBe('reject-all')
  })
})
