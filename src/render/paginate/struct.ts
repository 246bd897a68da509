import type { StructNode, StructRole } from './page-model';

/** A new element of the logical structure, appended to its parent's children in reading order. */
export function structNode(role: StructRole, parent?: StructNode): StructNode {
  const n: StructNode = { role, children: [] };
  parent?.children.push(n);
  return n;
}
