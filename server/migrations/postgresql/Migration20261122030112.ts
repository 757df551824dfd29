import { Migration } from '@mikro-orm/migrations';

export class Migration20261122030112 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organisation" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(300) not null, "code" varchar(50) not null, constraint "organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisation" add constraint "organisation_code_unique" unique ("code");`);

    this.addSql(`create table "audit_event" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) null, "entity_type" varchar(50) not null, "entity_id" varchar(36) not null, "action" text check ("action" in ('create', 'update', 'delete')) not null, "actor" varchar(200) null, "source" text check ("source" in ('graphql', 'addin', 'import', 'system')) not null default 'graphql', "source_detail" varchar(300) null, "at" timestamptz not null, "before" jsonb null, "after" jsonb null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);

    this.addSql(`create table "person" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "full_name" varchar(200) not null, "email" varchar(320) null, constraint "person_pkey" primary key ("id"));`);

    this.addSql(`create table "org_unit" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "name" varchar(300) not null, "code" varchar(50) null, "type" text check ("type" in ('area', 'servizio', 'ufficio', 'uo', 'staff', 'working_group', 'special_agency')) not null, "parent_id" varchar(36) null, "head_id" varchar(36) null, constraint "org_unit_pkey" primary key ("id"));`);

    this.addSql(`create table "manager_role" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "person_id" varchar(36) not null, "role" text check ("role" in ('sg', 'dirigente', 'conservatore', 'po', 'responsabile', 'consultant')) not null, "unit_id" varchar(36) null, "valid_from" varchar(10) null, "valid_to" varchar(10) null, constraint "manager_role_pkey" primary key ("id"));`);

    this.addSql(`create table "plan_cycle" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "name" varchar(200) not null, "first_year" int not null, "years" jsonb not null, constraint "plan_cycle_pkey" primary key ("id"));`);

    this.addSql(`create table "fund_parameter" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "cycle_id" varchar(36) not null, "fund" text check ("fund" in ('dirigenti', 'dipendenti')) not null, "unit_value" double precision not null, "note" text null, constraint "fund_parameter_pkey" primary key ("id"));`);
    this.addSql(`alter table "fund_parameter" add constraint "fund_parameter_cycle_id_fund_unique" unique ("cycle_id", "fund");`);

    this.addSql(`create table "scoring_profile" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "name" varchar(100) not null, "profile_version" int not null, "status" text check ("status" in ('draft', 'frozen')) not null default 'draft', "parameters" jsonb not null, "frozen_at" timestamptz null, constraint "scoring_profile_pkey" primary key ("id"));`);
    this.addSql(`alter table "scoring_profile" add constraint "scoring_profile_org_id_name_profile_version_unique" unique ("org_id", "name", "profile_version");`);

    this.addSql(`create table "plan_version" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "cycle_id" varchar(36) not null, "revision" int not null, "label" varchar(200) not null, "adopting_act" varchar(300) null, "act_date" varchar(10) null, "status" text check ("status" in ('draft', 'approved', 'superseded', 'closed')) not null default 'draft', "scoring_profile_id" varchar(36) null, "previous_version_id" varchar(36) null, "approved_at" timestamptz null, "approved_by_id" varchar(36) null, constraint "plan_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_cycle_id_revision_unique" unique ("cycle_id", "revision");`);

    this.addSql(`create table "project" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "name" text not null, "responsible_id" varchar(36) null, constraint "project_pkey" primary key ("id"));`);

    this.addSql(`create table "activity" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "project_id" varchar(36) not null, "name" text not null, "responsible_id" varchar(36) null, "weight" double precision null, "rule" text check ("rule" in ('ratio', 'inverse', 'deadline', 'boolean', 'bands', 'manual', 'project', 'monitoring')) null, "target" jsonb null, "actual" jsonb null, "position" int not null default 0, constraint "activity_pkey" primary key ("id"));`);

    this.addSql(`create table "perspective" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "code" varchar(50) null, "name" varchar(500) not null, constraint "perspective_pkey" primary key ("id"));`);

    this.addSql(`create table "dashboard" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "kind" text check ("kind" in ('strategic', 'service', 'sg', 'dirigente', 'individual')) not null, "name" varchar(300) not null, "owner_unit_id" varchar(36) null, "owner_person_id" varchar(36) null, "year" int null, constraint "dashboard_pkey" primary key ("id"));`);

    this.addSql(`create table "strategic_objective" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "perspective_id" varchar(36) not null, "code" varchar(50) not null, "title" text not null, "description" text null, "kpi" text null, "mission_code" varchar(10) null, "strategic_area" varchar(300) null, "pass_mark" double precision null, "own_share" double precision null, "relevance" text check ("relevance" in ('high', 'medium', 'low')) null, "previous_id" varchar(36) null, constraint "strategic_objective_pkey" primary key ("id"));`);

    this.addSql(`create table "operational_objective" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "strategic_objective_id" varchar(36) null, "code" varchar(50) not null, "title" text not null, "description" text null, "kpi" text null, "weight" double precision null, "contributes" boolean not null default true, "expected_benefit" text null, "planned_actions" text null, "effort" varchar(300) null, "relevance" text check ("relevance" in ('high', 'medium', 'low')) null, "purpose_class" text check ("purpose_class" in ('a', 'b', 'c')) null, "budget_lines" jsonb not null, "evidence" jsonb not null, "is_new" boolean not null default false, "previous_id" varchar(36) null, constraint "operational_objective_pkey" primary key ("id"));`);

    this.addSql(`create table "operational_objective_responsible_units" ("operational_objective_id" varchar(36) not null, "org_unit_id" varchar(36) not null, constraint "operational_objective_responsible_units_pkey" primary key ("operational_objective_id", "org_unit_id"));`);

    this.addSql(`create table "operational_objective_responsible_persons" ("operational_objective_id" varchar(36) not null, "person_id" varchar(36) not null, constraint "operational_objective_responsible_persons_pkey" primary key ("operational_objective_id", "person_id"));`);

    this.addSql(`create table "manager_assignment" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "manager_id" varchar(36) not null, "joint_group" varchar(200) null, "strategic_objective_id" varchar(36) null, "operational_objective_id" varchar(36) null, "weight" double precision not null, "valid_from" varchar(10) null, "valid_to" varchar(10) null, constraint "manager_assignment_pkey" primary key ("id"));`);

    this.addSql(`create table "indicator" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "strategic_objective_id" varchar(36) null, "operational_objective_id" varchar(36) null, "code" varchar(50) not null, "title" text not null, "action_label" text null, "formula" text null, "numerator" text null, "denominator" text null, "unit" varchar(50) null, "value_kind" text check ("value_kind" in ('number', 'percent', 'currency', 'days', 'date', 'boolean', 'text')) not null default 'number', "polarity" text check ("polarity" in ('higher', 'lower', 'deadline', 'boolean')) not null default 'higher', "polarity_confirmed" boolean not null default false, "polarity_evidence" text null, "rule" text check ("rule" in ('ratio', 'inverse', 'deadline', 'boolean', 'bands', 'manual', 'project', 'monitoring')) null, "rule_params" jsonb null, "weight" double precision null, "monitoring" boolean not null default false, "data_source" varchar(300) null, "categories" jsonb not null, "status" text check ("status" in ('active', 'replaced')) not null default 'active', "replaced_by_id" varchar(36) null, "replaced_on" varchar(10) null, "replacement_reason" text null, "project_id" varchar(36) null, "previous_id" varchar(36) null, constraint "indicator_pkey" primary key ("id"));`);

    this.addSql(`create table "measurement" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "indicator_id" varchar(36) not null, "year" int not null, "checkpoint" text check ("checkpoint" in ('30/6', '31/12')) not null default '31/12', "value" jsonb null, "not_completed" boolean not null default false, "neutralised" boolean not null default false, "neutralisation_reason" text null, "manual_score" double precision null, "manual_justification" text null, "evidence" text null, "note" text null, "author" varchar(200) null, "recorded_at" timestamptz not null, constraint "measurement_pkey" primary key ("id"));`);
    this.addSql(`alter table "measurement" add constraint "measurement_indicator_id_year_checkpoint_unique" unique ("indicator_id", "year", "checkpoint");`);

    this.addSql(`create table "indicator_responsible_units" ("indicator_id" varchar(36) not null, "org_unit_id" varchar(36) not null, constraint "indicator_responsible_units_pkey" primary key ("indicator_id", "org_unit_id"));`);

    this.addSql(`create table "baseline" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "indicator_id" varchar(36) not null, "year" int not null, "target" jsonb null, "actual" jsonb null, "note" text null, constraint "baseline_pkey" primary key ("id"));`);
    this.addSql(`alter table "baseline" add constraint "baseline_indicator_id_year_unique" unique ("indicator_id", "year");`);

    this.addSql(`create table "dashboard_entry" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "dashboard_id" varchar(36) not null, "indicator_id" varchar(36) not null, "strategic_objective_id" varchar(36) null, "operational_objective_id" varchar(36) null, "weight" double precision null, "level" text check ("level" in ('strategic', 'operational')) not null default 'strategic', "action_label" text null, "data_source" varchar(300) null, constraint "dashboard_entry_pkey" primary key ("id"));`);

    this.addSql(`create table "target" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "indicator_id" varchar(36) not null, "year" int not null, "checkpoint" text check ("checkpoint" in ('30/6', '31/12')) not null default '31/12', "mode" text check ("mode" in ('scored', 'monitoring')) not null default 'scored', "polarity" text check ("polarity" in ('higher', 'lower', 'deadline', 'boolean')) null, "rule" text check ("rule" in ('ratio', 'inverse', 'deadline', 'boolean', 'bands', 'manual', 'project', 'monitoring')) null, "thresholds" jsonb not null, constraint "target_pkey" primary key ("id"));`);
    this.addSql(`alter table "target" add constraint "target_indicator_id_year_checkpoint_unique" unique ("indicator_id", "year", "checkpoint");`);

    this.addSql(`create table "target_revision" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "target_id" varchar(36) not null, "seq" int not null, "kind" text check ("kind" in ('original', 'revised')) not null, "value" jsonb not null, "approved" boolean not null default true, "adopting_act" varchar(300) null, "act_date" varchar(10) null, "note" text null, "author_id" varchar(36) null, constraint "target_revision_pkey" primary key ("id"));`);
    this.addSql(`alter table "target_revision" add constraint "target_revision_target_id_seq_unique" unique ("target_id", "seq");`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person" add constraint "person_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "org_unit" add constraint "org_unit_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_head_id_foreign" foreign key ("head_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "manager_role" add constraint "manager_role_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "manager_role" add constraint "manager_role_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "manager_role" add constraint "manager_role_unit_id_foreign" foreign key ("unit_id") references "org_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "plan_cycle" add constraint "plan_cycle_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "fund_parameter" add constraint "fund_parameter_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "fund_parameter" add constraint "fund_parameter_cycle_id_foreign" foreign key ("cycle_id") references "plan_cycle" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "scoring_profile" add constraint "scoring_profile_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "plan_version" add constraint "plan_version_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_cycle_id_foreign" foreign key ("cycle_id") references "plan_cycle" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_scoring_profile_id_foreign" foreign key ("scoring_profile_id") references "scoring_profile" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_previous_version_id_foreign" foreign key ("previous_version_id") references "plan_version" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_approved_by_id_foreign" foreign key ("approved_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project" add constraint "project_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project" add constraint "project_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project" add constraint "project_responsible_id_foreign" foreign key ("responsible_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "activity" add constraint "activity_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_responsible_id_foreign" foreign key ("responsible_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "perspective" add constraint "perspective_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "perspective" add constraint "perspective_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "dashboard" add constraint "dashboard_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dashboard" add constraint "dashboard_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dashboard" add constraint "dashboard_owner_unit_id_foreign" foreign key ("owner_unit_id") references "org_unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "dashboard" add constraint "dashboard_owner_person_id_foreign" foreign key ("owner_person_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "strategic_objective" add constraint "strategic_objective_perspective_id_foreign" foreign key ("perspective_id") references "perspective" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "operational_objective" add constraint "operational_objective_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "operational_objective" add constraint "operational_objective_strategic_objective_id_foreign" foreign key ("strategic_objective_id") references "strategic_objective" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "operational_objective_responsible_units" add constraint "operational_objective_responsible_units_operatio_fcfdb_foreign" foreign key ("operational_objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "operational_objective_responsible_units" add constraint "operational_objective_responsible_units_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "operational_objective_responsible_persons" add constraint "operational_objective_responsible_persons_operat_47319_foreign" foreign key ("operational_objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "operational_objective_responsible_persons" add constraint "operational_objective_responsible_persons_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "manager_assignment" add constraint "manager_assignment_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "manager_assignment" add constraint "manager_assignment_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "manager_assignment" add constraint "manager_assignment_manager_id_foreign" foreign key ("manager_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "manager_assignment" add constraint "manager_assignment_strategic_objective_id_foreign" foreign key ("strategic_objective_id") references "strategic_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "manager_assignment" add constraint "manager_assignment_operational_objective_id_foreign" foreign key ("operational_objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "indicator" add constraint "indicator_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator" add constraint "indicator_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator" add constraint "indicator_strategic_objective_id_foreign" foreign key ("strategic_objective_id") references "strategic_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator" add constraint "indicator_operational_objective_id_foreign" foreign key ("operational_objective_id") references "operational_objective" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator" add constraint "indicator_replaced_by_id_foreign" foreign key ("replaced_by_id") references "indicator" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "indicator" add constraint "indicator_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "measurement" add constraint "measurement_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "measurement" add constraint "measurement_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "measurement" add constraint "measurement_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "indicator_responsible_units" add constraint "indicator_responsible_units_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator_responsible_units" add constraint "indicator_responsible_units_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "baseline" add constraint "baseline_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "baseline" add constraint "baseline_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "dashboard_entry" add constraint "dashboard_entry_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dashboard_entry" add constraint "dashboard_entry_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dashboard_entry" add constraint "dashboard_entry_dashboard_id_foreign" foreign key ("dashboard_id") references "dashboard" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dashboard_entry" add constraint "dashboard_entry_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dashboard_entry" add constraint "dashboard_entry_strategic_objective_id_foreign" foreign key ("strategic_objective_id") references "strategic_objective" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "dashboard_entry" add constraint "dashboard_entry_operational_objective_id_foreign" foreign key ("operational_objective_id") references "operational_objective" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "target" add constraint "target_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "target" add constraint "target_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "target" add constraint "target_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "target_revision" add constraint "target_revision_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "target_revision" add constraint "target_revision_target_id_foreign" foreign key ("target_id") references "target" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "target_revision" add constraint "target_revision_author_id_foreign" foreign key ("author_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_event" drop constraint "audit_event_org_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_org_id_foreign";`);

    this.addSql(`alter table "org_unit" drop constraint "org_unit_org_id_foreign";`);

    this.addSql(`alter table "manager_role" drop constraint "manager_role_org_id_foreign";`);

    this.addSql(`alter table "plan_cycle" drop constraint "plan_cycle_org_id_foreign";`);

    this.addSql(`alter table "fund_parameter" drop constraint "fund_parameter_org_id_foreign";`);

    this.addSql(`alter table "scoring_profile" drop constraint "scoring_profile_org_id_foreign";`);

    this.addSql(`alter table "plan_version" drop constraint "plan_version_org_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_org_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_org_id_foreign";`);

    this.addSql(`alter table "perspective" drop constraint "perspective_org_id_foreign";`);

    this.addSql(`alter table "dashboard" drop constraint "dashboard_org_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_org_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_org_id_foreign";`);

    this.addSql(`alter table "manager_assignment" drop constraint "manager_assignment_org_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_org_id_foreign";`);

    this.addSql(`alter table "measurement" drop constraint "measurement_org_id_foreign";`);

    this.addSql(`alter table "baseline" drop constraint "baseline_org_id_foreign";`);

    this.addSql(`alter table "dashboard_entry" drop constraint "dashboard_entry_org_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_org_id_foreign";`);

    this.addSql(`alter table "target_revision" drop constraint "target_revision_org_id_foreign";`);

    this.addSql(`alter table "org_unit" drop constraint "org_unit_head_id_foreign";`);

    this.addSql(`alter table "manager_role" drop constraint "manager_role_person_id_foreign";`);

    this.addSql(`alter table "plan_version" drop constraint "plan_version_approved_by_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_responsible_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_responsible_id_foreign";`);

    this.addSql(`alter table "dashboard" drop constraint "dashboard_owner_person_id_foreign";`);

    this.addSql(`alter table "operational_objective_responsible_persons" drop constraint "operational_objective_responsible_persons_person_id_foreign";`);

    this.addSql(`alter table "manager_assignment" drop constraint "manager_assignment_manager_id_foreign";`);

    this.addSql(`alter table "target_revision" drop constraint "target_revision_author_id_foreign";`);

    this.addSql(`alter table "org_unit" drop constraint "org_unit_parent_id_foreign";`);

    this.addSql(`alter table "manager_role" drop constraint "manager_role_unit_id_foreign";`);

    this.addSql(`alter table "dashboard" drop constraint "dashboard_owner_unit_id_foreign";`);

    this.addSql(`alter table "operational_objective_responsible_units" drop constraint "operational_objective_responsible_units_org_unit_id_foreign";`);

    this.addSql(`alter table "indicator_responsible_units" drop constraint "indicator_responsible_units_org_unit_id_foreign";`);

    this.addSql(`alter table "fund_parameter" drop constraint "fund_parameter_cycle_id_foreign";`);

    this.addSql(`alter table "plan_version" drop constraint "plan_version_cycle_id_foreign";`);

    this.addSql(`alter table "plan_version" drop constraint "plan_version_scoring_profile_id_foreign";`);

    this.addSql(`alter table "plan_version" drop constraint "plan_version_previous_version_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_plan_id_foreign";`);

    this.addSql(`alter table "perspective" drop constraint "perspective_plan_id_foreign";`);

    this.addSql(`alter table "dashboard" drop constraint "dashboard_plan_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_plan_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_plan_id_foreign";`);

    this.addSql(`alter table "manager_assignment" drop constraint "manager_assignment_plan_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_plan_id_foreign";`);

    this.addSql(`alter table "measurement" drop constraint "measurement_plan_id_foreign";`);

    this.addSql(`alter table "dashboard_entry" drop constraint "dashboard_entry_plan_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_plan_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_project_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_project_id_foreign";`);

    this.addSql(`alter table "strategic_objective" drop constraint "strategic_objective_perspective_id_foreign";`);

    this.addSql(`alter table "dashboard_entry" drop constraint "dashboard_entry_dashboard_id_foreign";`);

    this.addSql(`alter table "operational_objective" drop constraint "operational_objective_strategic_objective_id_foreign";`);

    this.addSql(`alter table "manager_assignment" drop constraint "manager_assignment_strategic_objective_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_strategic_objective_id_foreign";`);

    this.addSql(`alter table "dashboard_entry" drop constraint "dashboard_entry_strategic_objective_id_foreign";`);

    this.addSql(`alter table "operational_objective_responsible_units" drop constraint "operational_objective_responsible_units_operatio_fcfdb_foreign";`);

    this.addSql(`alter table "operational_objective_responsible_persons" drop constraint "operational_objective_responsible_persons_operat_47319_foreign";`);

    this.addSql(`alter table "manager_assignment" drop constraint "manager_assignment_operational_objective_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_operational_objective_id_foreign";`);

    this.addSql(`alter table "dashboard_entry" drop constraint "dashboard_entry_operational_objective_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_replaced_by_id_foreign";`);

    this.addSql(`alter table "measurement" drop constraint "measurement_indicator_id_foreign";`);

    this.addSql(`alter table "indicator_responsible_units" drop constraint "indicator_responsible_units_indicator_id_foreign";`);

    this.addSql(`alter table "baseline" drop constraint "baseline_indicator_id_foreign";`);

    this.addSql(`alter table "dashboard_entry" drop constraint "dashboard_entry_indicator_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_indicator_id_foreign";`);

    this.addSql(`alter table "target_revision" drop constraint "target_revision_target_id_foreign";`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "org_unit" cascade;`);

    this.addSql(`drop table if exists "manager_role" cascade;`);

    this.addSql(`drop table if exists "plan_cycle" cascade;`);

    this.addSql(`drop table if exists "fund_parameter" cascade;`);

    this.addSql(`drop table if exists "scoring_profile" cascade;`);

    this.addSql(`drop table if exists "plan_version" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "perspective" cascade;`);

    this.addSql(`drop table if exists "dashboard" cascade;`);

    this.addSql(`drop table if exists "strategic_objective" cascade;`);

    this.addSql(`drop table if exists "operational_objective" cascade;`);

    this.addSql(`drop table if exists "operational_objective_responsible_units" cascade;`);

    this.addSql(`drop table if exists "operational_objective_responsible_persons" cascade;`);

    this.addSql(`drop table if exists "manager_assignment" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "measurement" cascade;`);

    this.addSql(`drop table if exists "indicator_responsible_units" cascade;`);

    this.addSql(`drop table if exists "baseline" cascade;`);

    this.addSql(`drop table if exists "dashboard_entry" cascade;`);

    this.addSql(`drop table if exists "target" cascade;`);

    this.addSql(`drop table if exists "target_revision" cascade;`);
  }

}
