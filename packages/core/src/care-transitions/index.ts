export * from './discharge-disposition';
export * from './discharge-follow-up';
export * from './sender-language';
export * from './visit-events';
export * from './follow-up';
