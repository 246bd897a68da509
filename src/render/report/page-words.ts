import type { PageNumberWords } from '../layout';

/**
 * words.yaml's pageNumbers ("Page {{page}} of {{pages}}") as the words around the two numbers, which the
 * writers place beside their own page fields. The template is checked at load to hold both, in that order.
 */
export function pageNumberWords(template: string): PageNumberWords {
  const m = /^([\s\S]*?)\{\{\s*page\s*\}\}([\s\S]*?)\{\{\s*pages\s*\}\}([\s\S]*)$/.exec(template);
  return m ? { before: m[1]!, between: m[2]!, after: m[3]! } : { before: 'Page ', between: ' of ', after: '' };
}

export const hasPageFields = (template: string) => /\{\{\s*page\s*\}\}[\s\S]*\{\{\s*pages\s*\}\}/.test(template);
