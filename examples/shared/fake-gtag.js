// A local stand-in for Google's gtag.js, so the Consent Mode examples run with no external network.
// Like gtag.js it reads the commands already queued in window.dataLayer (Arguments objects from
// `function gtag(){ dataLayer.push(arguments) }`; arrays are ignored, as gtag.js does), then handles every later push.
// It keeps what it saw in window.fakeGtag and shows it in #gtag-log when the page has one:
//   - the current consent state (from `consent default` / `consent update`),
//   - "hits": a page_view for each `config`, cookieless while analytics_storage is denied,
//   - the _ga cookie, set only once analytics_storage is granted (as gtag.js does).
;(function () {
  var state = (window.fakeGtag = { loaded: true, consent: {}, commands: [], hits: [], events: [] })
  var configs = []
  var log = function (text) {
    var el = document.getElementById('gtag-log')
    if (el) el.textContent += text + '\n'
  }
  var granted = function () {
    return state.consent.analytics_storage === 'granted'
  }
  var cookie = function () {
    return /(?:^|; )_ga=/.test(document.cookie)
  }
  var hit = function (id) {
    if (granted() && !cookie()) {
      document.cookie = '_ga=GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000) + '; path=/; max-age=63072000; SameSite=Lax'
    }
    var entry = { type: 'page_view', id: id, cookieless: !granted() }
    state.hits.push(entry)
    log('hit page_view ' + id + (entry.cookieless ? ' (cookieless ping)' : ' (with cookies)'))
  }
  var handle = function (entry) {
    if (Array.isArray(entry) || !entry) return
    if (typeof entry.length === 'number' && typeof entry[0] === 'string') {
      var args = Array.prototype.slice.call(entry)
      state.commands.push(args[0] + (typeof args[1] === 'string' ? ' ' + args[1] : ''))
      if (args[0] === 'consent') {
        var wasGranted = granted()
        for (var key in args[2]) state.consent[key] = args[2][key]
        log('consent ' + args[1] + ' analytics_storage=' + state.consent.analytics_storage + ' ad_storage=' + state.consent.ad_storage)
        // Like gtag.js: once analytics_storage becomes granted, measurement continues with cookies.
        if (!wasGranted && granted()) configs.forEach(hit)
      } else if (args[0] === 'config') {
        configs.push(args[1])
        hit(args[1])
      } else {
        log(args[0] + (args[1] !== undefined && !(args[1] instanceof Date) ? ' ' + args[1] : ''))
      }
    } else if (entry.event) {
      state.events.push(entry)
      log('event ' + entry.event)
    }
  }
  log('fake gtag.js loaded; reading the queued dataLayer')
  var dataLayer = (window.dataLayer = window.dataLayer || [])
  dataLayer.forEach(handle)
  var push = dataLayer.push
  dataLayer.push = function () {
    var result = push.apply(dataLayer, arguments)
    for (var i = 0; i < arguments.length; i++) handle(arguments[i])
    return result
  }
})()
