import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, safeHref } from './escape.js';

describe('escaping plan text', () => {
  it('turns markup into entities for HTML', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('keeps http and https URLs as links and nothing else', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHref('/relative/path')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });

  it('escapes Markdown table pipes, emphasis, links and raw HTML, and joins lines', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('*x* _y_ [z](u)')).toBe('\\*x\\* \\_y\\_ \\[z\\](u)');
    expect(escapeMarkdown('<img src=x>')).toBe('&lt;img src=x&gt;');
    expect(escapeMarkdown('one\ntwo')).toBe('one two');
  });
});
