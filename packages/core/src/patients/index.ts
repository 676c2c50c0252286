export * from './patient';
export * from './language';
export * from './contact';
export * from './field-checks';
export * from './validate-patient';
export * from './validate-related';
export * from './search-terms';
export * from './duplicates';
