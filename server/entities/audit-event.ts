import { Index, OptionalProps, Property } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AuditAction, ChangeSource } from '@core/vocabulary/enums';
import { Node, NodeEntity } from './base';
import { Organisation } from './organisation';
import { OptionalString, RequiredDateTime, RequiredEnum, RequiredString } from './columns';
import { OptionalOwner } from './references';

/** Who changed what, when, from where, with the row before and after. Never updated, never deleted. */
@NodeEntity(
  'Una modifica applicata: chi, quando, da dove, prima e dopo / An applied change: who, when, source, before and after',
)
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['planId', 'at'] })
@Index({ properties: ['planId', 'batchKey'] })
export class AuditEvent extends Node {
  declare [OptionalProps]?: 'source' | 'at';

  @OptionalOwner(() => Organisation) org?: Organisation | null;

  @RequiredString(50) entityType!: string;

  @RequiredString(36) entityId!: string;

  @RequiredEnum(AuditAction) action!: AuditAction;

  @OptionalString(200) actor?: string | null;

  @RequiredEnum(ChangeSource) source: ChangeSource = ChangeSource.GRAPHQL;

  @OptionalString(300, 'es. cartella e foglio per il componente Excel / e.g. workbook and sheet name for the add-in')
  sourceDetail?: string | null;

  @RequiredDateTime() at: Date = new Date();

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;

  /** the plan version the changed row belongs to, when it belongs to one: the trail is queried by plan (last: added by a later migration) */
  @OptionalString(36) planId?: string | null;

  /**
   * The sheet batch that made the change (its key), or `undo:` and the key for the change that undid it: what
   * `undoSyncBatch` reverts (last: added by a later migration)
   */
  @OptionalString(
    210,
    'Chiave del lotto del foglio che ha fatto la modifica; "undo:" e la chiave per il suo annullamento / Key of the sheet batch that made the change; "undo:" and the key for its undo',
  )
  batchKey?: string | null;
}
