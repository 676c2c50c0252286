/** Time is injected: the domain never reads the system clock (architecture rule 3). */
export interface Clock {
  now(): Date;
}

/** A clock frozen at one instant, for tests and replays. */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}
