/**
 * Module types for the map's bundled data (tsconfig.web.json has no resolveJsonModule): the world-atlas
 * TopoJSON Vite bundles, and the example plan's text the geo tests read with Vite's `?raw`.
 */
declare module 'world-atlas/countries-50m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';

  const atlas: Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
  export default atlas;
}

declare module '*/ukraine-2025/plan.yaml?raw' {
  const text: string;
  export default text;
}
