/** Time is passed in, never read ad hoc, so tests can move it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
