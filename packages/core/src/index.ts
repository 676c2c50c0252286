export * from './shared/clock';
export * from './shared/domain-error';
export * from './shared/text';
export * from './patients/patient';
export * from './organizations/organization';
export * from './clinical/clinical';
export * from './registry-import/import-batch';
