import {
  type ComputeGate,
  GATE_ARMED,
  GATE_GAVE_UP,
  GATE_HELD,
  GATE_OPEN,
  gateState,
  newComputeGate,
  setGate,
} from '../../server/compute/gate';
import { HANG_GUARD_MS, until } from './live';

/** A test's hold on a server's compute threads (server/compute/gate.ts): give `cell` to startServer as computeGate. */
export type ComputeGateHold = {
  cell: ComputeGate;
  /**
   * Arms the gate and waits until a computation of `request` is held at it; fails at once if `request` is answered
   * first (its computation never reached a thread) and after HANG_GUARD_MS if nothing comes.
   */
  holdDuring(request: Promise<unknown>): Promise<void>;
  /** a computation is held at the gate still: checked after what had to be answered meanwhile */
  holding(): boolean;
  /** lets the held computation go on */
  release(): void;
};

export function computeGate(): ComputeGateHold {
  // a computation held on the event loop (not in a thread) blocks the test too: it fails once this guard has passed
  const cell = newComputeGate(HANG_GUARD_MS);
  return {
    cell,
    async holdDuring(request) {
      if (!setGate(cell, GATE_OPEN, GATE_ARMED)) throw new Error(`compute gate not open (state ${gateState(cell)})`);
      let answered = false;
      request.then(
        () => (answered = true),
        () => (answered = true),
      );
      try {
        await until(() => answered || gateState(cell) !== GATE_ARMED);
      } finally {
        setGate(cell, GATE_ARMED, GATE_OPEN);
      }
      if (gateState(cell) === GATE_HELD) return;
      throw new Error(
        gateState(cell) === GATE_GAVE_UP
          ? 'the computation was held past its guard: the event loop was blocked while it waited'
          : 'the request was answered before any of its computations reached the compute threads',
      );
    },
    holding: () => gateState(cell) === GATE_HELD,
    release() {
      setGate(cell, GATE_HELD, GATE_OPEN);
    },
  };
}
