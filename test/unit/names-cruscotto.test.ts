/**
 * "This batch names a cruscotto" (server/sync/repeat-rows.ts): one predicate for the three places that skip the
 * cruscotto work of a batch without one (folding repeats, reading the plan's cruscotti, checking their cells).
 */
import type { SheetRowIn } from '@core/sheet/row';
import type { PlanVersion } from '../../server/entities';
import type { ServiceContext } from '../../server/services/service-context';
import { readCruscotti } from '../../server/sync/dashboard-rows';
import { foldRepeats, inCruscotto, namesCruscotto } from '../../server/sync/repeat-rows';

const row = (dashboard: string | null | undefined, code = '1.1.1'): SheetRowIn =>
  ({ level: 'Indicatore', code, title: 'Tempi medi', dashboard }) as SheetRowIn;

describe('namesCruscotto', () => {
  it('is true only when some row has a cruscotto cell with text', () => {
    expect(namesCruscotto([])).toBe(false);
    expect(namesCruscotto([row(undefined), row(null), row(''), row('  \t ')])).toBe(false);
    expect(namesCruscotto([row(null), row(' Cruscotto strategico ')])).toBe(true);
    expect(inCruscotto(row('  '))).toBe(false);
    expect(inCruscotto(row('Cruscotto del Segretario'))).toBe(true);
  });

  it('is what the fold and the cruscotti read go by: blank cells fold nothing and read nothing', async () => {
    const blank = [row('  '), row(' ', '1.1.1')];
    // the same code twice with blank cruscotto cells is two rows (DUPLICATE_CODE later), not a repeat
    expect(foldRepeats(blank, () => ({ id: 'i1', version: 1 })).repeatOf.size).toBe(0);
    // no statement: the context has no entity manager to read with
    const none = await readCruscotti({} as ServiceContext, {} as PlanVersion, blank);
    expect(none.dashboards).toEqual([]);
    const named = [row('Cruscotto strategico'), row('Cruscotto del Segretario')];
    expect(foldRepeats(named, () => ({ id: 'i1', version: 1 })).repeatOf.size).toBe(1);
    await expect(readCruscotti({} as ServiceContext, {} as PlanVersion, named)).rejects.toThrow();
  });
});
