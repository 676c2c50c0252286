export * from './sla-policy';
export * from './sla-clock';
