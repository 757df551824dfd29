import type { EntityManager } from '@mikro-orm/core';
import { parseValue } from '@core/values';
import {
  Indicator,
  Measurement,
  OperationalObjective,
  OrgUnit,
  Organisation,
  Perspective,
  PlanCycle,
  PlanVersion,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../../server/entities';
import { Checkpoint, RevisionKind, UnitType } from '@core/vocabulary/enums';
import { SLICE_ROWS } from '../../server/speed/read-slices';
import { type Caller, type startServer, type TestServer, withServerAnd } from './server';
import { thresholdsAt80And60 } from './indicator-cells';

export type PlanShape = { perspectives: number; strategic: number; operational: number; indicators: number };

/** A plan of more indicators than one slice of a sliced read (server/speed/read-slices.ts): 12 operational
 * objectives, each with enough indicators that reading them takes two statements. */
export const SEVERAL_SLICES: PlanShape = {
  perspectives: 1,
  strategic: 2,
  operational: 6,
  indicators: Math.ceil(SLICE_ROWS / 12) + 10,
};

/**
 * What every generated plan hangs from, created (not flushed) in `em`: an organisation coded `code` with one unit
 * (U.O. "Prova"), its 2022-2024 cycle and revision 0 of its plan.
 */
export function planShell(em: EntityManager, code: string): { org: Organisation; unit: OrgUnit; plan: PlanVersion } {
  const org = em.create(Organisation, { name: `Ente ${code}`, code });
  const unit = em.create(OrgUnit, { org, name: 'U.O. "Prova"', type: UnitType.UO });
  const cycle = em.create(PlanCycle, { org, name: '2022-2024', firstYear: 2022, years: [2022, 2023, 2024] });
  const plan = em.create(PlanVersion, { org, cycle, revision: 0, label: `Piano ${code}` });
  return { org, unit, plan };
}

/**
 * Sheet row `n` of bench B1 (bench/sync.ts): a new action under `parentRef` with a target, two thresholds, an actual
 * and a responsible unit, its cells as typed.
 */
export function newActionRow(n: number, parentRef: string) {
  return {
    code: `9.${n}`,
    title: `Azione di prova ${n}`,
    parentRef,
    weight: '10%',
    target: String(100 + (n % 50)),
    thresholds: thresholdsAt80And60(String(80 + (n % 20)), String(60 + (n % 20))),
    actual: String(70 + (n % 60)),
    responsibleUnit: 'U.O. "Prova"',
  };
}

/**
 * A generated plan of the given shape (per parent), with three yearly targets, thresholds, one measurement and one
 * responsible unit per indicator: the same kinds of rows as a real plan, in any quantity.
 */
export async function buildPlan(
  em: EntityManager,
  code: string,
  shape: PlanShape,
): Promise<{ planId: string; indicators: number }> {
  const fork = em.fork();
  let indicators = 0;
  const planId = await fork.transactional(async (tx) => {
    const { org, unit, plan } = planShell(tx, code);
    for (let p = 1; p <= shape.perspectives; p++) {
      const perspective = tx.create(Perspective, { org, plan, name: `Prospettiva ${p}`, position: p });
      for (let s = 1; s <= shape.strategic; s++) {
        const so = tx.create(StrategicObjective, {
          org,
          plan,
          perspective,
          code: `${p}.${s}`,
          title: `OS ${p}.${s}`,
          position: s,
        });
        for (let o = 1; o <= shape.operational; o++) {
          const oo = tx.create(OperationalObjective, {
            org,
            plan,
            strategicObjective: so,
            code: `${p}.${s}.${o}`,
            title: `OO`,
            weight: 100 / shape.operational,
            position: o,
          });
          for (let i = 1; i <= shape.indicators; i++) {
            indicators++;
            const indicator = tx.create(Indicator, {
              org,
              plan,
              operationalObjective: oo,
              code: `${p}.${s}.${o}.${i}`,
              title: 'Azione',
              weight: 100 / shape.indicators,
              position: i,
            });
            indicator.responsibleUnits.add(unit);
            for (const year of [2022, 2023, 2024]) {
              const thresholds =
                year === 2022
                  ? [
                      { value: parseValue('10'), score: 0.8 },
                      { value: parseValue('8'), score: 0.6 },
                    ]
                  : [];
              const target = tx.create(Target, {
                org,
                plan,
                indicator,
                year,
                checkpoint: Checkpoint.YEAR_END,
                thresholds,
              });
              tx.create(TargetRevision, { org, target, seq: 0, kind: RevisionKind.ORIGINAL, value: parseValue('12') });
            }
            tx.create(Measurement, {
              org,
              plan,
              indicator,
              year: 2022,
              checkpoint: Checkpoint.YEAR_END,
              value: parseValue('11'),
            });
          }
        }
      }
    }
    return plan.id;
  });
  return { planId, indicators };
}

/** A generated plan of the given shape on a test server, and a viewer of the organisation that holds it. */
export async function buildPlanWithViewer(
  server: TestServer,
  code: string,
  shape: PlanShape,
): Promise<{ planId: string; indicators: number; viewer: Caller }> {
  const built = await buildPlan(server.orm.em, code, shape);
  const org = (await server.gql(`{ planVersion(id: "${built.planId}") { organisation { id } } }`)).data.planVersion
    .organisation.id;
  return { ...built, viewer: await server.as('viewer', org) };
}

export type PlanWithViewer = { server: TestServer; planId: string; indicators: number; viewer: Caller };

/**
 * A server for the enclosing describe block with a generated plan of `shape` and a viewer of the organisation that
 * holds it (buildPlanWithViewer): made before its first test, closed after its last. Like withSondrioServer, it
 * returns the object its hook fills in: read its fields inside tests and in hooks registered after this call.
 */
export function withPlanAndViewer(
  dialect: 'sqlite' | 'postgresql',
  code: string,
  shape: PlanShape,
  options: Parameters<typeof startServer>[1] = {},
): PlanWithViewer {
  return withServerAnd(dialect, options, (server) => buildPlanWithViewer(server, code, shape));
}
