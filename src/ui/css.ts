// The whole stylesheet, written small; docs/design.md is its specification (type scale, spacing, colours and their
// contrast, the button rule, layouts). Hosts theme it with the --charto-* custom properties (set them on `charto-ui`)
// and ::part(); `part` names and element names are the selectors here, so no classes are needed. What the browser's
// own dialog styles already give a modal <dialog> (fixed, centred, scrolling, max-width) is not repeated. The banner
// and the reopen button are manual popovers (in the top layer, out of reach of the page's transforms and filters):
// `inset` and `margin` undo the browser's popover centring.
// Sizes are in em of the host's `all:initial` font size (the visitor's default): rem would follow the page's own root
// font size (`html{font-size:62.5%}` would shrink the dialog). Sides are logical (inline-start, inline-end), so the
// dialog mirrors under dir="rtl".
// Words are never broken inside: text wraps between words (`break-word` breaks only a word longer than a whole line),
// tables scroll sideways in their own region, and buttons are as wide as their text and wrap into rows.
// The button rule: Accept all and Reject all are the same filled button, side by side, in that order on every layer;
// the third action (Preferences, Save choices) is outlined and comes last, on its own row on narrow screens. On phones
// (up to 30em) the banner takes the smaller type, and so do the preferences centre's buttons (its switches and
// summaries keep theirs, 24 px tall at least), with narrower sides: German's Alle akzeptieren and Alle ablehnen then
// share a row at 375 px, so the buttons take two rows instead of three. A dialog keeps 1em from the screen's sides, as
// the box does (the browser's own margin is wider).
// The scroll cue: the preferences centre's sticky buttons cast a shadow over the list while more of it follows. Where
// scroll-driven animations exist, the shadow is an animation on the dialog's scroll position: present from the top,
// gone at the bottom, and (with fill none) absent when nothing overflows, as an inactive timeline has no effect. No
// script and no inline style. Other browsers keep the shadow always, as the cue it was.
// Opt-out mode's Do Not Sell or Share link takes a row of its own under the buttons, aligned with the text: beside them
// it squeezed their row in the bar layout until Accept all and Reject all differed in size.
// The rules only the preferences centre uses (its switches, category rows, cookie tables, close button, Save choices)
// are in ./preferences-css.ts: they come with the preferences centre, which a first visit answered from the banner
// never downloads in the <script> build. They are added after these, so their order against these is as it was.
// A plain literal (no interpolation), so bundlers can drop it with the UI; each line ends in \ (no newline in the value).
export default `:host{all:initial;--charto-bg:#fff;--charto-fg:#1b1b1f;--charto-accent:#1f4fd1;--charto-on-accent:#fff;--charto-border:#70707a;--charto-radius:8px;--charto-font:system-ui,sans-serif;--charto-z:2147483000}\
:host([theme=dark]){--charto-bg:#1d1d22;--charto-fg:#f1f1f4;--charto-accent:#9cb8ff;--charto-on-accent:#10151f;--charto-border:#9a9aa6}\
@media(prefers-color-scheme:dark){:host([theme=auto]){--charto-bg:#1d1d22;--charto-fg:#f1f1f4;--charto-accent:#9cb8ff;--charto-on-accent:#10151f;--charto-border:#9a9aa6}}\
*{box-sizing:border-box;color:inherit}\
section,dialog,[part=placeholder]{font:1em/1.5 var(--charto-font);color:var(--charto-fg);background:var(--charto-bg);border:1px solid var(--charto-border);border-radius:var(--charto-radius);padding:1em 1.25em;overflow-wrap:break-word}\
section,dialog{box-shadow:0 4px 24px #0005;max-height:calc(100% - 1em)}\
section{position:fixed;z-index:var(--charto-z);overflow:auto;--g:1em;inset-block:auto var(--g);inset-inline:auto var(--g);margin:0;width:min(28em,calc(100% - 2em))}\
:host([layout=bar]) section{--g:0;inset-inline:0;width:auto;border-radius:0}\
:host([position*=left]) section{inset-inline:var(--g) auto}\
:host([position*=top]) section{inset-block:var(--g) auto}\
dialog{width:42em;max-width:calc(100% - 2em);padding-bottom:0}\
dialog::backdrop{background:#000b}\
[part=banner]{display:flex;flex-wrap:wrap;align-items:center;gap:.75em 1.5em}\
[part=banner]>div{flex:1 1 20em}\
h2{font-size:1.25em;line-height:1.6;margin:0 0 .25em}\
p{margin:0 0 .75em}\
[part=banner] p{margin:0}\
[part=buttons]{display:flex;flex-wrap:wrap;gap:.5em}\
[part=buttons]>*{flex:1 0 0;min-width:fit-content}\
dialog>[part=buttons]{position:sticky;bottom:0;padding:.75em 0 1em;background:var(--charto-bg);box-shadow:0 -1em 1em -1em #0006}\
@supports(animation-timeline:scroll()){dialog>[part=buttons]{box-shadow:none;animation:charto-cue linear;animation-timeline:scroll()}}\
@keyframes charto-cue{0%,95%{box-shadow:0 -1em 1em -1em #0006}}\
button{font:inherit;font-weight:700;min-height:2.75em;padding:.5em 1.25em;border:2px solid var(--charto-accent);border-radius:var(--charto-radius);background:var(--charto-accent);color:var(--charto-on-accent);cursor:pointer}\
[part~=preferences-button]{background:0;color:var(--charto-accent)}\
@media(max-width:30em){section,[part=banner]{font-size:.875em;padding:.75em 1em}[part=banner] h2{font-size:1.125em}button{padding-inline:.75em}[part~=preferences-button]{flex-basis:100%}}\
[part=link]{border:0;background:0;color:inherit;flex-basis:100%;text-align:start;min-height:1.75em;padding:0;font-weight:400;text-decoration:underline}\
:focus-visible{outline:3px solid var(--charto-fg);outline-offset:2px;box-shadow:0 0 0 2px var(--charto-bg)}\
[part=placeholder]{display:flex;flex-direction:column;justify-content:center;max-width:100%;min-height:9em;overflow:auto}\
[part=banner]~[part=reopen]{display:none}\
[part=reopen]{position:fixed;z-index:var(--charto-z);inset:auto auto 1em 1em;margin:0;width:3em;height:3em;padding:0;border-radius:50%}\
[part=reopen]::before{content:"";position:absolute;inset:10px;border:2px solid;border-radius:50%;background:radial-gradient(circle at 30% 40%,currentColor 1.5px,#0000 2px),radial-gradient(circle at 60% 65%,currentColor 1.5px,#0000 2px),radial-gradient(circle at 30% 75%,currentColor 1.5px,#0000 2px);mask:radial-gradient(circle at 100% 0,#0000 8px,#000 0)}\
[part=status]{position:fixed;clip-path:inset(50%)}\
@media(prefers-reduced-motion:no-preference){section,dialog{animation:charto .2s}}\
@keyframes charto{from{opacity:0;translate:0 1em}}`
