// The whole stylesheet, written small. Hosts theme it with the --charto-* custom properties (set them on `charto-ui`)
// and ::part(); `part` names and element names are the selectors here, so no classes are needed. What the browser's
// own dialog styles already give a modal <dialog> (fixed, centred, scrolling, max-width) is not repeated. The banner
// and the reopen button are manual popovers (in the top layer, out of reach of the page's transforms and filters):
// `inset` and `margin` undo the browser's popover centring.
// Sizes are in em of the host's `all:initial` font size (the visitor's default): rem would follow the page's own root
// font size (`html{font-size:62.5%}` would shrink the dialog).
// A plain literal (no interpolation), so bundlers can drop it with the UI; each line ends in \ (no newline in the value).
export default `:host{all:initial;--charto-bg:#fff;--charto-fg:#1b1b1f;--charto-accent:#1f4fd1;--charto-on-accent:#fff;--charto-border:#70707a;--charto-radius:8px;--charto-font:system-ui,sans-serif;--charto-z:2147483000}\
:host([theme=dark]){--charto-bg:#1d1d22;--charto-fg:#f1f1f4;--charto-accent:#9cb8ff;--charto-on-accent:#10151f;--charto-border:#9a9aa6}\
@media(prefers-color-scheme:dark){:host([theme=auto]){--charto-bg:#1d1d22;--charto-fg:#f1f1f4;--charto-accent:#9cb8ff;--charto-on-accent:#10151f;--charto-border:#9a9aa6}}\
*{box-sizing:border-box;color:inherit}\
section,dialog,[part=placeholder]{font:1em/1.5 var(--charto-font);color:var(--charto-fg);background:var(--charto-bg);border:1px solid var(--charto-border);border-radius:var(--charto-radius);padding:1em 1.25em;overflow-wrap:anywhere}\
section,dialog{box-shadow:0 4px 24px #0005;max-height:calc(100% - 1em)}\
section{position:fixed;z-index:var(--charto-z);overflow:auto;--g:1em;inset:auto var(--g) var(--g) auto;margin:0;width:min(28em,calc(100% - 2em))}\
:host([layout=bar]) section{--g:0;left:0;width:auto;border-radius:0}\
:host([position*=left]) section{left:var(--g);right:auto}\
:host([position*=top]) section{top:var(--g);bottom:auto}\
dialog{width:42em}\
dialog::backdrop{background:#000b}\
[part=banner]{display:flex;flex-wrap:wrap;align-items:center;gap:0 1.5em}\
[part=banner]>div{flex:1 1 20em}\
h2{font-size:1.25em;margin:.4em 0}\
p{margin:0 0 .75em}\
[part=buttons]{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:.5em;padding:.5em 0}\
dialog>[part=buttons]{position:sticky;bottom:-1em;background:var(--charto-bg)}\
@media(max-width:30rem){[part=buttons]{grid-auto-flow:row}}\
button{font:inherit;font-weight:700;min-height:2.75em;padding:.5em;border:2px solid #0000;border-radius:var(--charto-radius);background:var(--charto-accent);color:var(--charto-on-accent);cursor:pointer;overflow-wrap:anywhere}\
[part=close],[part=link]{border:0;background:0;color:inherit}\
[part=close]{float:inline-end;font-size:1.5em;min-width:1.84em;min-height:1.84em}\
[part=link]{min-height:1.5em;padding:0;font-weight:400;text-decoration:underline}\
:focus-visible{outline:3px solid var(--charto-fg);outline-offset:2px;box-shadow:0 0 0 2px var(--charto-bg)}\
[part=category]{border-top:1px solid var(--charto-border);padding-top:.75em}\
[part=row],label{display:flex;align-items:center;gap:.75em;min-height:2em}\
[part=row]{justify-content:space-between;flex-wrap:wrap;font-weight:700}\
input{font:inherit;appearance:none;flex:none;position:relative;width:2.75em;height:1.5em;margin:0;border:2px solid var(--charto-border);border-radius:1em;background:var(--charto-bg)}\
input::before{content:"";position:absolute;top:2px;inset-inline-start:2px;width:1em;height:1em;border-radius:50%;background:var(--charto-border)}\
:checked{background:var(--charto-accent);border-color:var(--charto-accent)}\
:checked::before{inset-inline-start:1.25em;background:var(--charto-on-accent)}\
:disabled{opacity:.7}\
[part=service]{padding-inline-start:1em}\
[part=table]{overflow-x:auto}\
table{border-collapse:collapse;width:100%;margin-bottom:.75em;font-size:.875em}\
th,td{text-align:start;vertical-align:top;padding:.25em .5em;border-bottom:1px solid var(--charto-border)}\
[part=placeholder]{display:flex;flex-direction:column;justify-content:center;max-width:100%;min-height:9em;overflow:auto}\
[part=banner]~[part=reopen]{display:none}\
[part=reopen]{position:fixed;z-index:var(--charto-z);inset:auto auto 1em 1em;margin:0;width:3em;height:3em;border-radius:50%}\
[part=reopen]::before{content:"";position:absolute;inset:10px;border:2px solid;border-radius:50%;background:radial-gradient(circle at 30% 40%,currentColor 1.5px,#0000 2px),radial-gradient(circle at 60% 65%,currentColor 1.5px,#0000 2px),radial-gradient(circle at 30% 75%,currentColor 1.5px,#0000 2px);mask:radial-gradient(circle at 100% 0,#0000 8px,#000 0)}\
[part=status]{position:fixed;clip-path:inset(50%)}\
@media(forced-colors:active){input,input::before{forced-color-adjust:none;border-color:CanvasText;background:Canvas}input::before{background:CanvasText}:checked{background:Highlight;border-color:Highlight}:checked::before{background:HighlightText}}\
@media(prefers-reduced-motion:no-preference){section,dialog{animation:charto .2s}input::before{transition:inset .15s}}\
@keyframes charto{from{opacity:0;translate:0 1em}}`
