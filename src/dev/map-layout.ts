import { Graph, layout, type EdgeLabel, type NodeLabel } from '@dagrejs/dagre';
import type { Outcome, Quality, ScenarioSpec } from '../model/scenario.ts';

export type MapNodeKind = 'situation' | 'question' | 'ending';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface MapNode {
  readonly id: string;
  readonly kind: MapNodeKind;
  readonly outcome?: Outcome;
  /** The smaller second line (kind, number of choices, outcome). */
  readonly caption: string;
  readonly start: boolean;
  /** Centre, as dagre gives it. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapEdge {
  /** The choice id, which is also the edge's label. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly quality: Quality;
  readonly conditional: boolean;
  readonly points: readonly Point[];
  readonly label: Point & { readonly width: number; readonly height: number };
}

export interface MapLayout {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly width: number;
  readonly height: number;
}

export const NODE_HEIGHT = 48;
const LABEL_HEIGHT = 20;
const PADDING_X = 28;

export const kindOf = (node: ScenarioSpec['nodes'][string]): MapNodeKind =>
  node.kind === 'ending' ? 'ending' : node.question ? 'question' : 'situation';

/**
 * Lays a scenario out top to bottom with dagre. Sizes come from the text they must hold,
 * measured by the caller (a canvas in the page, an estimate in tests), so long ids never
 * overflow their boxes. Parallel choices to the same node stay separate edges.
 */
export function layoutScenario(
  spec: ScenarioSpec,
  measure: (text: string, bold: boolean) => number,
  caption: (node: ScenarioSpec['nodes'][string]) => string,
): MapLayout {
  const graph = new Graph<object, NodeLabel, EdgeLabel>({ multigraph: true });
  // Room above the first rank for the start marker; wide enough gaps that labels stay apart.
  graph.setGraph({ rankdir: 'TB', ranksep: 64, nodesep: 36, edgesep: 16, marginx: 24, marginy: 44 });
  const captions = new Map<string, string>();
  for (const node of Object.values(spec.nodes)) {
    const text = caption(node);
    captions.set(node.id, text);
    const width = Math.max(measure(node.id, true), measure(text, false)) + PADDING_X;
    graph.setNode(node.id, { width: Math.max(120, Math.ceil(width)), height: NODE_HEIGHT });
  }
  for (const node of Object.values(spec.nodes)) {
    if (node.kind !== 'situation') continue;
    for (const choice of node.choices) {
      if (!(choice.next in spec.nodes)) continue; // the checker reports it; the map just leaves it out
      const width = Math.ceil(measure(choice.id, false)) + 12;
      graph.setEdge(node.id, choice.next, { width, height: LABEL_HEIGHT, labelpos: 'c' }, choice.id);
    }
  }
  layout(graph);

  const nodes = Object.values(spec.nodes).map((node): MapNode => {
    const placed = graph.node(node.id);
    return {
      id: node.id,
      kind: kindOf(node),
      ...(node.kind === 'ending' ? { outcome: node.outcome } : {}),
      caption: captions.get(node.id) ?? '',
      start: node.id === spec.start,
      x: placed.x ?? 0,
      y: placed.y ?? 0,
      width: placed.width,
      height: placed.height,
    };
  });
  const edges = graph.edges().map((e): MapEdge => {
    const placed = graph.edge(e);
    const node = spec.nodes[e.v];
    const choice = node?.kind === 'situation' ? node.choices.find((c) => c.id === e.name) : undefined;
    return {
      id: e.name ?? '',
      from: e.v,
      to: e.w,
      quality: choice?.quality ?? 'acceptable',
      conditional: choice?.when !== undefined,
      points: placed.points ?? [],
      label: { x: placed.x ?? 0, y: placed.y ?? 0, width: placed.width ?? 0, height: placed.height ?? 0 },
    };
  });
  const size = graph.graph() as { width?: number; height?: number };
  return { nodes, edges, width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0) };
}

/** A smooth path through dagre's bend points: straight ends, rounded bends. */
export function edgePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i] as Point;
    const q = rest[i + 1] as Point;
    d += ` Q${p.x},${p.y} ${(p.x + q.x) / 2},${(p.y + q.y) / 2}`;
  }
  const last = rest.at(-1);
  return last ? `${d} L${last.x},${last.y}` : d;
}
