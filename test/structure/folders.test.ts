import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The flow runs one way (readers -> model -> render -> writers -> pipeline -> cli): no folder imports a folder
 * that imports it back, directly or through others. A subfolder counts as part of its parent (cli/commands is
 * cli), so edges between a folder and its own subfolders are not cycles.
 */
const SRC = path.join(__dirname, '..', '..', 'src');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The folder a file belongs to, `depth` levels below src ("render/report"). */
function folderOf(file: string, depth: number): string {
  return path.relative(SRC, path.dirname(file)).split(path.sep).filter(Boolean).slice(0, depth).join('/') || '.';
}

const related = (a: string, b: string) => a === b || a.startsWith(b + '/') || b.startsWith(a + '/') || a === '.' || b === '.';

function folderGraph(depth: number): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of tsFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]|require\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const target = path.resolve(path.dirname(file), (m[1] ?? m[2])!);
      const from = folderOf(file, depth);
      const to = folderOf(fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, 'index.ts') : target + '.ts', depth);
      if (related(from, to)) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, path.relative(SRC, file));
    }
  }
  return graph;
}

/** Every cycle found by depth-first search, as "a -> b -> a" with the file behind each step. */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const [next, via] of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].join(' -> ') + ` (via ${via})`);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('folder structure', () => {
  test.each([1, 2])('no folder cycles at depth %i below src/', (depth) => {
    expect(cycles(folderGraph(depth))).toEqual([]);
  });

  test('the check finds a cycle when there is one', () => {
    const g = new Map([['a', new Map([['b', 'a/x.ts']])], ['b', new Map([['a', 'b/y.ts']])]]);
    expect(cycles(g)).toEqual(['a -> b -> a (via b/y.ts)']);
  });

  test('the pipeline lives in src/pipeline, not src/build', () => {
    expect(fs.existsSync(path.join(SRC, 'build'))).toBe(false);
    expect(fs.existsSync(path.join(SRC, 'pipeline', 'render-document.ts'))).toBe(true);
  });

  test('readers do not import the model, render does not import writers', () => {
    const g = folderGraph(1);
    expect([...(g.get('readers')?.keys() ?? [])]).not.toContain('model');
    expect([...(g.get('render')?.keys() ?? [])]).not.toContain('writers');
    expect([...(g.get('board-pack')?.keys() ?? [])]).not.toContain('cli');
  });
});
