import { BigIntType, Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { PlanVersion } from './plan-version';

/**
 * One committed change of a plan, in commit order: `seq` is the plan's change counter (plan_version.change_count)
 * as that transaction's bump left it, and `startedMs` when the transaction began on its instance's clock, no later
 * than any `updatedAt` or audit `at` it wrote (server/services/commit-order.ts). The sheet's delta cursor is a `seq`:
 * "changed after cursor N" is every row its writer stamped at or after the earliest start of the commits above N,
 * whatever the order in which they began. Written only by the change counter, never in the API.
 */
@Entity()
export class PlanCommit {
  [PrimaryKeyProp]?: ['plan', 'seq'];

  @ManyToOne(() => PlanVersion, { primary: true, deleteRule: 'cascade' }) plan!: PlanVersion;

  @PrimaryKey({ type: 'integer', autoincrement: false }) seq!: number;

  /** epoch milliseconds on the writing instance's clock: compared only with times that instance wrote */
  @Property({ type: new BigIntType('number') }) startedMs!: number;
}
