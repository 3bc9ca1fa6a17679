// Clocks in whole Unix seconds (given). The tests use manualClock, so nothing sleeps.

export const systemClock = { now: () => Math.floor(Date.now() / 1000) };

/** A clock that only moves when told to. */
export function manualClock(start) {
  let now = start;
  return {
    now: () => now,
    advance(seconds) {
      now += seconds;
    },
  };
}
