/** Own-property check, so ids like "constructor" never match Object.prototype. */
export const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key)
/** A category or service id: a letter, then letters, digits, "_" and "-". Never `__proto__` or a path. */
export const ID = /^[A-Za-z][\w-]*$/
/** A plain object as JSON has them: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, any> => !!value && typeof value === 'object' && !Array.isArray(value)
