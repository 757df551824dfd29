import { Arg, type ClassType } from 'type-graphql';

/**
 * A mutation's `input` argument, checked by its class's validators (inputs/) before the resolver runs: the argument
 * of every create and update. Where the service checks the input itself (a sheet batch, a plan document), the
 * resolver says so with its own `validate: false`.
 */
export const ValidInput = (type: ClassType<object>) => Arg('input', () => type, { validate: true });
