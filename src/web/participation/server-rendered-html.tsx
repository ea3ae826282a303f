/**
 * HTML the server rendered from Markdown (proposals, process descriptions): a small safe subset,
 * with raw HTML shown as text and only http(s) and mailto links (src/domain/participation/markdown.ts).
 */
export function ServerRenderedHtml({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders this from a safe subset of Markdown and never passes raw HTML through
  return <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
