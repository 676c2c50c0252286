export * from './choose-delivery';
