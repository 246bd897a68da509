/** The part of pako (1.0) the streaming zip reader uses; the package ships no types of its own. */
declare module 'pako' {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    err: number;
    ended: boolean;
  }
}
