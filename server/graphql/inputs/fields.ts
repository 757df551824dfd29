import { ArrayMaxSize, IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsFraction, IsIsoDate, IsWeight, LIMITS, SafeText } from './validation';

/*
 * The kinds of input field that recur across the inputs, each a GraphQL field with its validation under one name,
 * so the same kind of field is declared, and validated, the same way in every input.
 */

type InputFieldDecorator = (target: object, key: string) => void;
/** What a field's type function may return (a scalar, an input type, a registered enum) */
type GraphQLType = ReturnType<NonNullable<Parameters<typeof Field>[0]>>;

function all(...decorators: PropertyDecorator[]): InputFieldDecorator {
  // applied last to first, as stacked decorators are
  return (target, key) => [...decorators].reverse().forEach((decorate) => decorate(target, key));
}

/** A field that may be left out, with no check of its own (ids, enums, booleans) */
export const Optional = (type: GraphQLType, description?: string) =>
  Field(() => type, { nullable: true, description }) as InputFieldDecorator;

/** Text that must not be empty, up to `max` characters */
export const NonEmpty = (max: number) =>
  all(
    Field(() => String),
    Length(1, max),
    SafeText(),
  );

/** A field that may be left out (`IsOptional`: null or absent skips the checks), with the checks for when it is given */
const checked = (type: GraphQLType, ...checks: PropertyDecorator[]) =>
  all(
    Field(() => type, { nullable: true }),
    IsOptional(),
    ...checks,
  );

/** A value as the user typed it ("3,25%", "luglio", "SI"), parsed by the server, which keeps the text */
export const RAW_MAX = 500;
export const OptionalRaw = (description: string) =>
  all(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    MaxLength(RAW_MAX),
  );

/** Text that, when given, must not be empty, up to `max` characters */
export const OptionalNonEmpty = (max: number) => checked(String, Length(1, max), SafeText());

/** Text that may be left out or empty, up to `max` characters */
export const OptionalText = (max: number) => checked(String, MaxLength(max), SafeText());

/** A date written YYYY-MM-DD, or nothing */
export const OptionalIsoDate = () => checked(String, IsIsoDate());

/** A weight in percent points (docs/scoring.md §5.5), or nothing */
export const OptionalWeight = () => checked(Float, IsWeight());

/** A score or share in [0, 1], or nothing */
export const OptionalFraction = () => checked(Float, IsFraction());

/** The display order among siblings, from 0, or nothing */
export const Position = () => checked(Int, Min(0));

/** Ids of other rows (units, people responsible), at most `max` of them, or nothing */
export const OptionalIds = (max: number) => checked([ID], ArrayMaxSize(max));

/** Short texts (budget lines, evidence), at most 100 of them, each up to `max` characters, or nothing */
export const OptionalTexts = (max: number) => checked([String], ArrayMaxSize(100), MaxLength(max, { each: true }));

/** The fields a plan row's create and update inputs share (`StrategicObjectiveFields`…), as a mixin takes them */
// a mixin's base constructor must take any[] (TS2545)
type RowFields = abstract new (...args: any[]) => object;

/** A coded plan row's create input: its fields, and the code and title it cannot be created without */
export function Coded<F extends RowFields>(Fields: F) {
  @InputType()
  abstract class CodedRow extends Fields {
    @NonEmpty(LIMITS.code) code!: string;
    @NonEmpty(LIMITS.text) title!: string;
  }
  return CodedRow;
}

/** A coded plan row's update input: its fields, and a new code or title, which may be left out but not emptied */
export function Recoded<F extends RowFields>(Fields: F) {
  @InputType()
  abstract class RecodedRow extends Fields {
    @OptionalNonEmpty(LIMITS.code) code?: string;
    @OptionalNonEmpty(LIMITS.text) title?: string;
  }
  return RecodedRow;
}
