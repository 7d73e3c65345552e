// The styles only the preferences centre uses, specified with the rest in docs/design.md: the close button, Save
// choices (outlined, like the banner's Preferences), the switches, the category and service rows, the folded details
// and the cookie tables. They come with the preferences centre and are added to the dialog's shadow root after
// ./css.ts (src/ui/shadow-host.ts), the first time it opens: later in the cascade, as they were in the one sheet.
// A plain literal, like ./css.ts; each line ends in \ (no newline in the value).
export default `[part~=save]{background:0;color:var(--charto-accent)}\
@media(max-width:30em){[part=preferences]>[part=buttons]{font-size:.875em}[part=preferences]{padding-inline:.75em}[part~=save]{flex-basis:100%}}\
[part=close]{border:0;background:0;color:inherit;float:inline-end;font-size:1.25em;font-weight:400;line-height:1;min-height:0;width:1.6em;height:1.6em;padding:0;margin-inline-end:-.4em}\
[part=category]{border-top:1px solid var(--charto-border);padding-top:.75em}\
[part=row],label{display:flex;align-items:center;gap:.75em;min-height:2em}\
[part=row]{justify-content:space-between;flex-wrap:wrap;font-weight:700;margin-bottom:.25em}\
[part=row] span{font-size:.875em;font-weight:400;padding:0 .5em;border:1px solid;border-radius:1em}\
summary{margin:0 0 .75em;cursor:pointer;width:fit-content;min-height:1.5em}\
input{font:inherit;appearance:none;flex:none;position:relative;margin:0;width:2.75em;height:1.5em;border:2px solid var(--charto-border);border-radius:1em;background:var(--charto-bg)}\
input::before{content:"";position:absolute;top:2px;inset-inline-start:2px;width:1em;height:1em;border-radius:50%;background:var(--charto-border)}\
:checked{background:var(--charto-accent);border-color:var(--charto-accent)}\
:checked::before{inset-inline-start:1.25em;background:var(--charto-on-accent)}\
:disabled{cursor:not-allowed}\
[part=service]{padding-inline-start:1em}\
[part=table]{overflow-x:auto;margin-bottom:.75em}\
table{border-collapse:collapse;width:100%;font-size:.875em}\
th,td{text-align:start;vertical-align:top;padding:.25em .5em;border-bottom:1px solid var(--charto-border)}\
th{white-space:nowrap}\
td:nth-child(3){min-width:14em}\
@media(forced-colors:active){input,input::before{forced-color-adjust:none;border-color:CanvasText;background:Canvas}input::before{background:CanvasText}:checked{background:Highlight;border-color:Highlight}:checked::before{background:HighlightText}}\
@media(prefers-reduced-motion:no-preference){input::before{transition:inset .15s}}`
