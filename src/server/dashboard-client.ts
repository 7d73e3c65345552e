// The dashboard page's script, bundled with uPlot into dist/records-dashboard.global.js. It asks /admin/stats with
// the token the person typed (kept for this tab only) and charts the aggregates it returns.
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import './dashboard.css'
import type { Stats } from './stats.js'

const TOKEN_KEY = 'charto-records-token'
const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7b83', '#57606a']

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
let form = element<HTMLFormElement>('query')
let tokenInput = element<HTMLInputElement>('token')
let fromInput = element<HTMLInputElement>('from')
let toInput = element<HTMLInputElement>('to')
let status = element<HTMLElement>('status')
let charts = element<HTMLElement>('charts')
let plots: Record<string, uPlot> = {}

let isoDay = (time: number) => new Date(time).toISOString().slice(0, 10)
toInput.value ||= isoDay(Date.now() + 864e5)
fromInput.value ||= isoDay(Date.now() - 30 * 864e5)
tokenInput.value = sessionStorage.getItem(TOKEN_KEY) || ''

function draw(id: string, data: uPlot.AlignedData, names: string[], unit: string) {
  plots[id]?.destroy()
  let target = element<HTMLElement>(id)
  plots[id] = new uPlot(
    {
      width: Math.max(320, Math.min(target.clientWidth - 16, 920)),
      height: 280,
      series: [{}, ...names.map((name, index) => ({ label: name, stroke: COLORS[index % COLORS.length], width: 2, points: { show: true } }))],
      scales: unit == '%' ? { y: { range: [0, 100] } } : {},
      // Whole UTC days on the x axis: the stats are per day.
      axes: [
        { incrs: [864e2, 7 * 864e2, 28 * 864e2], values: (_plot, ticks) => ticks.map((tick) => new Date(tick * 1000).toISOString().slice(0, 10)) },
        { values: (_plot, ticks) => ticks.map((tick) => tick + unit) }
      ]
    },
    data,
    target
  )
}

function table(title: string, counts: Record<string, number>) {
  let result = document.createElement('table')
  let caption = result.createCaption()
  caption.textContent = title
  for (let [key, count] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
    let row = result.insertRow()
    row.insertCell().textContent = key
    let cell = row.insertCell()
    cell.className = 'count'
    cell.textContent = String(count)
  }
  return result
}

function render(stats: Stats) {
  let days = stats.days
  let total = days.reduce((sum, day) => sum + day.records, 0)
  status.textContent = `${total} decisions on ${days.length} days (UTC), ${stats.from.slice(0, 10)} to ${stats.to.slice(0, 10)}.`
  charts.hidden = !days.length
  if (!days.length) return
  let x = days.map((day) => Date.parse(day.day + 'T00:00:00Z') / 1000)
  let keys = (pick: (day: Stats['days'][number]) => object) => [...new Set(days.flatMap((day) => Object.keys(pick(day))))].sort()
  let categories = keys((day) => day.categories).filter((id) => id != 'necessary')
  draw('rates', [x, ...categories.map((id) => days.map((day) => (day.categories[id] ? Math.round(day.categories[id].rate * 1000) / 10 : null)))], categories, '%')
  let methods = keys((day) => day.methods)
  draw('methods', [x, ...methods.map((method) => days.map((day) => day.methods[method] || 0))], methods, '')
  let sum = (pick: (day: Stats['days'][number]) => Record<string, number>) => {
    let totals: Record<string, number> = {}
    for (let day of days) for (let [key, count] of Object.entries(pick(day))) totals[key] = (totals[key] || 0) + count
    return totals
  }
  element<HTMLElement>('totals').replaceChildren(
    table('Methods', sum((day) => day.methods)),
    table('Regions', sum((day) => day.regions)),
    table('Revisions', sum((day) => day.revisions))
  )
}

async function show() {
  sessionStorage.setItem(TOKEN_KEY, tokenInput.value)
  status.textContent = 'Loading…'
  let query = new URLSearchParams({ from: fromInput.value, to: toInput.value })
  try {
    let response = await fetch('/admin/stats?' + query, { headers: { authorization: 'Bearer ' + tokenInput.value } })
    let body = await response.json()
    if (!response.ok) {
      charts.hidden = true
      status.textContent = body.error || `The service answered ${response.status}.`
      return
    }
    render(body)
  } catch {
    status.textContent = 'The service could not be reached.'
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  show()
})
if (tokenInput.value) show()
