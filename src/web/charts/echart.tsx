/**
 * One ECharts chart as a React component: `<EChart option={…} label="…" />`. The option is ECharts' own
 * (https://echarts.apache.org/en/option.html); the chart is drawn as SVG (crisp, printable, the same
 * renderer the reports use) and resized with its box. `label` names the chart for screen readers.
 */
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export type EChartOption = echarts.EChartsOption;

export function EChart({
  option,
  label,
  height = 360,
  onClick,
}: {
  option: EChartOption;
  label: string;
  height?: number;
  /** A click on a data item (bar, cell, point): ECharts' event params. */
  onClick?: (params: echarts.ECElementEvent) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    if (box.current === null) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (instance === undefined || onClick === undefined) return;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [onClick]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}
