import { describe, expect, it } from 'vitest';
import { renderSafeMarkdown } from './markdown.ts';

describe('proposal Markdown', () => {
  it('renders the safe subset: emphasis, lists, headings, quotes and http links', () => {
    const html = renderSafeMarkdown(
      '## Why\n\nA **bigger** _park_:\n\n- trees\n- benches\n\n> shade\n\n[map](https://example.org/map)',
    );
    expect(html).toContain('<h2>Why</h2>');
    expect(html).toContain('<strong>bigger</strong>');
    expect(html).toContain('<em>park</em>');
    expect(html).toContain('<li>trees</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="https://example.org/map" rel="nofollow ugc noopener">map</a>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an image with an error handler', '<img src=x onerror=alert(1)>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an inline event in raw HTML', '<a href="#" onclick="alert(1)">x</a>'],
    ['an svg', '<svg onload=alert(1)>'],
  ])('shows raw HTML as text, never as markup: %s', (_name, payload) => {
    const html = renderSafeMarkdown(payload);
    expect(html).not.toMatch(/<(script|img|iframe|svg|a)\b/i);
    expect(html).toContain('&lt;');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
  ])('makes no link of an unsafe address: %s', (address) => {
    const html = renderSafeMarkdown(`[click](${address})`);
    expect(html).not.toMatch(/<a\b/);
    expect(html.toLowerCase()).not.toMatch(/href="(java|vb)script|href="data:|href="file:/);
  });

  it('makes no images, even of safe addresses (no tracking pixels)', () => {
    expect(renderSafeMarkdown('![x](https://example.org/x.png)')).not.toContain('<img');
  });

  it('escapes quotes in link titles and addresses, so nothing breaks out of an attribute', () => {
    const html = renderSafeMarkdown('[x](https://example.org/"onmouseover="alert(1) "t\\"itle")');
    expect(html).not.toMatch(/"\s*onmouseover=/);
  });
});
