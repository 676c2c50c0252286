export * from './macro';
export * from './placeholders';
export * from './validate-macro';
export * from './fill-macro';
export * from './render-macro';
