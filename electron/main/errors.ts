/**
 * Errors that may cross the IPC boundary. The message is a short code-like English string
 * (e.g. 'invalid-base64') that the renderer can map to a Chinese message; it must never carry
 * personal data, file paths or request content, because it is both logged and sent back.
 */
export class DeskError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.name = 'DeskError';
    this.code = code;
  }
}
