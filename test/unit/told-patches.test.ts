/**
 * ToldPatches (server/sync/told-patches.ts): the state patches an instance told or was told, by the stamp they lead
 * to, kept per plan and period: a busy plan's patches never push out another plan's last ones.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { LONGEST_CHAIN, ToldPatches } from '../../server/sync/told-patches';
import type { StatePatch } from '../../server/sync/shared-states';

const patch = (planId: string, n: number, year = 2022): StatePatch => ({
  from: `${planId}:${n - 1}`,
  to: { planId, orgId: 'org', value: `${planId}:${n}`, changeCount: n },
  year,
  checkpoint: Checkpoint.YEAR_END,
  rows: { Measurement: [`m${n}`] },
});

describe('told patches', () => {
  const leadingTo = (told: ToldPatches, planId: string, n: number, year = 2022) =>
    told.leadingTo(planId, year, Checkpoint.YEAR_END, `${planId}:${n}`, 0);

  it("keeps a quiet plan's patch while a busy plan tells hundreds", async () => {
    const told = new ToldPatches();
    const quiet = patch('quiet', 1);
    told.add(quiet);
    for (let n = 1; n <= 200; n++) told.add(patch('busy', n));
    expect(await leadingTo(told, 'quiet', 1)).toBe(quiet);
    // the busy plan keeps its last ones, as many as a turn follows back
    expect(await leadingTo(told, 'busy', 200)).toBeDefined();
    expect(await leadingTo(told, 'busy', 200 - LONGEST_CHAIN + 1)).toBeDefined();
    expect(await leadingTo(told, 'busy', 200 - LONGEST_CHAIN)).toBeUndefined();
  });

  it('keeps each period of a plan apart', async () => {
    const told = new ToldPatches();
    const other = patch('p', 1, 2023);
    told.add(other);
    for (let n = 1; n <= 50; n++) told.add(patch('p', n));
    expect(await leadingTo(told, 'p', 1, 2023)).toBe(other);
    expect(await leadingTo(told, 'p', 1)).toBeUndefined();
  });

  it('gives a patch told while it is awaited', async () => {
    const told = new ToldPatches();
    const waiting = told.leadingTo('late', 2022, Checkpoint.YEAR_END, 'late:1', 60_000);
    const late = patch('late', 1);
    told.add(late);
    expect(await waiting).toBe(late);
  });
});
