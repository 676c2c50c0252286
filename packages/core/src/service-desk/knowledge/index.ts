export * from './knowledge-article';
export * from './validate-article';
export * from './search-text';
export * from './article-blocks';
