/**
 * The report as one self-contained HTML page: inline CSS (with print rules for A4 — each section on a
 * new page, table rows and charts not split, headings kept with what follows), charts as inline SVG,
 * nothing fetched. Every plan string is escaped; only http(s) URLs become links.
 */
import { chartSvg } from './charts.js';
import { escapeHtml, safeHref } from './escape.js';
import type { Block, Cell, ReportDocument, Table } from './report-document.js';

const STYLE = `
:root { color: #1d2430; font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
body { max-width: 190mm; margin: 0 auto; padding: 12mm 8mm; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
h2 { font-size: 15pt; margin: 18pt 0 6pt; border-bottom: 2px solid #1f5fbf; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
.meta { color: #5b6576; margin: 0 0 10pt; }
.meta span + span::before { content: " · "; }
p.emphasis { font-size: 12pt; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 9pt; }
caption { text-align: left; color: #5b6576; padding-bottom: 2pt; }
th, td { border-bottom: 1px solid #d5d9e0; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eef1f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 6pt 0 10pt; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #5b6576; font-size: 8.5pt; }
a { color: #1f5fbf; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; }
  section + section { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

export function renderHtml(doc: ReportDocument): string {
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)} — briefing</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${doc.meta.map((m) => `<span>${escapeHtml(m)}</span>`).join('')}</p>
</header>
${sections}
</body>
</html>
`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p${b.emphasis === true ? ' class="emphasis"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return tableHtml(b.table);
    case 'chart':
      return `<figure id="${escapeHtml(b.id)}" role="img" aria-label="${escapeHtml(b.title)}">\n${chartSvg(b)}\n<figcaption>${escapeHtml(b.title)}</figcaption>\n</figure>`;
    default:
      return b satisfies never;
  }
}

function tableHtml(t: Table): string {
  const numeric = new Set(t.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? ' class="num"' : '');
  const caption = t.caption === undefined ? '' : `<caption>${escapeHtml(t.caption)}</caption>`;
  const head = t.head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const rows = t.rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${cellHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function cellHtml(c: Cell): string {
  if (typeof c === 'string') return escapeHtml(c);
  const href = safeHref(c.href);
  if (href === undefined) {
    return c.href === undefined ? escapeHtml(c.text) : `${escapeHtml(c.text)} (${escapeHtml(c.href)})`;
  }
  return `<a href="${escapeHtml(href)}">${escapeHtml(c.text)}</a>`;
}
