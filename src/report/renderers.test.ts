import { describe, expect, it } from 'vitest';
import { intervalBarOption } from '../charts/interval-bars.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { chart, heading, list, paragraph, type ReportDocument, table } from './report-document.js';

const doc: ReportDocument = {
  title: '<script>alert("title")</script>',
  meta: ['generated 2026-01-01', 'seed 7'],
  sections: [
    {
      id: 'one',
      title: '1. First',
      blocks: [
        heading('A <b>heading</b>'),
        paragraph('Plain & simple', true),
        list(['first | item', 'second']),
        table({
          head: ['source', 'value'],
          rows: [
            [{ text: 'Good source', href: 'https://example.org/x' }, '1'],
            [{ text: 'Bad source', href: 'javascript:alert(1)' }, 'a | b'],
          ],
          numeric: [1],
        }),
        chart(
          'bars',
          'Two bars',
          intervalBarOption(
            [
              { id: 'A', label: 'A', value: 0.2, lo: 0.1, hi: 0.3, se: 0.05, hover: [] },
              { id: 'B', label: 'B', value: 0.1, lo: 0.1, hi: 0.1, se: 0, hover: [] },
            ],
            { value: 'Shapley value' },
          ),
          160,
        ),
      ],
    },
    { id: 'two', title: '2. Second', blocks: [paragraph('end')] },
  ],
};

describe('the HTML report', () => {
  const html = renderHtml(doc);

  it('escapes plan text: a <script> in the title stays text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h1>');
    expect(html).toContain('<h3>A &lt;b&gt;heading&lt;/b&gt;</h3>');
  });

  it('links http(s) sources and leaves a javascript: URL as text', () => {
    expect(html).toContain('<a href="https://example.org/x">Good source</a>');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('Bad source (javascript:alert(1))');
  });

  it('is self-contained: inline style and SVG, nothing fetched, print rules for A4', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(link|script|img)\b/);
    expect(html).not.toMatch(/src="http/);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('section + section { break-before: page; }');
    expect(html).toMatch(/<figure id="bars" role="img" aria-label="Two bars">\n<svg /);
  });

  it('has one section per section, in order, and right-aligns numeric columns', () => {
    expect(html.indexOf('<section id="one">')).toBeLessThan(html.indexOf('<section id="two">'));
    expect(html).toContain('<td class="num">1</td>');
  });
});

describe('the Markdown report', () => {
  it('escapes | in table cells and links only http(s)', () => {
    const md = renderMarkdown(doc, 'b.md-charts').text;
    expect(md).toContain('| Bad source (javascript:alert(1)) | a \\| b |');
    expect(md).toContain('| [Good source](https://example.org/x) | 1 |');
    expect(md).toContain('| --- | ---: |');
    expect(md).toContain('- first \\| item');
    expect(md).toContain('# &lt;script&gt;alert("title")&lt;/script&gt;');
  });

  it('writes each chart as an SVG file linked by a relative path', () => {
    const md = renderMarkdown(doc, 'b.md-charts');
    expect(md.text).toContain('![Two bars](b.md-charts/bars.svg)');
    expect([...md.charts.keys()]).toEqual(['bars.svg']);
    expect(md.charts.get('bars.svg')).toMatch(/^<svg /);
  });

  it('names the charts but leaves them out without a folder (stdout)', () => {
    const md = renderMarkdown(doc, undefined);
    expect(md.charts.size).toBe(0);
    expect(md.text).toContain('*Chart: Two bars (written with --out only).*');
  });
});
