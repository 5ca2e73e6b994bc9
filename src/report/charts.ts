/**
 * A chart of the report as an SVG string: the same ECharts option the dashboard draws, rendered on the
 * server without a browser (ECharts SSR: https://echarts.apache.org/handbook/en/how-to/cross-platform/server/).
 * Animation is off so the first frame is the final one. One instance per chart, disposed at once.
 *
 * ECharts names the SVG's classes and clip paths from process-wide counters (`zr3-cls-41`, `zr3-c0`), so
 * the same chart would print differently in a process that drew charts before (a team server's tests, a
 * long-lived process). They are renamed from the chart's own content: the same chart gives the same bytes,
 * and different charts on one page keep different names (an inline SVG's styles apply to the whole page).
 */
import * as echarts from 'echarts';
import type { ChartBlock } from './report-document.js';

export function chartSvg(block: Pick<ChartBlock, 'option' | 'width' | 'height'>): string {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: block.width,
    height: block.height,
  });
  try {
    instance.setOption({ ...block.option, animation: false, tooltip: { show: false } });
    return stableNames(instance.renderToSVGString());
  } finally {
    instance.dispose();
  }
}

// The names zrender's SVG painter makes (zrender/lib/svg: classes -cls-N, animations -ani-N, clip paths -cN,
// gradients -gN, patterns -pN, shadows -sN), and nothing else: a label such as "zr1-abc" stays as written.
const ZRENDER_NAME = /zr\d+-(?:cls-\d+|ani-\d+|[cgps]\d+)(?![A-Za-z0-9_-])/g;

/** Each `zr<n>-…` name → `g<hash>-<i>`: i in order of first use, hash of the chart with names numbered. */
export function stableNames(svg: string): string {
  const order = new Map<string, number>();
  const numberOf = (name: string) => {
    const known = order.get(name);
    if (known !== undefined) return known;
    order.set(name, order.size);
    return order.size - 1;
  };
  const prefix = `g${fnv1a(svg.replace(ZRENDER_NAME, (name) => `n-${numberOf(name)}`))}`;
  return svg.replace(ZRENDER_NAME, (name) => `${prefix}-${numberOf(name)}`);
}

/** FNV-1a, 32 bits, as 8 hex digits (http://www.isthe.com/chongo/tech/comp/fnv/): a name, not a secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
