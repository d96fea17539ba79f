// Loads the catalogue of the chosen language from the comment server; English is bundled.
import { catalogueFor, chooseLanguage, normalise } from './lang.js';
import { translator } from './i18n.js';

/* global __PARLEY_LANGS__ */
const languages = typeof __PARLEY_LANGS__ === 'undefined' ? ['en'] : __PARLEY_LANGS__;

/**
 * `{code, t}` for the page: `data-isso-lang`, then the browser's languages, then the default.
 * `english` is the bundled fallback (the count widget bundles only the one message it needs).
 */
export async function loadTranslator(endpoint, options, texts, english) {
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language ?? navigator.userLanguage];
  const page = document.documentElement.lang;
  let code = chooseLanguage({ forced: options.lang, page, browser, fallback: options['default-lang'] }, languages);
  if (options.lang && !catalogueFor(normalise(options.lang), languages)) {
    console.info(`Parley: no catalogue for data-isso-lang=${options.lang}, so ${code}`);
  }
  let catalogue = english;
  if (code !== 'en') {
    try {
      const response = await fetch(`${endpoint}/js/i18n/${code}.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      catalogue = await response.json();
    } catch (error) {
      console.warn('Parley: English, as', code, error);
      code = 'en';
    }
  }
  return { code, t: translator(code, catalogue, english, texts) };
}
