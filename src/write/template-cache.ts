/** Writes the template cache (read/template-cache.ts); a cache that cannot be written is no error. */
import type { CachedTemplates } from '../read/template-cache.js';
import { templateCacheFile } from '../read/template-cache.js';
import { writeFileAtomic } from './atomic-file.js';

export function writeTemplateCache(root: string, value: CachedTemplates): void {
  const file = templateCacheFile(root);
  if (!file) return;
  try {
    writeFileAtomic(file, JSON.stringify(value));
  } catch {
    // read-only or full: the next command parses the templates again
  }
}
