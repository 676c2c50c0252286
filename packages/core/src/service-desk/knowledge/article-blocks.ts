/**
 * An article body as blocks to show. Bodies are plain text with a few conventions that
 * read well even unrendered: a blank line between paragraphs, "## " before a heading,
 * "- " (or "* ", "• ") before a bullet, "1. " (or "1) ") before a numbered step. No HTML
 * is ever interpreted: the blocks hold text, and the web app renders text.
 */
export type ArticleBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'steps'; items: string[] };

const HEADING = /^#{1,3}\s+(.*)$/;
const BULLET = /^[-*•]\s+(.*)$/;
const STEP = /^\d{1,3}[.)]\s+(.*)$/;

export function articleBlocks(body: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  // The block still growing, line by line; it joins `blocks` at the next blank line or kind change.
  let open = null as ArticleBlock | null;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const item = BULLET.exec(line) ?? STEP.exec(line);
    const itemKind = BULLET.test(line) ? 'bullets' : 'steps';
    if (line === '' || heading) {
      if (open) blocks.push(open);
      open = null;
      if (heading) blocks.push({ kind: 'heading', text: heading[1]!.trim() });
    } else if (item) {
      const text = item[1]!.trim();
      if (open?.kind === itemKind) open.items.push(text);
      else {
        if (open) blocks.push(open);
        open = { kind: itemKind, items: [text] };
      }
    } else if (open?.kind === 'paragraph') {
      open.text = `${open.text} ${line}`;
    } else if (open?.kind === 'bullets' || open?.kind === 'steps') {
      // A line under a list item continues that item.
      const last = open.items.length - 1;
      open.items[last] = `${open.items[last] ?? ''} ${line}`;
    } else {
      open = { kind: 'paragraph', text: line };
    }
  }
  if (open) blocks.push(open);
  return blocks;
}

/** A list item as a run of text: its own full stop, else a semicolon before the next. */
const endSentence = (item: string) => (/[.!?;:]$/u.test(item) ? item : `${item};`);

/** The opening words of an article for a list of results, cut at a word near `max` characters. */
export function articleExcerpt(body: string, max = 180): string {
  const text = articleBlocks(body.slice(0, max * 4))
    .filter((b) => b.kind !== 'heading')
    .map((b) => (b.kind === 'paragraph' ? b.text : b.items.map(endSentence).join(' ')))
    .join(' ')
    .replace(/;$/u, '.');
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/u, '')}…`;
}
