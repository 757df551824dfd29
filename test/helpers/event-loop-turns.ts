/**
 * How many turns other tasks of the event loop got while `work` ran: a task that re-queues itself with setImmediate
 * counts its runs. A step-wise computation that yields gives it turns; one that runs through gives it none.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    turns++;
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work();
  done = true;
  return { value, turns };
}
