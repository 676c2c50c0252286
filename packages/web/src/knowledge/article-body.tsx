import { articleBlocks } from '@caredesk/core/service-desk';

/**
 * An article's text with its paragraphs, headings, bullets and steps. Everything is
 * rendered as text (React escapes it): markup typed into an article shows as typed.
 * Headings sit one level under the page's own (`level`).
 */
export function ArticleBody({ body, level = 2 }: { body: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="article-body">
      {articleBlocks(body).map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return <Heading key={i}>{block.text}</Heading>;
          case 'paragraph':
            return <p key={i}>{block.text}</p>;
          case 'bullets':
            return (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          case 'steps':
            return (
              <ol key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ol>
            );
        }
      })}
    </div>
  );
}
