// The widget's styles: one constructed style sheet, shared by every widget on the page. A constructed sheet, not a
// <style> element: pages with a strict Content-Security-Policy (the manage page's among them) allow no inline styles.

const STYLE = `
:host { display: block; max-width: 42rem; color: var(--carebook-text, #1d2430);
  background: var(--carebook-background, #ffffff); font: 1rem/1.5 var(--carebook-font, system-ui, sans-serif); }
* { box-sizing: border-box; }
.frame { border: 1px solid var(--carebook-border, #c9d1dc); border-radius: var(--carebook-radius, 10px); padding: 1rem; }
h2 { font-size: 1.25rem; margin: 0 0 .75rem; }
h2:focus { outline: 2px solid var(--carebook-accent, #0b5cad); outline-offset: 2px; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
ol.progress { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; font-size: .875rem; }
ol.progress li { color: var(--carebook-muted, #4d5969); }
ol.progress li[aria-current="step"] { color: var(--carebook-text, #1d2430); font-weight: 700; text-decoration: underline; }
ol.progress li.done::before { content: "✓ "; }
button { font: inherit; cursor: pointer; border-radius: var(--carebook-radius, 10px); min-height: 2.75rem; padding: .5rem .9rem;
  border: 1px solid var(--carebook-accent, #0b5cad); background: var(--carebook-background, #ffffff); color: var(--carebook-accent, #0b5cad); }
button.primary { background: var(--carebook-accent, #0b5cad); color: var(--carebook-accent-text, #ffffff); }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid var(--carebook-focus, #f2a900); outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: default; }
ul.plain { list-style: none; padding: 0; margin: 0; }
.services li + li { margin-top: .5rem; }
.services button { width: 100%; text-align: left; display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin-bottom: .5rem; }
.filters label { display: flex; flex-direction: column; font-size: .875rem; }
.filters label.check { flex-direction: row; align-items: center; gap: .4rem; font-size: 1rem; }
select, input, textarea { font: inherit; padding: .45rem; border: 1px solid var(--carebook-border-strong, #6b7686); border-radius: 6px;
  min-height: 2.75rem; background: #fff; color: #1d2430; max-width: 100%; }
input[type="checkbox"] { min-height: auto; width: 1.25rem; height: 1.25rem; }
.times { display: flex; flex-wrap: wrap; gap: .5rem; }
.days { display: grid; grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr)); gap: .4rem; margin: .5rem 0; }
.days button { display: flex; flex-direction: column; align-items: flex-start; text-align: left; padding: .4rem .6rem; }
.days button[aria-pressed="true"] { border-color: var(--carebook-accent, #0b5cad); box-shadow: inset 0 0 0 2px var(--carebook-accent, #0b5cad); }
button.link { border: 0; background: none; padding: 0; min-height: 0; color: var(--carebook-accent, #0b5cad); text-decoration: underline; }
.times button { min-width: 5.5rem; }
.note { color: var(--carebook-muted, #4d5969); font-size: .875rem; }
.message { border-radius: 6px; padding: .6rem .8rem; margin: 0 0 .75rem; background: #e8f1fb; color: #0a3d73; }
.message.warning, .countdown.warning { background: #fff4e0; color: #6b3a00; }
.message.error { background: #fdecea; color: #8a1c12; }
.countdown { display: inline-block; border-radius: 6px; padding: .3rem .6rem; background: #e8f1fb; color: #0a3d73; font-variant-numeric: tabular-nums; }
form .field { display: flex; flex-direction: column; margin-bottom: .75rem; }
form .field span.hint { font-size: .875rem; color: var(--carebook-muted, #4d5969); }
form .field .problem { color: #8a1c12; font-size: .875rem; }
fieldset.birth { border: 0; padding: 0; margin: 0 0 .75rem; min-width: 0; }
fieldset.choices { border: 0; padding: 0; margin: 0 0 .75rem; min-width: 0; }
fieldset.choices .options { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
fieldset.choices label.check { display: flex; align-items: center; gap: .4rem; }
fieldset.birth legend { padding: 0; }
fieldset.birth .parts { display: flex; gap: .75rem; }
fieldset.birth .parts label { display: flex; flex-direction: column; font-size: .875rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
a.download { color: var(--carebook-accent, #0b5cad); font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let sheet = null;

export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}
