/**
 * The time the server decides by where a decision depends on it: whether a token has expired, whether its
 * last-use hint is due, which rate-limit window a request falls in. Production reads the system clock; tests pass
 * one they move by hand, so no outcome (nor any statement count) depends on how fast the machine happens to be.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
