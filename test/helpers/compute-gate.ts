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
   * first (its computation never reached a thread) and after REACH_GUARD_MS if nothing comes.
   */
  holdDuring(request: Promise<unknown>): Promise<void>;
  /** a computation is held at the gate still: checked after what had to be answered meanwhile */
  holding(): boolean;
  /** lets the held computation go on */
  release(): void;
};

/** How long a request may take to bring a computation to the gate: a hang guard, under Jest's 15 minutes. */
const REACH_GUARD_MS = 10 * HANG_GUARD_MS;

export function computeGate(): ComputeGateHold {
  // a computation held on the event loop (not in a thread) blocks the test too: it fails once this guard has passed
  const cell = newComputeGate(HANG_GUARD_MS);
  return {
    cell,
    async holdDuring(request) {
      if (!setGate(cell, GATE_OPEN, GATE_ARMED)) throw new Error(`compute gate not open (state ${gateState(cell)})`);
      let answered = false;
      // what the request came back with and after how long, for the failure's message: a status, or why it failed
      // (a client's deadline shows as its length)
      let outcome = '';
      const sent = Date.now();
      const after = () => `after ${Math.round((Date.now() - sent) / 1000)} s`;
      request.then(
        (value) => {
          answered = true;
          outcome = `status ${(value as { status?: unknown } | null)?.status ?? 'none'} ${after()}`;
        },
        (error: unknown) => {
          answered = true;
          outcome = `failed ${after()}: ${String(error)} ${String((error as { cause?: unknown } | null)?.cause ?? '')}`;
        },
      );
      try {
        // reaching the gate takes reading the plan's rows first: over a minute on a loaded machine (load 24 on 2 cores)
        await until(() => answered || gateState(cell) !== GATE_ARMED, REACH_GUARD_MS);
      } finally {
        setGate(cell, GATE_ARMED, GATE_OPEN);
      }
      if (gateState(cell) === GATE_HELD) return;
      // open again for the next test, which fails or passes on its own
      const gaveUp = setGate(cell, GATE_GAVE_UP, GATE_OPEN);
      throw new Error(
        gaveUp
          ? 'the computation was held past its guard: the event loop was blocked while it waited'
          : `the request was answered (${outcome}) before any of its computations reached the compute threads`,
      );
    },
    holding: () => gateState(cell) === GATE_HELD,
    release() {
      setGate(cell, GATE_HELD, GATE_OPEN);
    },
  };
}
