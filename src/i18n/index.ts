import type { Catalogue } from './catalogue.js';
import { en } from './en.js';
import { zh } from './zh.js';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function catalogue(lang: Lang): Catalogue {
  return lang === 'en' ? en : zh;
}
