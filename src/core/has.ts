/** Own-property check, so ids like "constructor" never match Object.prototype. */
export const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key)
