/**
 * Several bindings per workbook (issue 18, item 7): a 30/6 sheet and a 31/12 sheet of the same plan, one sheet per
 * unit or per cruscotto. Each binding is a slot of the workbook's settings (state.ts: the binding, its open
 * conflicts and its error list under the slot's keys, the list of slots under `cruscotto.bindings`); its merge base
 * is the hidden sheet of its own table (base.ts). The session works on one slot at a time, the active one: the
 * binding of the sheet the user has selected.
 */
import type { WorkbookPort } from '../workbook/port';
import { readSlots, readState, writeConflicts, writeErrors, writeSlots, writeState, type StoredState } from './state';
import type { Binding, ConflictRecord, SheetError } from './types';

export type Slot = {
  id: string;
  state: StoredState | null;
  /** the state as last written to (or read from) the workbook's settings */
  saved: string;
  conflicts: ConflictRecord[];
  errors: SheetError[];
};

/** what a live change or a poll is about: the binding of this table, or else the one with this plan, year and checkpoint */
export type SlotTarget = Pick<Binding, 'planId' | 'year' | 'checkpoint'> & { table?: string };

const empty = (id: string): Slot => ({ id, state: null, saved: 'null', conflicts: [], errors: [] });

export class BindingSlots {
  /** the slots in the order they were added; the active one may be a new slot with no binding yet */
  private readonly list: Slot[];
  current: Slot;
  /** the list of bound slots as the settings have it */
  private written: string;

  private constructor(
    private readonly port: WorkbookPort,
    list: Slot[],
  ) {
    this.list = list;
    this.current = list[0] ?? this.fresh();
    this.written = JSON.stringify(this.boundIds());
  }

  /** the workbook's bindings as its settings keep them; the first one is active */
  static async read(port: WorkbookPort): Promise<BindingSlots> {
    const list: Slot[] = [];
    for (const id of await readSlots(port)) {
      const stored = await readState(port, id);
      if (stored.state) list.push({ ...stored, id, saved: JSON.stringify(stored.state) });
    }
    return new BindingSlots(port, list);
  }

  /** every binding of the workbook, in the order they were made */
  get bindings(): Binding[] {
    return this.list.flatMap((s) => (s.state ? [s.state.binding] : []));
  }

  /** makes the binding of this sheet active (its table's sheet); false when no binding is on it */
  activate(sheet: string): boolean {
    const found = this.list.find((s) => s.state?.binding.sheet.toLowerCase() === sheet.toLowerCase());
    if (found) this.current = found;
    return Boolean(found);
  }

  /** makes the binding of this table active; false when there is none */
  activateTable(table: string): boolean {
    const found = this.list.find((s) => s.state?.binding.table.toLowerCase() === table.toLowerCase());
    if (found) this.current = found;
    return Boolean(found);
  }

  /** an empty slot made active: the next Load or "Collega questo foglio" makes a new binding instead of rewriting */
  add(): void {
    if (this.current.state) this.current = this.fresh();
  }

  /** the slot of a live target, or null when no binding follows it */
  find(target: SlotTarget): Slot | null {
    const same = (b: Binding) =>
      target.table
        ? b.table === target.table
        : b.planId === target.planId && b.year === target.year && b.checkpoint === target.checkpoint;
    return this.list.find((s) => s.state && same(s.state.binding)) ?? null;
  }

  /** runs work with another slot active, then the one active before again */
  async on<T>(slot: Slot, work: () => Promise<T>): Promise<T> {
    const before = this.current;
    this.current = slot;
    try {
      return await work();
    } finally {
      if (this.list.includes(before)) this.current = before;
    }
  }

  /** stores the active slot's state, conflicts and errors (only what changed) and the list of slots */
  async save(state: StoredState | null, conflicts: ConflictRecord[], errors: SheetError[]): Promise<void> {
    const slot = this.current;
    // compared with what was written, not with the state: reading the table may have noted a renamed column in it
    if (JSON.stringify(state) !== slot.saved) await writeState(this.port, state, slot.id);
    slot.saved = JSON.stringify(state);
    if (JSON.stringify(conflicts) !== JSON.stringify(slot.conflicts))
      await writeConflicts(this.port, conflicts, slot.id);
    if (JSON.stringify(errors) !== JSON.stringify(slot.errors)) await writeErrors(this.port, errors, slot.id);
    slot.state = state;
    slot.conflicts = conflicts;
    slot.errors = errors;
    await this.writeList();
  }

  /** forgets the active binding (its settings); the first other binding becomes active */
  async remove(): Promise<void> {
    await this.save(null, [], []);
    this.list.splice(this.list.indexOf(this.current), 1);
    this.current = this.list.find((s) => s.state) ?? this.fresh();
  }

  private boundIds(): string[] {
    return this.list.filter((s) => s.state).map((s) => s.id);
  }

  private async writeList(): Promise<void> {
    const ids = JSON.stringify(this.boundIds());
    if (ids === this.written) return;
    await writeSlots(this.port, this.boundIds());
    this.written = ids;
  }

  /** an empty slot (the one already waiting, or a new one): the plain keys when free (a workbook's first binding), else the first free `bN` */
  private fresh(): Slot {
    const idle = this.list.find((s) => !s.state);
    if (idle) return idle;
    const used = new Set(this.list.map((s) => s.id));
    let id = '';
    for (let n = 2; used.has(id); n++) id = `b${n}`;
    const slot = empty(id);
    this.list.push(slot);
    return slot;
  }
}
