import { md } from '../../src/render/report/markdown-body';
import { BLOCK_KINDS, INLINE_KINDS, parseBody } from '../../src/render/report/markdown-parse';
import { BlockSlots } from '../../src/render/report/template-engine';

/** Every construct CommonMark and markdown-it's default rules know, once each. */
const EVERYTHING = [
  '# Part', 'Setext heading', '===', '## Section', '', 'Words **bold** *italic* `code` [link](https://x.gov.uk) ![alt](a.png) a\\*b &amp; ~~old~~  ', 'hard break', '',
  '- one', '  - nested', '    1. deeper', '', '1. first', '2. second', '', '> quoted', '> > twice', '',
  '```js', 'fenced', '```', '', '    indented code', '', '***', '', '<div>html block</div>', '', 'text <span>inline</span>', '',
  '| a | b |', '| :- | -: |', '| 1 | 2 |', '', '[ref]: https://example.gov.uk', '',
].join('\n');

describe('the one Markdown mapper', () => {
  it('names every token kind markdown-it makes, so the never-checked switch covers them all', () => {
    const seen = new Set<string>();
    const walk = (tokens: ReturnType<typeof md.parse>) => tokens.forEach((t) => (seen.add(`${t.type}`), t.children && walk(t.children)));
    walk(md.parse(EVERYTHING, {}));
    const known = new Set<string>([...BLOCK_KINDS, ...INLINE_KINDS]);
    expect([...seen].filter((k) => !known.has(k))).toEqual([]);
  });

  it('maps all of it: nothing unsupported, and what is not printed as written is said at its line', () => {
    const { items, diagnostics } = parseBody(EVERYTHING, new BlockSlots(), { file: 'r.md', bodyLine: 10 });
    // Line 15 (10 + 5): the struck-through words; line 34: the rule (***).
    expect(diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['15 markdown-not-printed', '34 markdown-not-printed']);
    expect(items.map((i) => i.kind)).toEqual(['heading', 'heading', 'heading', 'paragraph', 'figure', 'list', 'list', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'table']);
    const text = JSON.stringify(items);
    for (const w of ['nested', 'deeper', 'quoted', 'twice', 'fenced', 'indented code', '<div>html block</div>', '<span>inline</span>', 'old']) expect(text).toContain(w);
    const table = items.find((i) => i.kind === 'table');
    expect(table).toMatchObject({ header: ['a', 'b'], align: ['left', 'right'] });
  });
});

describe('lists', () => {
  it('a bullet list followed by a numbered one stays two lists, each of its own kind', () => {
    const { items } = parseBody('- a\n- b\n\n1. one\n2. two\n', new BlockSlots(), { file: 'r.md', bodyLine: 1 });
    expect(items).toEqual([
      { kind: 'list', ordered: false, items: [{ runs: [{ text: 'a' }], level: 0 }, { runs: [{ text: 'b' }], level: 0 }] },
      { kind: 'list', ordered: true, items: [{ runs: [{ text: 'one' }], level: 0 }, { runs: [{ text: 'two' }], level: 0 }] },
    ]);
  });
});
