export * from './business-calendar';
export { addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time';
