/**
 * A test seam of the compute threads (issue 16, item 2): a cell of shared memory a test hands the app
 * (AppOptions.computeGate, never configuration nor a request), where the next computation to reach the gate waits,
 * its rows received and its scoring not begun, until the test releases it. "While a computation is held, /health is
 * answered" then holds on any machine, however loaded, where "while it runs" depended on how long it ran. Without a
 * cell (production) a thread does one check and goes on.
 *
 * The cell is an Int32Array over a SharedArrayBuffer, so the thread and the test read the same memory: its first
 * entry is the gate's state, its second how long a computation may be held before it gives up (a test that forgot to
 * release fails instead of hanging). The wait is Atomics.wait: it blocks only the thread it runs in, so where the
 * event loop stays free while a computation is held, the computation is off the event loop.
 */
export type ComputeGate = Int32Array;

export const GATE_OPEN = 0;
/** the next computation to reach the gate stops there */
export const GATE_ARMED = 1;
/** a computation is stopped at the gate */
export const GATE_HELD = 2;
/** the held computation was not released in time and failed */
export const GATE_GAVE_UP = 3;

const STATE = 0;
const GUARD_MS = 1;

/** A new gate, open; a computation held longer than `guardMs` fails. */
export function newComputeGate(guardMs: number): ComputeGate {
  const cell = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  cell[GUARD_MS] = guardMs;
  return cell;
}

export function gateState(gate: ComputeGate): number {
  return Atomics.load(gate, STATE);
}

/** Test side: moves the gate from `from` to `to` and wakes whoever waits on it (a held computation). */
export function setGate(gate: ComputeGate, from: number, to: number): boolean {
  const moved = Atomics.compareExchange(gate, STATE, from, to) === from;
  if (moved) Atomics.notify(gate, STATE);
  return moved;
}

/** Compute side: if the gate is armed, stops here until it is opened again (or throws once its guard has passed). */
export function passComputeGate(gate: ComputeGate | undefined): void {
  if (!gate || !setGate(gate, GATE_ARMED, GATE_HELD)) return;
  if (Atomics.wait(gate, STATE, GATE_HELD, gate[GUARD_MS]) === 'timed-out' && setGate(gate, GATE_HELD, GATE_GAVE_UP))
    throw new Error(`compute gate: a held computation was not released within ${gate[GUARD_MS]} ms (a test seam)`);
}
