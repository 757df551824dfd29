import { Migration } from '@mikro-orm/migrations';

/**
 * The plan of the deletions recorded before audit events had one (Migration20261122061944 added the column without
 * filling it): a delta read now finds a plan's deleted rows by the plan-and-time index, not by every event of the
 * organisation, so the plan must be on every node deletion, as recordChange has written it since.
 */
export class Migration20261207020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update \`audit_event\` set \`plan_id\` = json_extract(\`before\`, '$.plan') where \`plan_id\` is null and \`action\` = 'delete' and \`entity_type\` in ('Perspective', 'StrategicObjective', 'OperationalObjective', 'Indicator') and json_valid(\`before\`) and json_type(\`before\`, '$.plan') = 'text';`);
  }

  override async down(): Promise<void> {
    // the filled plans are true of their rows: leaving them is what the earlier schema can hold
  }

}
