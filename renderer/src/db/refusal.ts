/**
 * What the clerk is told when a write does not happen: a rule of the work refused it
 * (`DomainRefusal`, Chinese message, optionally the field it belongs to) or the database did
 * (`StorageError`). `failureMessage` is the one path from an error to that message; anything
 * else is a bug and is left to the error boundary.
 */
import { StorageError } from './storageErrors';

/** A rule of the work refused the action; the message is Chinese and shown at the field. */
export class DomainRefusal extends Error {
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'DomainRefusal';
    this.field = field;
  }
}

export type FailureMessage = { message: string; field?: string };

/** The clerk's message for a refusal or a storage failure; `null` for any other error. */
export function failureMessage(e: unknown): FailureMessage | null {
  if (e instanceof DomainRefusal) return { message: e.message, field: e.field };
  if (e instanceof StorageError) return { message: e.userMessage };
  return null;
}
