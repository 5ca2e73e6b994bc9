/**
 * Plan text into a report: every string of a plan (titles, names, sources) is data, never markup. HTML
 * gets entities; Markdown gets backslashes before the characters that would start syntax; a URL
 * becomes a link only when it is http(s), so `javascript:` and `data:` stay text.
 */

/** `<b>"x" & y</b>` → `&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;`. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The URL if it is an absolute http: or https: URL, else undefined. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Text for one line of GitHub-flavoured Markdown (a paragraph, a list item or a table cell): syntax
 * characters backslash-escaped, `<` as an entity (GitHub renders raw HTML), newlines as spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
