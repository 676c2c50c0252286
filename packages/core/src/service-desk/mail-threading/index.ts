export * from './reply-token';
export * from './message-ids';
export * from './threading-decision';
