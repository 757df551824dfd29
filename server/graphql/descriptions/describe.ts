import {
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { FIELD_WORDS } from './field-words';
import { TYPE_WORDS, VALUE_WORDS } from './value-words';

/** Which entity an input or filter is about, and what it is for: `CreateXInput`, `UpdateXInput`, `XFilter`. */
function typePattern(name: string): string | undefined {
  let m = /^Create(\w+)Input$/.exec(name);
  if (m) return `Dati di un nuovo ${m[1]} / Fields of a new ${m[1]}`;
  m = /^Update(\w+)Input$/.exec(name);
  if (m)
    return `Campi di ${m[1]} da cambiare: gli assenti restano, null svuota / Fields of ${m[1]} to change: those left out stay, null clears`;
  m = /^(\w+)Filter$/.exec(name);
  if (m) return `Filtro di ${m[1]}: tutte le condizioni insieme / Filter of ${m[1]} rows: all conditions together`;
  return undefined;
}

/** A filter's field selects rows: its words say so. */
function fieldWords(typeName: string, name: string): string | undefined {
  const words = FIELD_WORDS[`${typeName}.${name}`] ?? FIELD_WORDS[name];
  if (!words || !typeName.endsWith('Filter') || name === 'ids') return words;
  const [it, en] = words.split(' / ');
  return `Solo le righe con questo valore: ${it} / Only rows with this value: ${en ?? it}`;
}

/**
 * Gives every type, field, argument and enum value the schema leaves undescribed its words from the glossaries
 * (field-words.ts, value-words.ts), so introspection and schema.graphql describe the whole API in Italian and
 * English. A description written at the declaration is kept; test/unit/schema-walk.test.ts fails on anything the
 * glossaries do not cover.
 */
export function describeSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    type.description ??= TYPE_WORDS[type.name] ?? typePattern(type.name) ?? null;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      const fields: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField> = type.getFields();
      for (const field of Object.values(fields)) {
        field.description ??= fieldWords(type.name, field.name) ?? null;
        for (const arg of 'args' in field ? field.args : []) arg.description ??= FIELD_WORDS[arg.name] ?? null;
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        value.description ??= VALUE_WORDS[`${type.name}.${value.name}`] ?? VALUE_WORDS[value.name] ?? null;
    }
  }
  return schema;
}
