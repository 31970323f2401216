/** Where services read the time from, so tests can move it and run clocks deterministically. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and move forward. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-06-15T10:00:00Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
