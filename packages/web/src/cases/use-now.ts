import { useEffect, useState } from 'react';

/**
 * The time now, refreshed every minute: due times said relative to now ("in 3 hours")
 * and their colours stay true on a screen left open all shift.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
