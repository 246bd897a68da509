import Handlebars from 'handlebars';

const engine = Handlebars.create();
const cache = new Map<string, HandlebarsTemplateDelegate>();

/**
 * House wording: a small handlebars template filled with plain data. The output is plain text for a table
 * cell or running header, never Markdown or HTML, so nothing is escaped; data is never compiled.
 */
export function words(template: string, data: unknown): string {
  let compiled = cache.get(template);
  if (!compiled) cache.set(template, (compiled = engine.compile(template, { noEscape: true })));
  return compiled(data).trim();
}
