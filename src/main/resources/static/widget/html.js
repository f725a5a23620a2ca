// HTML built from templates, escaped by default: every value interpolated into `html` is text unless it is markup
// made by `html` itself, so no part of the widget writes an escape call by hand.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup made by `html`: its values already escaped. */
export class Markup {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

export function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A value as markup: markup as it is, a list as its items, nothing for null, undefined or false, text escaped. */
function part(value) {
  if (value instanceof Markup) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return value.map(part).join('');
  }
  if (value === null || value === undefined || value === false) {
    return '';
  }
  return escape(value);
}

/** The tag of a template literal: html`<p>${text}</p>`. */
export function html(strings, ...values) {
  let text = strings[0];
  for (let i = 0; i < values.length; i++) {
    text += part(values[i]) + strings[i + 1];
  }
  return new Markup(text);
}

/** Puts markup into an element (only markup: a plain string would be a hole). */
export function render(element, markup) {
  if (!(markup instanceof Markup)) {
    throw new TypeError('render takes markup made by html');
  }
  element.innerHTML = markup.text;
}
