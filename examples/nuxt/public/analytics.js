// Stands in for an analytics script: counts its runs and sets the cookie the configuration declares.
window.analyticsRuns = (window.analyticsRuns || 0) + 1
document.cookie = 'example_analytics=1; path=/'
