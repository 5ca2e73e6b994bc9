/**
 * The briefing report as a document of plain blocks — paragraphs, tables, charts, lists — so that the
 * HTML and the Markdown renderers print the same content and only differ in syntax. Text here is
 * plain: each renderer escapes it for its format; a link is a cell's `href`, which renderers keep only
 * when it is http(s).
 */
import type { EChartsOption } from 'echarts';

export interface LinkCell {
  readonly text: string;
  readonly href?: string;
}

export type Cell = string | LinkCell;

export interface Table {
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Columns right-aligned (numbers), by index. */
  readonly numeric?: readonly number[];
  readonly caption?: string;
}

export interface ChartBlock {
  readonly kind: 'chart';
  /** Unique in the report; names the SVG file next to a Markdown report. */
  readonly id: string;
  /** Said in words for readers who cannot see the chart (alt text, caption). */
  readonly title: string;
  readonly option: EChartsOption;
  readonly width: number;
  readonly height: number;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly emphasis?: boolean }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly table: Table }
  | ChartBlock;

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface ReportDocument {
  readonly title: string;
  /** "Briefing · generated 2026-11-29 · model v1 · seed 7 · 2,000 trials · plan SHA-256 …". */
  readonly meta: readonly string[];
  readonly sections: readonly Section[];
}

/** Chart width in CSS pixels: fits an A4 page's text width at print scale. */
export const CHART_WIDTH = 720;

export const paragraph = (text: string, emphasis = false): Block => ({
  kind: 'paragraph',
  text,
  ...(emphasis ? { emphasis } : {}),
});
export const heading = (text: string): Block => ({ kind: 'heading', text });
export const table = (t: Table): Block => ({ kind: 'table', table: t });
export const list = (items: readonly string[]): Block => ({ kind: 'list', items });
export function chart(id: string, title: string, option: EChartsOption, height: number): ChartBlock {
  return { kind: 'chart', id, title, option, width: CHART_WIDTH, height };
}
