import dagre from '@dagrejs/dagre';
import type { ElsaDocument } from '../lib/elsa';
import { withPosition } from '../lib/elsa';

/** Lays the flowchart out left to right with dagre; node heights come from the rendered nodes when known. */
export function autoLayout(doc: ElsaDocument, sizes: Map<string, { width: number; height: number }>): ElsaDocument {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const a of doc.root.activities) {
    const size = sizes.get(a.id) ?? { width: 240, height: 110 };
    g.setNode(a.id, { width: size.width, height: size.height });
  }
  doc.root.connections.forEach((c) => {
    if (g.hasNode(c.source.activity) && g.hasNode(c.target.activity)) g.setEdge(c.source.activity, c.target.activity);
  });
  dagre.layout(g);
  const first = doc.root.activities[0] ? g.node(doc.root.activities[0].id) : null;
  const origin = first ? { x: first.x - first.width / 2, y: first.y - first.height / 2 } : { x: 0, y: 0 };
  return {
    ...doc,
    root: {
      ...doc.root,
      activities: doc.root.activities.map((a) => {
        const n = g.node(a.id);
        return withPosition(a, { x: n.x - n.width / 2 - origin.x, y: n.y - n.height / 2 - origin.y });
      }),
    },
  };
}
