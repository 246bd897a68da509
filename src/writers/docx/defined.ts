/**
 * docx's option types reject explicit `undefined` under exactOptionalPropertyTypes; layout fields are often
 * absent, so options are built with them and passed through here, which drops the absent ones.
 */
export function defined<T extends object>(options: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
