export * from './case';
export * from './new-case';
export * from './case-status';
