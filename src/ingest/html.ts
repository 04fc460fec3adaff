import { decodeHTML } from 'entities';

const TITLE = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i;

/** The page's `<title>`, entities decoded and whitespace collapsed; undefined when absent or blank. */
export function htmlTitle(html: string): string | undefined {
  const match = TITLE.exec(html);
  const title = match && decodeHTML(match[1]!).replace(/\s+/g, ' ').trim();
  return title || undefined;
}

export function isHtmlPath(path: string): boolean {
  return /\.html?$/i.test(path);
}
