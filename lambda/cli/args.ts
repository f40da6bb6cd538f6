import { InvalidArgumentError } from 'commander';
import { UsageError } from './usage.ts';

/** A TCP port, 0 (any free port) to 65535; `where` names the option or variable for the message. */
function parsePort(value: string, where = '--port'): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`${where} must be a port number 0–65535, got "${value}"`);
  return port;
}

/** The same check as an option parser: commander reports it as an invalid option value. */
export function portOption(value: string): number {
  try {
    return parsePort(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^--port must be /, 'must be '));
  }
}

/** --port, else PORT from the environment, else the default. */
export function choosePort(option: number | undefined, env: string | undefined, fallback: number): number {
  if (option !== undefined) return option;
  if (env === undefined || env === '') return fallback;
  return parsePort(env, 'PORT');
}
