/**
 * Code blocks scroll sideways when lines are long, so keyboard users must be
 * able to focus them (axe: scrollable-region-focusable). Runs after
 * sanitizing, so the attribute is ours, not the record's.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function visit(node: HastNode): void {
  if (node.type === 'element' && node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
  for (const child of node.children ?? []) visit(child);
}

export function rehypeFocusablePre() {
  return (tree: HastNode) => visit(tree);
}
