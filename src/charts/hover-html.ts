/**
 * Chart hovers as HTML: ECharts puts a tooltip formatter's string into the page as HTML, so the text of
 * a plan (names, labels) is escaped here before it is joined into lines.
 */

/** `a < b` → `a &lt; b`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Lines of plain text as one tooltip: escaped, one per line. */
export function hoverHtml(lines: readonly string[]): string {
  return lines.map(escapeHtml).join('<br>');
}
