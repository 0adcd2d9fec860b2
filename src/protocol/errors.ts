/**
 * The one error type of the protocol library. Every decoder reports malformed, truncated or hostile
 * input with it, and every encoder reports values it cannot represent.
 *
 * @example
 * try { hexToBytes('7f4') } catch (error) { if (error instanceof ProtocolError) console.log(error.offset) } // 2
 */
export class ProtocolError extends Error {
  /** Where in the input the problem is: a byte offset, or a character offset for text input. */
  readonly offset?: number;

  constructor(message: string, offset?: number) {
    super(offset === undefined ? message : `${message} (at offset ${offset})`);
    this.name = 'ProtocolError';
    this.offset = offset;
  }
}
