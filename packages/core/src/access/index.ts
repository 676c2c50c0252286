export * from './roles';
export * from './access-context';
export * from './decide';
