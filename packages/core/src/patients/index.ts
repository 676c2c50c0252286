export * from './patient';
export * from './language';
export * from './contact';
export * from './validate-patient';
export * from './search-terms';
export * from './duplicates';
