export * from './clinical';
