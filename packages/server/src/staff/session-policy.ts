const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * Staff sessions slide: each use pushes the end 12 hours ahead (a shop's working day, so a phone left
 * at the counter overnight asks again in the morning), and no session lives beyond 30 days from
 * sign-in whatever its use. The cookie lasts the 30-day maximum; the server's record decides.
 */
export const staffSessionPolicy = {
  idleMs: 12 * hour,
  absoluteMs: 30 * day,
  /** Sliding writes at most once per interval, not on every request. */
  touchEveryMs: 5 * minute,
} as const;
