export * from './queue';
export * from './agent-profile';
export * from './choose-agent';
export * from './routing-input';
