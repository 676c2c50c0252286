export * from './routing/index';
export * from './macros/index';
export * from './business-time/index';
export * from './sla/index';
// The service desk's channel rules: e-mail threading and reply tokens, delivery choice,
// attachment types sniffed from their bytes.
export * from './mail-threading/index';
export * from './delivery/index';
export * from './attachments/index';
export * from './knowledge/index';
