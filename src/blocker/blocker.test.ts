// @vitest-environment-options {"url":"http://www.charto.test/shop/cart","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
// happy-dom runs inline scripts here and answers external ones with a load event without running them.
// Its MutationObserver and script loading differ from browsers: test/browser/blocker.test.ts proves the real behaviour.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Cookies from 'js-cookie'
import { createConsent, type ConsentManager, type Extension, type ExtensionContext } from '../core/consent.js'
import type { ChartoConfig, ChartoEvents } from '../core/types.js'
import { blocker, createBlocker } from './index.js'
import { lazyClearing, type ClearDeclared } from './lazy-clear.js'
import { clearDeclared } from './clear.js'

type Win = Window & { log: string[] }
let win = window as unknown as Win
let managers: ConsentManager[] = []
let make = (config: ChartoConfig = {}, extensions: Extension[] = [blocker]) => {
  let manager = createConsent({ services: { ga4: { category: 'performance' }, pixel: { category: 'marketing' } }, ...config }, extensions)
  // Tests destroy some managers themselves; afterEach must not destroy them twice.
  let destroy = manager.destroy
  let destroyed = false
  manager.destroy = () => void (destroyed || ((destroyed = true), destroy()))
  managers.push(manager)
  return manager
}
let events = (manager: ConsentManager, name: keyof ChartoEvents) => {
  let list: any[] = []
  manager.on(name, (detail: unknown) => list.push(detail))
  return list
}
/** Subscribes before `ready`, as the UI does, to see what the first scan announces. */
let listen = (name: keyof ChartoEvents, list: any[]): Extension => ({ manager }) => void manager.on(name, (detail: unknown) => list.push(detail))
/** A marked-up element, created the way the parser would: attributes first, then inserted. */
let add = (tag: string, attrs: Record<string, string>, text = '', parent: Element = document.body) => {
  let el = document.createElement(tag)
  for (let name in attrs) el.setAttribute(name, attrs[name])
  if (text) el.textContent = text
  parent.append(el)
  return el
}
let script = (attrs: Record<string, string>, text = '') => add('script', { type: 'text/plain', ...attrs }, text) as HTMLScriptElement
let tick = () => new Promise((resolve) => setTimeout(resolve, 5))

