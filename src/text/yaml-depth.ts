/**
 * How deeply a YAML text nests, estimated before parsing: the yaml library composes nodes recursively,
 * so "[[[[…" ten thousand deep ends in "Maximum call stack size exceeded". Counts block nesting by
 * indentation (and compact "- - -" sequences) plus flow brackets outside quotes and comments. It may count
 * a little high, never low, which is the safe side for a limit set far above real files (a meeting file
 * nests 3 deep).
 */
export function yamlDepth(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  for (const line of text.split('\n')) {
    const content = /^( *)((?:- +)*)(.*)$/.exec(line)!;
    const rest = content[3]!;
    if (flow === 0 && (rest === '' || rest.startsWith('#')) && !content[2]) continue;
    const indent = content[1]!.length;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    // "- - x" nests one sequence per dash; the first dash sits at the line's own indentation level.
    const dashes = Math.max(0, (content[2]!.match(/-/g) ?? []).length - 1);
    let quote: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const ch = rest[i]!;
      if (quote) {
        if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (i === 0 || rest[i - 1] === ' ')) break;
      else if (ch === '[' || ch === '{') max = Math.max(max, indents.length + dashes + ++flow);
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    max = Math.max(max, indents.length + dashes);
  }
  return max;
}

/**
 * Far above any real file (a meeting file nests 3 deep, settings 4, front matter 4). Not a setting: the
 * settings file is itself YAML read under this limit, and no council's document comes near it.
 */
export const YAML_MAX_DEPTH = 50;
