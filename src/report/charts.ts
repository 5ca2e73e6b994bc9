/**
 * A chart of the report as an SVG string: the same ECharts option the dashboard draws, rendered on the
 * server without a browser (ECharts SSR: https://echarts.apache.org/handbook/en/how-to/cross-platform/server/).
 * Animation is off so the first frame is the final one. One instance per chart, disposed at once.
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
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
