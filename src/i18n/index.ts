import type { Catalogue } from './catalogue.js';
import { QingdanError } from '../errors.js';
import { en } from './en.js';
import { zh } from './zh.js';

import { LANGS, type Lang } from './lang.js';
import type { RecordCatalogue } from './record-catalogue.js';
import { recordEn } from './record-en.js';
import { recordZh } from './record-zh.js';

export { LANGS, type Lang };

export function catalogue(lang: Lang): Catalogue {
  return lang === 'en' ? en : zh;
}

export function resolveLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = value.toLowerCase().replace(/[-_].*$/, '') as Lang;
  if (!LANGS.includes(lang)) throw new QingdanError('bad-lang', { value });
  return lang;
}

/** The language before the repository is known: --lang, else zh. Used for errors of opening. */
export function earlyLang(opts: { lang?: string }): Lang {
  try {
    return resolveLang(opts.lang) ?? 'zh';
  } catch {
    return 'zh';
  }
}

/** The messages of the recording commands (init, list, record, void, audit). */
export function recordCatalogue(lang: Lang): RecordCatalogue {
  return lang === 'en' ? recordEn : recordZh;
}
