/** The shape of a translation: the same keys as the Romanian original, any text as values. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }
