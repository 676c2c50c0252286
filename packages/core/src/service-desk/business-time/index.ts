export * from './business-calendar';
export { addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time';
export { closeOfBusinessDaysAfter } from './business-days';
export { instantOfWallTime, isTimeZone } from './zoned-time';
