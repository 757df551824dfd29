import fs from 'node:fs';
import { config } from '../config';

/**
 * Where one sync's time goes, phase by phase (queue, early read, connection, plan lock, read, decide, apply,
 * answer, commit, kept state): written as one JSON line per sync to the file named by SYNC_PHASE_LOG, for the
 * profile of bench B4 (issue 15). Without that variable nothing is measured or written.
 */
export class SyncClock {
  private last = performance.now();
  private readonly started = this.last;
  readonly phases: Record<string, number> = {};
  readonly notes: Record<string, string | number | boolean> = {};

  /** the time since the previous mark, added to `phase` */
  mark(phase: string): void {
    const now = performance.now();
    this.phases[phase] = (this.phases[phase] ?? 0) + (now - this.last);
    this.last = now;
  }

  note(key: string, value: string | number | boolean): void {
    this.notes[key] = value;
  }

  /** appends the sync's line to the log */
  write(): void {
    const file = config().ops.syncPhaseLog;
    if (!file) return;
    const ms = (n: number) => Math.round(n * 10) / 10;
    const phases = Object.fromEntries(Object.entries(this.phases).map(([k, v]) => [k, ms(v)]));
    const line = {
      pid: process.pid,
      at: Date.now(),
      total: ms(performance.now() - this.started),
      ...phases,
      ...this.notes,
    };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}

/** a clock when SYNC_PHASE_LOG is set, else null (the sync marks nothing) */
export function syncClock(): SyncClock | null {
  return config().ops.syncPhaseLog ? new SyncClock() : null;
}

/**
 * One event of the states told between instances (shared-states.ts: announce, receipt, apply; kept-state.ts: the
 * turn's wait), as a line of the same log with the wall-clock time, which both instances of a machine share: where a
 * told state is late is read from the times of one stamp on both sides. Nothing without SYNC_PHASE_LOG.
 */
export function logStateEvent(event: string, fields: Record<string, string | number | boolean | null>): void {
  const file = config().ops.syncPhaseLog;
  if (!file) return;
  fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, event, at: Date.now(), ...fields })}\n`);
}
