/**
 * A value outside its declared type, as an untyped caller (JSON, the add-in's plain JavaScript, a hand-edited sheet)
 * may send it: for the tests that prove such input is refused or tolerated, never a crash. The one place tests
 * step outside the type system, so each such input is named as deliberate.
 */
export function untyped<T>(value: unknown): T {
  return value as T;
}
