/**
 * The report as GitHub-flavoured Markdown: headings, paragraphs, lists and pipe tables, every plan
 * string escaped. Markdown cannot hold a chart, so each chart is an SVG file in a folder next to the
 * report (`FILE-charts/`), linked by a relative path; without a folder (stdout) the charts are named
 * but left out.
 */
import { chartSvg } from './charts.js';
import { escapeMarkdown, safeHref } from './escape.js';
import type { Block, Cell, ReportDocument, Table } from './report-document.js';

export interface MarkdownReport {
  readonly text: string;
  /** File name (inside the charts folder) → SVG. Empty when `chartsDir` was undefined. */
  readonly charts: ReadonlyMap<string, string>;
}

/** `chartsDir`: the folder's name relative to the report (e.g. `briefing.md-charts`), or undefined. */
export function renderMarkdown(doc: ReportDocument, chartsDir: string | undefined): MarkdownReport {
  const charts = new Map<string, string>();
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', doc.meta.map(escapeMarkdown).join(' · '), ''];
  for (const s of doc.sections) {
    out.push(`## ${escapeMarkdown(s.title)}`, '');
    for (const b of s.blocks) out.push(block(b, chartsDir, charts), '');
  }
  return { text: `${out.join('\n').trimEnd()}\n`, charts };
}

function block(b: Block, chartsDir: string | undefined, charts: Map<string, string>): string {
  switch (b.kind) {
    case 'heading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return b.emphasis === true ? `**${escapeMarkdown(b.text)}**` : escapeMarkdown(b.text);
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'table':
      return tableMarkdown(b.table);
    case 'chart': {
      if (chartsDir === undefined) return `*Chart: ${escapeMarkdown(b.title)} (written with --out only).*`;
      const file = `${b.id}.svg`;
      charts.set(file, chartSvg(b));
      return `![${escapeMarkdown(b.title)}](${encodeURI(`${chartsDir}/${file}`)})`;
    }
    default:
      return b satisfies never;
  }
}

function tableMarkdown(t: Table): string {
  const numeric = new Set(t.numeric ?? []);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    ...(t.caption === undefined ? [] : [`*${escapeMarkdown(t.caption)}*`, '']),
    row(t.head.map((h) => escapeMarkdown(h) || ' ')),
    row(t.head.map((_, i) => (numeric.has(i) ? '---:' : '---'))),
    ...t.rows.map((r) => row(r.map(cellMarkdown))),
  ].join('\n');
}

function cellMarkdown(c: Cell): string {
  if (typeof c === 'string') return escapeMarkdown(c);
  const href = safeHref(c.href);
  if (href === undefined) {
    return c.href === undefined
      ? escapeMarkdown(c.text)
      : `${escapeMarkdown(c.text)} (${escapeMarkdown(c.href)})`;
  }
  // Parentheses and spaces in a URL would end the link: percent-encode them.
  return `[${escapeMarkdown(c.text)}](${href.replace(/[()\s]/g, (x) => encodeURIComponent(x))})`;
}
