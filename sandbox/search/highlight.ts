// CloudSearch-style highlights: an excerpt of a text field around the first
// matched term, matches wrapped in pre/post tags; `html` escapes the text.

export interface HighlightOptions {
  format?: 'html' | 'text';
  max_phrases?: number;
  pre_tag?: string;
  post_tag?: string;
}

const EXCERPT_CHARS = 240;
const LEAD_CHARS = 80;

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const WORD = /[\p{L}\p{N}]+/gu;

export function highlight(
  text: string,
  terms: ReadonlySet<string>,
  options: HighlightOptions,
): string {
  const html = (options.format ?? 'html') === 'html';
  const pre = options.pre_tag ?? (html ? '<em>' : '*');
  const post = options.post_tag ?? (html ? '</em>' : '*');
  const words = [...text.matchAll(WORD)];
  const firstMatch = words.find((word) => terms.has(word[0].toLowerCase()));
  let start = 0;
  let end = text.length;
  if (text.length > EXCERPT_CHARS) {
    const anchor = firstMatch?.index ?? 0;
    start = Math.max(0, anchor - LEAD_CHARS);
    end = Math.min(text.length, start + EXCERPT_CHARS);
    // Whole words only at the edges.
    while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] as string)) start += 1;
    while (end < text.length && /[\p{L}\p{N}]/u.test(text[end] as string)) end -= 1;
  }
  const escape = html ? escapeHtml : (value: string) => value;
  let result = '';
  let cursor = start;
  for (const word of words) {
    const at = word.index;
    if (at < start || at + word[0].length > end) continue;
    if (!terms.has(word[0].toLowerCase())) continue;
    result += escape(text.slice(cursor, at)) + pre + escape(word[0]) + post;
    cursor = at + word[0].length;
  }
  result += escape(text.slice(cursor, end));
  return `${start > 0 ? '...' : ''}${result}${end < text.length ? '...' : ''}`;
}
