import { isIP } from 'node:net';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** Checks a listen (or target) host eagerly, so a typo fails at with*() rather than at start(). */
export function validateHost(where: string, host: string, example = "'127.0.0.1' or '0.0.0.0'"): void {
  if (typeof host !== 'string' || (isIP(host) === 0 && !/^[A-Za-z0-9.-]+$/.test(host))) {
    throw new InvalidOptionError(`${where}: invalid host ${JSON.stringify(host)}; use an address like ${example}`);
  }
}

/** `min` 0 allows "pick a free port"; a target port must be real, so it passes 1. */
export function validatePort(where: string, port: number, min = 0): void {
  if (!Number.isInteger(port) || port < min || port > 65535) {
    throw new InvalidOptionError(`${where}: invalid port ${JSON.stringify(port)}; use ${min}..65535${min === 0 ? ' (0 picks a free port)' : ''}`);
  }
}
