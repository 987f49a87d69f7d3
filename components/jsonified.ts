/**
 * What a value of type T turns into on its way through JSON: a Date (anything with `toJSON`)
 * becomes what `toJSON` returns, arrays and objects are converted member by member. The browser
 * reads the server's own return types through it, so no answer's shape is written down twice.
 */
export type Jsonified<T> = T extends { toJSON(): infer J }
  ? J
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer U)[]
      ? Jsonified<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonified<T[K]> }
        : T;
