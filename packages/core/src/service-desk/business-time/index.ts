export * from './business-calendar';
export { addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time';
export { instantOfWallTime, isTimeZone } from './zoned-time';
