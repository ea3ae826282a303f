/** Time is passed in, never read ad hoc, so tests can move it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** The UTC calendar day of an instant, as PostgreSQL's `date` takes it: `2026-11-30`. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);
