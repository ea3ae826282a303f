/**
 * Proposals are written in Markdown and shown as HTML rendered here, on the server, from a small
 * safe subset: paragraphs, emphasis, headings, lists, quotes, code and links. Raw HTML in the source
 * is shown as text, never passed through, and only http(s) and mailto links are made (no
 * `javascript:`, `data:` or other schemes), each marked as user content.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false, breaks: true });
markdown.enable([
  'paragraph',
  'heading',
  'list',
  'blockquote',
  'code',
  'fence',
  'hr',
  'newline',
  'escape',
  'backticks',
  'emphasis',
  'link',
  'entity',
]);
// markdown-it normalises the URL (decoding entities, percent-encoding) before this check.
markdown.validateLink = (url) => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow ugc noopener');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** The HTML to show for a Markdown text; safe to insert into a page as it is. */
export function renderSafeMarkdown(source: string): string {
  return markdown.render(source);
}
