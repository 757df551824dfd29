import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AuditAction, ChangeSource } from '@core/vocabulary/enums';
import { Optional } from './fields';

@InputType()
export class AuditEventFilter {
  @Optional(ID) organisationId?: string;
  @Field({
    nullable: true,
    description: 'Tipo della riga, es. Indicator, Measurement / Type of the row, e.g. Indicator, Measurement',
  })
  @IsOptional()
  @MaxLength(50)
  entityType?: string;
  @Optional(
    ID,
    'Modifiche alle righe di una versione del piano (albero, target, revisioni, valori, chiusure) / Changes to the rows of one plan version (its tree, targets, revisions, actuals, locks)',
  )
  planId?: string;
  @Optional(ID, 'Storia di una riga / History of one row') entityId?: string;
  @Field({
    nullable: true,
    description:
      'Le modifiche di un invio del foglio (la sua chiave; "undo:" e la chiave per il suo annullamento) / The changes of one sheet batch (its key; "undo:" and the key for its undo)',
  })
  @IsOptional()
  @MaxLength(210)
  batchKey?: string;
  @Optional(AuditAction) action?: AuditAction;
  @Optional(ChangeSource) source?: ChangeSource;
  @Field({
    nullable: true,
    description: 'Modifiche di un utente (il suo nome) / Changes made by one user (their name)',
  })
  @IsOptional()
  @MaxLength(200)
  actor?: string;
  @Optional(Date, 'Modifiche da questo momento in poi / Changes at or after this time') since?: Date;
  @Optional(Date, 'Modifiche prima di questo momento / Changes before this time') until?: Date;
}
