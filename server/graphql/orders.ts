import type { FilterQuery } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { AuditEvent } from '../entities/audit-event';
import { Indicator } from '../entities/indicator';
import { Measurement } from '../entities/measurement';
import { byCode } from '../services/code-order';
import type { Connection } from './connection';
import type { Context } from './context';
import { byWords, memoryOrderedPage, orderInput, sqlOrderedPage } from './orderings';
import { OrderDirection, type PageArgs, type SortKey, sqlPage } from './paging';

/** How a connection may be ordered, and how its page is read (server/graphql/paging.ts). */
export type Paging<E extends object> = {
  orderInput: new () => object;
  page(ctx: Context, where: FilterQuery<E>, orderBy: object | null, page: PageArgs): Promise<Connection<E>>;
};

const plain = (a: unknown, b: unknown) =>
  String(a ?? '') < String(b ?? '') ? -1 : String(a ?? '') > String(b ?? '') ? 1 : 0;

export enum IndicatorOrderField {
  CODE = 'code',
  TITLE = 'title',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(IndicatorOrderField, {
  name: 'IndicatorOrderField',
  description:
    'CODE: ordine dei codici come nel piano ("1.2" prima di "1.10") / code order as the plan prints it; TITLE; CREATED_AT; UPDATED_AT',
});

const INDICATOR_DEFAULT = { field: IndicatorOrderField.CODE, direction: OrderDirection.ASC };
export const IndicatorOrder = orderInput(
  'IndicatorOrder',
  IndicatorOrderField,
  INDICATOR_DEFAULT,
  'Ordine degli indicatori / Order of indicators (default: CODE, ASC)',
);
export type IndicatorOrder = InstanceType<typeof IndicatorOrder>;

const INDICATOR_KEYS: Record<IndicatorOrderField, SortKey> = {
  [IndicatorOrderField.CODE]: { property: 'code', compare: (a, b) => byCode(a as string, b as string) },
  [IndicatorOrderField.TITLE]: { property: 'title', compare: byWords },
  [IndicatorOrderField.CREATED_AT]: { property: 'createdAt', compare: plain },
  [IndicatorOrderField.UPDATED_AT]: { property: 'updatedAt', compare: plain },
};

export const INDICATOR_PAGING: Paging<Indicator> = {
  orderInput: IndicatorOrder,
  page: memoryOrderedPage(Indicator, INDICATOR_KEYS, INDICATOR_DEFAULT),
};

export enum MeasurementOrderField {
  PERIOD = 'period',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(MeasurementOrderField, {
  name: 'MeasurementOrderField',
  description: 'PERIOD: anno e scadenza (30/6 prima di 31/12) / year, then checkpoint; CREATED_AT; UPDATED_AT',
});

const MEASUREMENT_DEFAULT = { field: MeasurementOrderField.PERIOD, direction: OrderDirection.ASC };
export const MeasurementOrder = orderInput(
  'MeasurementOrder',
  MeasurementOrderField,
  MEASUREMENT_DEFAULT,
  'Ordine dei valori rilevati / Order of measurements (default: PERIOD, ASC)',
);
export type MeasurementOrder = InstanceType<typeof MeasurementOrder>;

export const MEASUREMENT_PAGING: Paging<Measurement> = {
  orderInput: MeasurementOrder,
  page: sqlOrderedPage(
    Measurement,
    {
      // '30/6' < '31/12' as text too, so the period orders in SQL
      [MeasurementOrderField.PERIOD]: ['year', 'checkpoint'],
      [MeasurementOrderField.CREATED_AT]: ['createdAt'],
      [MeasurementOrderField.UPDATED_AT]: ['updatedAt'],
    },
    MEASUREMENT_DEFAULT,
  ),
};

export enum AuditEventOrderField {
  AT = 'at',
}
registerEnumType(AuditEventOrderField, { name: 'AuditEventOrderField', description: 'AT: quando / when it happened' });

export const AuditEventOrder = orderInput(
  'AuditEventOrder',
  AuditEventOrderField,
  { field: AuditEventOrderField.AT, direction: OrderDirection.DESC },
  'Ordine degli eventi / Order of audit events (default: AT, DESC: newest first)',
);
export type AuditEventOrder = InstanceType<typeof AuditEventOrder>;

export function auditPage(
  ctx: Context,
  where: FilterQuery<AuditEvent>,
  orderBy: AuditEventOrder | null,
  page: PageArgs,
): Promise<Connection<AuditEvent>> {
  const d = orderBy?.direction ?? OrderDirection.DESC;
  return sqlPage(ctx.em, AuditEvent, where, { at: d, id: d }, page);
}
