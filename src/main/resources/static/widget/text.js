// The widget's texts: one JSON bundle per language in i18n/ beside this file, fetched once per page.

import { NetworkError } from './api.js';

const LANGUAGES = ['en', 'de', 'fr', 'es'];
const BUNDLES = new Map();
const FALLBACK = {
  offline: 'We could not reach the booking service. Check your connection and try again.',
  retry: 'Try again',
};

/** The bundle of a locale's language, or English's. */
export function bundleFor(locale) {
  const language = locale.split('-')[0].toLowerCase();
  return bundle(LANGUAGES.includes(language) ? language : 'en');
}

function bundle(language) {
  if (!BUNDLES.has(language)) {
    BUNDLES.set(language, fetch(new URL(`./i18n/${language}.json`, import.meta.url)).then((response) => {
      if (!response.ok) {
        throw new NetworkError(`HTTP ${response.status}`);
      }
      return response.json();
    }).catch((e) => {
      BUNDLES.delete(language);
      throw e instanceof NetworkError ? e : new NetworkError(e.message);
    }));
  }
  return BUNDLES.get(language);
}

/** A text of the bundle with {name} filled in; before the bundle arrives, the few texts a failure needs. */
export function translate(bundle, key, values = {}) {
  return String(bundle[key] ?? FALLBACK[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}