beforeEach(() => {
  win.log = []
  document.head.innerHTML = ''
  document.body.innerHTML = ''
  for (let name of Object.keys(Cookies.get())) Cookies.remove(name)
  localStorage.clear()
})
afterEach(() => {
  for (let manager of managers) manager.destroy()
  managers = []
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('scripts', () => {
  it('a text/plain script does not run before consent and runs once after', async () => {
    script({ 'data-category': 'performance' }, 'log.push("ga")')
    let manager = make()
    await tick()
    expect(win.log).toEqual([])
    manager.acceptAll()
    await tick()
    expect(win.log).toEqual(['ga'])
    manager.setConsent({ marketing: false })
    manager.acceptAll()
    await tick()
    expect(win.log).toEqual(['ga'])
  })

  it('runs in document order, awaiting an external script before the next', async () => {
    script({ 'data-category': 'performance' }, 'log.push("a")')
    script({ 'data-category': 'performance', src: 'https://tracker.test/gtag.js' })
    // The revived script is a new element: listen on the document (load does not bubble, so capture).
    let loaded = (e: Event) => (e.target as HTMLScriptElement).src && win.log.push('gtag.js loaded')
    document.addEventListener('load', loaded, true)
    script({ 'data-category': 'performance' }, 'log.push("config")')
    script({ 'data-category': 'marketing' }, 'log.push("pixel")')
    make().acceptAll()
    await tick()
    await tick()
    document.removeEventListener('load', loaded, true)
    expect(win.log).toEqual(['a', 'gtag.js loaded', 'config', 'pixel'])
  })

  it('revives a run of inline scripts in one microtask, without a promise per script (CPU on a returning visit)', async () => {
    for (let i = 0; i < 5; i++) script({ 'data-category': 'performance' }, `log.push("${i}")`)
    let manager = make()
    manager.acceptAll()
    expect(win.log).toEqual([])
    await Promise.resolve()
    expect(win.log).toEqual(['0', '1', '2', '3', '4'])
  })

  it('a revival that throws (Trusted Types enforcement) is reported and does not stop the scripts after it', async () => {
    let text = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'text')!
    Object.defineProperty(HTMLScriptElement.prototype, 'text', {
      ...text,
      set(value: string) {
        if (value.includes('refused')) throw new TypeError('This document requires TrustedScript assignment.')
        text.set!.call(this, value)
      }
    })
    try {
      script({ 'data-category': 'performance' }, 'log.push("refused")')
      script({ 'data-category': 'performance' }, 'log.push("next")')
      let errors: unknown[] = []
      let manager = make({}, [blocker, listen('error', errors)])
      manager.acceptAll()
      await tick()
      expect(win.log).toEqual(['next'])
      expect(errors).toEqual([expect.any(TypeError)])
    } finally {
      Object.defineProperty(HTMLScriptElement.prototype, 'text', text)
    }
  })

  it('a failing external script does not hold the next one back', async () => {
    script({ 'data-category': 'performance', src: 'https://tracker.test/404.js' })
    script({ 'data-category': 'performance' }, 'log.push("after")')
    let manager = make()
    // The load never happens; the error event is what releases the queue.
    let listen = vi.spyOn(HTMLScriptElement.prototype, 'addEventListener').mockImplementation(function (type: string, fn: any) {
      if (type == 'error') setTimeout(fn)
    })
    manager.acceptAll()
    await tick()
    listen.mockRestore()
    expect(win.log).toEqual(['after'])
  })

  it('keeps every attribute and the nonce; data-type becomes the type', async () => {
    let el = script({
      'data-category': 'performance',
      'data-type': 'module',
      src: 'https://tracker.test/m.js',
      nonce: 'abc',
      integrity: 'sha384-x',
      crossorigin: 'anonymous',
      async: '',
      defer: '',
      referrerpolicy: 'no-referrer',
      id: 'm'
    })
    make().acceptAll()
    await tick()
    let ran = document.getElementById('m') as HTMLScriptElement
    // Re-created, so that scripts parsed from innerHTML (marked "already started") run too.
    expect(ran).not.toBe(el)
    expect(el.isConnected).toBe(false)
    expect(ran.type).toBe('module')
    expect(ran.nonce || ran.getAttribute('nonce')).toBe('abc')
    for (let [name, value] of [
      ['integrity', 'sha384-x'],
      ['crossorigin', 'anonymous'],
      ['async', ''],
      ['defer', ''],
      ['referrerpolicy', 'no-referrer'],
      ['src', 'https://tracker.test/m.js']
    ]) {
      expect(ran.getAttribute(name)).toBe(value)
    }
  })

  it('a classic script loses the text/plain type', async () => {
    let el = script({ 'data-category': 'performance' }, 'log.push(1)')
    make().acceptAll()
    await tick()
    let ran = document.querySelector('script[data-category=performance]')!
    expect(ran.hasAttribute('type')).toBe(false)
    expect(ran.textContent).toBe('log.push(1)')
    expect(el.isConnected).toBe(false)
  })

  it('"performance marketing" needs both', async () => {
    script({ 'data-category': 'performance marketing' }, 'log.push("both")')
    let manager = make()
    manager.setConsent({ performance: true, marketing: false })
    await tick()
    expect(win.log).toEqual([])
    manager.setConsent({ marketing: true })
    await tick()
    expect(win.log).toEqual(['both'])
  })

  it('"!marketing" runs for undecided visitors and while denied, on every load', async () => {
    script({ 'data-category': '!marketing' }, 'log.push("no-ads")')
    let manager = make()
    await tick()
    expect(win.log).toEqual(['no-ads'])
    manager.rejectAll()
    manager.destroy()
    // A later page load of a visitor who refused marketing.
    document.body.innerHTML = ''
    script({ 'data-category': '!marketing' }, 'log.push("no-ads again")')
    make()
    await tick()
    expect(win.log).toEqual(['no-ads', 'no-ads again'])
  })

  it('"!marketing" stays held while marketing is granted', async () => {
    make().acceptAll()
    managers[0].destroy()
    script({ 'data-category': '!marketing' }, 'log.push("no-ads")')
    script({ 'data-category': 'performance !marketing' }, 'log.push("mixed")')
    make()
    await tick()
    expect(win.log).toEqual([])
  })

  it('data-service follows the service, including a separate decision', async () => {
    script({ 'data-category': 'performance', 'data-service': 'ga4' }, 'log.push("ga4")')
    let manager = make()
    manager.setConsent({ performance: true, ga4: false })
    await tick()
    expect(win.log).toEqual([])
    manager.setConsent({ ga4: true })
    await tick()
    expect(win.log).toEqual(['ga4'])
  })

  it('an unconfigured service follows data-category, and with none it stays blocked (fail closed)', async () => {
    script({ 'data-service': 'unknown' }, 'log.push("never")')
    script({ 'data-service': 'unknown', 'data-category': 'performance' }, 'log.push("category")')
    script({ 'data-category': '' }, 'log.push("empty")')
    script({ 'data-category': 'nonexistent' }, 'log.push("typo")')
    make().acceptAll()
    await tick()
    expect(win.log).toEqual(['category'])
  })

  it('"!id" with an unknown or empty id stays blocked (fail closed, like a misspelt id)', async () => {
    script({ 'data-category': '!markting' }, 'log.push("typo")')
    script({ 'data-category': '!' }, 'log.push("bang")')
    script({ 'data-category': '!marketing' }, 'log.push("no-ads")')
    make().rejectAll()
    await tick()
    expect(win.log).toEqual(['no-ads'])
  })

  it('ordinary scripts and text/plain blocks without data-category are left alone', async () => {
    let plain = add('script', { type: 'text/plain' }, 'log.push("x")')
    let json = add('script', { type: 'application/json', 'data-category': 'performance' }, '{}')
    make().acceptAll()
    await tick()
    expect(plain.getAttribute('type')).toBe('text/plain')
    expect(json.getAttribute('type')).toBe('application/json')
    expect(win.log).toEqual([])
  })

  it('a script granted then revoked before its turn stays held', async () => {
    script({ 'data-category': 'performance', src: 'https://tracker.test/slow.js' })
    let second = script({ 'data-category': 'marketing' }, 'log.push("late")')
    let manager = make()
    manager.acceptAll()
    manager.setConsent({ marketing: false })
    await tick()
    expect(win.log).toEqual([])
    expect(second.getAttribute('type')).toBe('text/plain')
    manager.setConsent({ marketing: true })
    await tick()
    expect(win.log).toEqual(['late'])
  })
})

describe('scripts removed by the page', () => {
  it('a held script the page removed before its turn stays held', async () => {
    script({ 'data-category': 'performance', src: 'https://tracker.test/slow.js' })
    let gone = script({ 'data-category': 'performance' }, 'log.push("gone")')
    let manager = make()
    manager.acceptAll()
    gone.remove()
    await tick()
    expect(win.log).toEqual([])
    expect(gone.getAttribute('type')).toBe('text/plain')
  })
})

describe('embeds', () => {
  it('a data-src iframe stays empty, is announced as blocked, and loads on consent', async () => {
    let iframe = add('iframe', { 'data-src': 'https://www.youtube-nocookie.com/embed/x', 'data-category': 'marketing', 'data-service': 'pixel' })
    let blocked: any[] = []
    let unblocked: any[] = []
    let manager = make({}, [blocker, listen('blocked', blocked), listen('unblocked', unblocked)])
    expect(iframe.hasAttribute('src')).toBe(false)
    expect(blocked).toEqual([{ element: iframe, categories: ['marketing'], service: 'pixel' }])
    manager.rejectAll()
    expect(blocked).toHaveLength(1)
    manager.acceptAll()
    expect(iframe.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/x')
    expect(iframe.hasAttribute('data-src')).toBe(false)
    expect(unblocked).toEqual([{ element: iframe }])
  })

  it('a withdrawal unloads a frame charto loaded: it goes blank, holds its URL again and is announced again', () => {
    let iframe = add('iframe', { 'data-src': 'https://www.youtube-nocookie.com/embed/x', 'data-service': 'pixel', title: 'Video' })
    let blocked: any[] = []
    let manager = make({}, [blocker, listen('blocked', blocked)])
    manager.acceptAll()
    expect(iframe.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/x')
    manager.setConsent({ pixel: false })
    // Inserted afresh without a URL: a blank frame.
    expect([iframe.getAttribute('src'), iframe.dataset.src, iframe.isConnected]).toEqual([null, 'https://www.youtube-nocookie.com/embed/x', true])
    expect(blocked.map((d) => d.element)).toEqual([iframe, iframe])
    // Granted again: it loads like any held frame.
    manager.setConsent({ pixel: true })
    expect([iframe.getAttribute('src'), iframe.hasAttribute('data-src')]).toEqual(['https://www.youtube-nocookie.com/embed/x', false])
    // A frame the page itself loaded (plain src) is not charto's to unload.
    let own = add('iframe', { src: 'https://maps.test/x', 'data-category': 'functional' })
    manager.rejectAll()
    expect(own.getAttribute('src')).toBe('https://maps.test/x')
  })

  it('images (src and srcset), link hrefs, object data, and media with their sources', async () => {
    let img = add('img', { 'data-src': '/p.png', 'data-srcset': '/p2.png 2x', 'data-category': 'performance' })
    let link = add('link', { rel: 'stylesheet', 'data-href': '/fonts.css', 'data-category': 'functional' })
    let object = add('object', { 'data-src': '/map.svg', 'data-category': 'functional' })
    let video = add('video', { 'data-category': 'marketing' })
    let source = add('source', { 'data-src': '/v.mp4', type: 'video/mp4' }, '', video)
    let load = vi.spyOn(video as HTMLVideoElement, 'load').mockImplementation(() => {})
    let blocked: any[] = []
    make({}, [blocker, listen('blocked', blocked)])
    expect(blocked.map((d) => d.element)).toEqual([object, video])
    expect([img.hasAttribute('src'), img.hasAttribute('srcset'), link.hasAttribute('href'), source.hasAttribute('src')]).toEqual([false, false, false, false])
    managers[0].acceptAll()
    expect(img.getAttribute('src')).toBe('/p.png')
    expect(img.getAttribute('srcset')).toBe('/p2.png 2x')
    expect(link.getAttribute('href')).toBe('/fonts.css')
    expect(object.getAttribute('data')).toBe('/map.svg')
    expect(source.getAttribute('src')).toBe('/v.mp4')
    expect(load).toHaveBeenCalledOnce()
  })

  it('a video poster (data-poster) and an inline style with URLs (data-style, added to the element\'s own) are held too', () => {
    let video = add('video', { 'data-poster': '/poster.png', 'data-category': 'marketing' })
    let box = add('div', { style: 'width: 50px', 'data-style': 'background-image: url(/bg.png)', 'data-category': 'marketing' })
    let manager = make()
    expect([video.hasAttribute('poster'), box.style.backgroundImage]).toEqual([false, ''])
    manager.acceptAll()
    expect([video.getAttribute('poster'), box.style.width, box.style.backgroundImage, box.hasAttribute('data-style')]).toEqual([
      '/poster.png',
      '50px',
      'url("/bg.png")',
      false
    ])
  })

  it('an element gated on its own inside a granted container waits for its own category', async () => {
    let box = add('div', { 'data-category': 'functional' })
    let map = add('img', { 'data-src': '/map.png' }, '', box)
    let iframe = add('iframe', { 'data-src': 'https://tracker.example/x', 'data-category': 'marketing' }, '', box)
    let manager = make()
    manager.setConsent({ functional: true })
    expect(map.getAttribute('src')).toBe('/map.png')
    expect(iframe.hasAttribute('src')).toBe(false)
    manager.setConsent({ marketing: true })
    expect(iframe.getAttribute('src')).toBe('https://tracker.example/x')
  })

  it('a media element is reloaded only when a URL moved, so later decisions never restart it', async () => {
    let video = add('video', { 'data-category': 'functional' })
    add('source', { 'data-src': '/v.mp4', 'data-category': 'marketing' }, '', video)
    let load = vi.spyOn(video as HTMLVideoElement, 'load').mockImplementation(() => {})
    let manager = make()
    manager.setConsent({ functional: true })
    manager.setConsent({ performance: true })
    expect(load).not.toHaveBeenCalled()
    manager.setConsent({ marketing: true })
    expect(load).toHaveBeenCalledOnce()
    manager.setConsent({ performance: false })
    expect(load).toHaveBeenCalledOnce()
  })

  it('a <source> gated on its own reloads its media element', async () => {
    let audio = add('audio', {})
    add('source', { 'data-src': '/a.mp3', 'data-category': 'functional' }, '', audio)
    let load = vi.spyOn(audio as HTMLAudioElement, 'load').mockImplementation(() => {})
    make().acceptAll()
    expect(load).toHaveBeenCalledOnce()
  })
})

describe('content added later', () => {
  it('markup added after init is gated, then runs on consent', async () => {
    let manager = make()
    let blocked = events(manager, 'blocked')
    let section = document.createElement('section')
    section.innerHTML = '<div><iframe data-src="https://maps.test/x" data-category="functional"></iframe></div>'
    document.body.append(section)
    script({ 'data-category': 'performance' }, 'log.push("later")')
    await tick()
    expect(win.log).toEqual([])
    expect(blocked.map((d) => d.element)).toEqual([section.querySelector('iframe')])
    manager.acceptAll()
    await tick()
    expect(win.log).toEqual(['later'])
    expect(section.querySelector('iframe')!.getAttribute('src')).toBe('https://maps.test/x')
  })

  it('markup added after consent runs at once', async () => {
    make().acceptAll()
    script({ 'data-category': 'performance' }, 'log.push("now")')
    let img = add('img', { 'data-src': '/x.png', 'data-category': 'performance' })
    await tick()
    expect(win.log).toEqual(['now'])
    expect(img.getAttribute('src')).toBe('/x.png')
  })

  it('a large batch (many appends, or one insertion of many nodes) is gated down to nested elements', async () => {
    let manager = make()
    let blocked = events(manager, 'blocked')
    // Many records in one callback: only their parents are queried.
    let list = add('ul', {})
    let frame: Element | undefined
    for (let i = 0; i < 50; i++) {
      let item = add('li', {}, 'item ' + i, list)
      if (i == 30) frame = add('iframe', { 'data-src': '/loop.html', 'data-category': 'marketing' }, '', add('div', {}, '', item))
    }
    // One record with many added nodes.
    let box = add('div', {})
    box.innerHTML = '<p>x</p>'.repeat(40) + '<div><img data-src="/html.png" data-category="marketing"></div>'
    script({ 'data-category': 'marketing' }, 'log.push("after batch")')
    await tick()
    expect(blocked.map((d) => d.element)).toEqual([frame])
    expect(box.querySelector('img')!.hasAttribute('src')).toBe(false)
    expect(win.log).toEqual([])
    manager.acceptAll()
    await tick()
    expect(frame!.getAttribute('src')).toBe('/loop.html')
    expect(box.querySelector('img')!.getAttribute('src')).toBe('/html.png')
    expect(win.log).toEqual(['after batch'])
  })

  it('a large batch added after consent loads at once', async () => {
    make().acceptAll()
    let list = add('ul', {})
    for (let i = 0; i < 50; i++) add('li', {}, '', list).innerHTML = i == 40 ? '<img data-src="/late.png" data-category="marketing">' : 'item'
    await tick()
    expect(list.querySelector('img')!.getAttribute('src')).toBe('/late.png')
  })

  it('nothing is observed after destroy()', async () => {
    let manager = make()
    manager.acceptAll()
    manager.destroy()
    script({ 'data-category': 'performance' }, 'log.push("x")')
    await tick()
    expect(win.log).toEqual([])
  })
})

describe('config-loaded scripts and callbacks', () => {
  it('loads services.<id>.scripts objects once granted, attributes as text, event handlers refused', async () => {
    let manager = make({
      services: {
        ga4: {
          category: 'performance',
          scripts: [{ src: 'https://www.googletagmanager.com/gtag/js?id=G-1', attrs: { nonce: 'n1', 'data-x': '<b>', onload: 'alert(1)', type: 'module' } }]
        }
      }
    })
    let held = document.head.querySelector('script[data-service="ga4"]') as HTMLScriptElement
    expect(held.getAttribute('type')).toBe('text/plain')
    manager.acceptAll()
    await tick()
    let el = document.head.querySelector('script[data-service="ga4"]') as HTMLScriptElement
    expect(el.getAttribute('src')).toBe('https://www.googletagmanager.com/gtag/js?id=G-1')
    expect(el.type).toBe('module')
    expect(el.getAttribute('data-x')).toBe('<b>')
    expect(el.hasAttribute('onload')).toBe(false)
    expect(el.nonce || el.getAttribute('nonce')).toBe('n1')
    manager.setConsent({ performance: false })
    manager.acceptAll()
    await tick()
    expect(document.head.querySelectorAll('script')).toHaveLength(1)
  })

  it('calls onAccept/onReject; a throwing callback breaks nothing and is reported as error', async () => {
    let calls: string[] = []
    let manager = make({
      services: {
        ga4: { category: 'performance', onAccept: () => calls.push('ga4 on'), onReject: () => calls.push('ga4 off') },
        pixel: {
          category: 'marketing',
          onAccept() {
            throw new Error('host bug')
          }
        }
      }
    })
    let errors = events(manager, 'error')
    script({ 'data-category': 'performance' }, 'log.push("ran")')
    manager.acceptAll()
    await tick()
    manager.rejectAll()
    expect(calls).toEqual(['ga4 on', 'ga4 off'])
    expect(errors.map((e) => e.message)).toEqual(['host bug'])
    expect(win.log).toEqual(['ran'])
  })

  it('calls onAccept at load for a returning visitor who granted', () => {
    make().acceptAll()
    managers[0].destroy()
    let onAccept = vi.fn()
    make({ services: { ga4: { category: 'performance', onAccept } } })
    expect(onAccept).toHaveBeenCalledOnce()
  })
})

describe('auto-block', () => {
  let config: ChartoConfig = {
    autoBlock: true,
    services: {
      ga4: { category: 'performance', scripts: ['*.google-analytics.com/*'] },
      yt: { category: 'marketing', scripts: ['www.youtube.com/embed/*'] }
    }
  }

  it('a matching script created from JavaScript waits in data-src until consent', async () => {
    let manager = make(config)
    let s = document.createElement('script')
    s.src = 'https://www.google-analytics.com/analytics.js'
    document.head.append(s)
    expect(s.hasAttribute('src')).toBe(false)
    expect(s.dataset).toMatchObject({ src: 'https://www.google-analytics.com/analytics.js', service: 'ga4' })
    manager.acceptAll()
    expect(s.getAttribute('src')).toBe('https://www.google-analytics.com/analytics.js')
    expect(s.src).toBe('https://www.google-analytics.com/analytics.js')
  })

  it('setAttribute, iframes, and relative URLs resolved against the page', async () => {
    let manager = make({ ...config, services: { ...config.services, own: { category: 'functional', scripts: ['www.charto.test/vendor/*'] } } })
    let frame = document.createElement('iframe')
    frame.setAttribute('SRC', 'https://www.youtube.com/embed/abc')
    let own = document.createElement('script')
    own.setAttribute('src', '/vendor/chat.js')
    document.body.append(frame, own)
    let blocked = events(manager, 'blocked')
    await tick()
    expect(frame.hasAttribute('src')).toBe(false)
    expect(own.hasAttribute('src')).toBe(false)
    expect(blocked).toEqual([{ element: frame, categories: [], service: 'yt' }])
    manager.acceptAll()
    expect(frame.getAttribute('src')).toBe('https://www.youtube.com/embed/abc')
    expect(own.getAttribute('src')).toBe('/vendor/chat.js')
  })

  it('a marked-up text/plain script matching a pattern keeps its src, so it is still awaited before the next', async () => {
    let manager = make({ ...config, services: { ga4: { category: 'performance', scripts: ['www.googletagmanager.com/gtag/*'] } } })
    let onLoad = (event: Event) => (event.target as Element).localName == 'script' && win.log.push('gtag.js loaded')
    document.addEventListener('load', onLoad, true)
    try {
      let held = script({ 'data-service': 'ga4', src: 'https://www.googletagmanager.com/gtag/js?id=G-1', id: 'gtag' })
      script({ 'data-service': 'ga4' }, 'log.push("config")')
      await tick()
      expect(held.getAttribute('src')).toBe('https://www.googletagmanager.com/gtag/js?id=G-1')
      manager.acceptAll()
      await tick()
      await tick()
      expect(document.getElementById('gtag')!.getAttribute('src')).toBe('https://www.googletagmanager.com/gtag/js?id=G-1')
      expect(win.log).toEqual(['gtag.js loaded', 'config'])
    } finally {
      document.removeEventListener('load', onLoad, true)
    }
  })

  it('other URLs, granted services and other elements pass untouched', () => {
    let manager = make(config)
    let other = document.createElement('script')
    other.src = 'https://cdn.test/lib.js'
    expect(other.getAttribute('src')).toBe('https://cdn.test/lib.js')
    manager.setConsent({ performance: true })
    let granted = document.createElement('script')
    granted.src = 'https://www.google-analytics.com/analytics.js'
    expect(granted.getAttribute('src')).toBe('https://www.google-analytics.com/analytics.js')
    let img = document.createElement('img')
    img.src = 'https://www.google-analytics.com/collect'
    expect(img.getAttribute('src')).toBe('https://www.google-analytics.com/collect')
  })

  it('off unless autoBlock is true; destroy() restores createElement', () => {
    let original = document.createElement
    make({ ...config, autoBlock: false })
    expect(document.createElement).toBe(original)
    let manager = make(config)
    expect(document.createElement).not.toBe(original)
    manager.destroy()
    expect(document.createElement).toBe(original)
  })
})

describe('withdrawal', () => {
  let config: ChartoConfig = {
    categories: { performance: { cookies: ['/^_ga/', { name: 'IDE', thirdParty: true }], storage: ['/^_hj/'] } },
    services: { pixel: { category: 'marketing', cookies: ['_fbp'], storage: ['fb_id'] } }
  }

  it('clears the revoked category and service, reports it in cleared, keeps the consent cookie', async () => {
    let manager = make(config)
    manager.acceptAll()
    document.cookie = '_ga=1; domain=charto.test; path=/'
    document.cookie = '_ga_X=1; path=/shop'
    document.cookie = '_fbp=1; path=/'
    document.cookie = 'cart=1; path=/'
    localStorage.setItem('_hjSession', '1')
    sessionStorage.setItem('fb_id', '1')
    let cleared = events(manager, 'cleared')
    manager.rejectAll()
    await tick()
    expect(cleared).toHaveLength(1)
    expect(cleared[0].removed.sort()).toEqual(['_fbp', '_ga', '_ga_X', '_hjSession', 'fb_id'])
    expect(cleared[0].failed).toEqual(['IDE'])
    expect(document.cookie).toMatch(/charto_consent=/)
    expect(document.cookie).toMatch(/cart=1/)
    expect(document.cookie).not.toMatch(/_ga|_fbp/)
  })

  it('a first rejection (nothing granted before) clears nothing; opt-out rejection does', async () => {
    let manager = make(config)
    let cleared = events(manager, 'cleared')
    manager.rejectAll()
    await tick()
    expect(cleared).toEqual([])
    manager.destroy()
    Cookies.remove('charto_consent')
    document.cookie = '_ga=1; path=/'
    let optOut = make({ ...config, mode: 'opt-out' })
    let cleared2 = events(optOut, 'cleared')
    optOut.rejectAll()
    await tick()
    expect(cleared2[0].removed).toEqual(['_ga'])
  })

  it('a first decision after an expired or older-revision grant clears what that grant left behind', async () => {
    make(config).acceptAll()
    document.cookie = '_ga=1; path=/'
    // The revision was raised: the old grant no longer counts, but its cookie is still there.
    let later = make({ ...config, revision: 1 })
    let cleared = events(later, 'cleared')
    expect(later.getConsent().decided).toBe(false)
    later.rejectAll()
    await tick()
    expect(cleared.map((c: any) => c.removed)).toEqual([['_ga']])
    expect(document.cookie).not.toContain('_ga=')
  })

  it('reloadOnRevoke waits for the change handlers of every module and the clearing', async () => {
    let order: string[] = []
    let reload = vi.fn(() => order.push('reload'))
    vi.spyOn(location, 'reload').mockImplementation(reload)
    let later: Extension = ({ manager }) => void manager.on('change', () => order.push('later module'))
    let manager = make({ ...config, reloadOnRevoke: true }, [blocker, later])
    manager.on('cleared', () => order.push('cleared'))
    manager.acceptAll()
    await tick()
    expect(reload).not.toHaveBeenCalled()
    manager.setConsent({ marketing: false })
    order.push('after setConsent')
    await vi.waitFor(() => expect(reload).toHaveBeenCalled())
    expect(order).toEqual(['later module', 'later module', 'after setConsent', 'cleared', 'reload'])
  })

  it('the GPC override of a stored grant at init clears its cookies but never reloads (nothing ran yet)', async () => {
    let reload = vi.spyOn(location, 'reload').mockImplementation(() => {})
    make({ ...config, mode: 'opt-out' }).acceptAll()
    managers[0].destroy()
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    try {
      document.cookie = '_fbp=1; path=/'
      let cleared: any[] = []
      make({ ...config, mode: 'opt-out', reloadOnRevoke: true }, [blocker, listen('cleared', cleared)])
      await tick()
      expect(cleared[0].removed).toEqual(['_fbp'])
      expect(reload).not.toHaveBeenCalled()
    } finally {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true })
    }
  })

  it('lazyClearing: loads the clearing only when a decision refuses something that declares cookies or storage', async () => {
    let loadClearing = vi.fn(() => Promise.resolve(clearDeclared))
    let withClearing = createBlocker(lazyClearing(loadClearing))
    // A withdrawal of what declares nothing: no clearing to load; `cleared` says that nothing was removed.
    let manager = make({ categories: { functional: {} } }, [withClearing])
    let cleared = events(manager, 'cleared')
    manager.acceptAll()
    manager.setConsent({ functional: false })
    await tick()
    expect(loadClearing).not.toHaveBeenCalled()
    expect(cleared).toEqual([{ removed: [], failed: [] }])
    manager.destroy()
    Cookies.remove('charto_consent')
    // A returning visit decides nothing: nothing to load either.
    make(config, [withClearing]).acceptAll()
    managers.at(-1)!.destroy()
    make(config, [withClearing])
    await tick()
    expect(loadClearing).not.toHaveBeenCalled()
    managers.at(-1)!.rejectAll()
    await tick()
    expect(loadClearing).toHaveBeenCalledTimes(1)
  })

  it('lazyClearing: a clearing that cannot be loaded reports one error, reloads with reloadOnRevoke, and is tried again', async () => {
    let reload = vi.spyOn(location, 'reload').mockImplementation(() => {})
    let failure = new Error('charto: charto.clear.js did not load')
    let loadClearing = vi.fn((): Promise<ClearDeclared> => Promise.reject(failure))
    let manager = make({ ...config, reloadOnRevoke: true }, [createBlocker(lazyClearing(loadClearing))])
    let errors = events(manager, 'error')
    let cleared = events(manager, 'cleared')
    manager.acceptAll()
    document.cookie = '_ga=1; path=/'
    manager.rejectAll()
    // Waits for the reload itself, not a fixed time: a reload still pending when the test ends would land in the next.
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1))
    expect([errors, cleared]).toEqual([[failure], []])
    // The decision was stored: the reload still stops what the withdrawn categories run.
    expect(manager.getConsent().categories.performance).toBe(false)
    expect(document.cookie).toContain('_ga=1')
    loadClearing.mockImplementation(() => Promise.resolve(clearDeclared))
    manager.acceptAll()
    manager.rejectAll()
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(2))
    expect(cleared.map((detail) => detail.removed)).toEqual([['_ga']])
  })

  it('no reload without reloadOnRevoke', async () => {
    let reload = vi.spyOn(location, 'reload').mockImplementation(() => {})
    let manager = make(config)
    manager.acceptAll()
    manager.rejectAll()
    await tick()
    expect(reload).not.toHaveBeenCalled()
  })
})

describe('setup', () => {
  it('does nothing without a document (SSR)', () => {
    vi.stubGlobal('document', undefined)
    let context = { config: {} } as unknown as ExtensionContext
    expect(blocker(context)).toBeUndefined()
  })
})
