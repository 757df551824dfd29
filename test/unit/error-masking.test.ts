import { GraphQLError } from 'graphql';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ArgumentValidationError } from 'type-graphql';
import { formatError } from '../../server/graphql/errors';
import { ConflictError, InputError } from '../../server/errors';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['createX'] });

describe('formatError', () => {
  it('masks unexpected errors: no message, no stack, logged on the server', () => {
    const logged: unknown[] = [];
    const secret = new Error(
      'SQLITE_CONSTRAINT: insert into "indicator" values (…) /work/main/server/services/crud.ts:120',
    );
    const formatted = formatError(
      {
        message: secret.message,
        path: ['createX'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      wrap(secret),
      (e) => logged.push(e),
    );
    expect(formatted).toEqual({
      message: 'Errore interno del server / Internal server error',
      path: ['createX'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        messageIt: 'Errore interno del server',
        messageEn: 'Internal server error',
      },
    });
    expect(logged).toEqual([secret]);
  });

  it.each([
    ['a version check lost to another writer', OptimisticLockError.lockFailed('Indicator')],
    [
      'a unique index hit by two first inserts',
      new UniqueConstraintViolationException(
        new Error('duplicate key value violates unique constraint "m_unique" (…)'),
      ),
    ],
  ])('answers %s as CONFLICT, without the database text, and logs it', (_what, original) => {
    const logged: unknown[] = [];
    const formatted = formatError({ message: original.message, path: ['updateX'] }, wrap(original), (e) =>
      logged.push(e),
    );
    const en =
      'This row was changed, or one with the same key created, by someone else meanwhile: read it again and retry';
    const it =
      'Questa riga è stata modificata, o ne è stata creata una con la stessa chiave, da un altro utente nel frattempo: rileggerla e riprovare';
    expect(formatted).toEqual({
      message: `${it} / ${en}`,
      path: ['updateX'],
      extensions: { code: 'CONFLICT', reason: 'CONCURRENT_CHANGE', messageIt: it, messageEn: en },
    });
    expect(logged).toEqual([original]);
  });

  it('lets domain errors through with their code and details', () => {
    const formatted = formatError(
      { message: 'x' },
      wrap(InputError.of('weight', 'WEIGHT_NEGATIVE', 'must not be negative')),
      () => undefined,
    );
    expect(formatted.message).toBe(
      'Dati non validi: weight: non può essere negativo / Invalid input: weight: must not be negative',
    );
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      messageIt: 'Dati non validi: weight: non può essere negativo',
      messageEn: 'Invalid input: weight: must not be negative',
      problems: [
        {
          field: 'weight',
          code: 'WEIGHT_NEGATIVE',
          message: 'must not be negative',
          messageIt: 'non può essere negativo',
        },
      ],
    });
    const conflict = formatError({ message: 'x' }, wrap(new ConflictError('Measurement', 'm1', 1, 3)), () => undefined);
    expect(conflict.extensions).toEqual({
      code: 'CONFLICT',
      messageIt:
        'valore rilevato "m1": modificato da un altro utente nel frattempo (versione inviata 1, attuale 3): rileggere e riprovare',
      messageEn: 'Measurement "m1" was changed by someone else: you sent version 1, the current version is 3',
      entity: 'Measurement',
      id: 'm1',
      expectedVersion: 1,
      currentVersion: 3,
    });
  });

  it('turns class-validator errors into field problems without the submitted object or value', () => {
    const error = new ArgumentValidationError([
      {
        property: 'name',
        value: 'SECRET',
        target: { name: 'SECRET', code: 'X' },
        constraints: { isLength: 'name must be longer than or equal to 1 characters' },
      },
    ]);
    const formatted = formatError({ message: 'Argument Validation Error' }, wrap(error), () => undefined);
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      messageIt: 'Dati non validi: name: lunghezza non valida',
      messageEn: 'Invalid input: name: name must be longer than or equal to 1 characters',
      problems: [
        {
          field: 'name',
          code: 'isLength',
          message: 'name must be longer than or equal to 1 characters',
          messageIt: 'lunghezza non valida',
        },
      ],
    });
    expect(JSON.stringify(formatted)).not.toContain('SECRET');
  });
});
