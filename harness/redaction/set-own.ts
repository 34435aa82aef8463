/**
 * `out[key] = value`, except that an own `__proto__` key (JSON.parse makes them) stays a key
 * instead of becoming the prototype. Plain assignment for every other key, because
 * `Object.defineProperty` costs several times more and call records copy every key they hold
 * (it was most of the cost of redacting a TestConnection record).
 */
export function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
