import Handlebars from 'handlebars';
import type { Block } from '../layout';

/** Blocks made by data helpers, waiting for the Markdown stage to put them in place of their token. */
export class BlockSlots {
  readonly blocks: Block[][] = [];

  token(blocks: Block[]): string {
    this.blocks.push(blocks);
    return `\n\n@@cabinet-block-${this.blocks.length - 1}@@\n\n`;
  }

  static match(text: string): number | undefined {
    const m = text.trim().match(/^@@cabinet-block-(\d+)@@$/);
    return m ? Number(m[1]) : undefined;
  }
}

export type BlockHelper = (args: string[]) => Block[];

/**
 * An isolated handlebars environment for an author's body. Data is escaped before it gets here (see
 * markdown-escape.ts), so templates compile with noEscape; strict mode makes a misspelt field an error
 * rather than a silent blank; prototype access stays off (handlebars' default).
 */
export function compileBody(body: string, data: unknown, helpers: Record<string, BlockHelper>, slots: BlockSlots): string {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers))
    hb.registerHelper(name, (...args: unknown[]) => {
      const positional = args.slice(0, -1).map(String);
      const options = args[args.length - 1] as { hash?: Record<string, unknown> };
      const named = Object.values(options.hash ?? {}).map(String);
      return new Handlebars.SafeString(slots.token(helper([...positional, ...named])));
    });
  return hb.compile(body, { noEscape: true, strict: true, knownHelpersOnly: false })(data);
}
