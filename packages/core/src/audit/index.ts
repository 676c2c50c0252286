export * from './audit-entry';
export * from './hash-chain';
export * from './verify-chain';
