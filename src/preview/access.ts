import { randomBytes } from 'node:crypto';

/** A token for `--host`: 128 random bits, URL-safe, required in the path of every request. */
export const newToken = () => randomBytes(16).toString('base64url');

/** Thrown when the port is taken; the command says so with exit 2. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`port ${port} on ${host} is already in use (another preview or program?): choose another with --port N`);
  }
}
