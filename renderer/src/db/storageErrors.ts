/**
 * Turns IndexedDB failures into one error type with a Chinese message for the clerk.
 *
 * Chromium reports a full disk or exhausted quota as `QuotaExceededError`, but inside a
 * transaction it often surfaces as an `AbortError` whose `inner` (Dexie) or the transaction's
 * `error` carries the real cause. We look through those wrappers so the clerk is told the
 * truth. Messages carry no personal data: only what failed and what to do.
 */

export type StorageProblem = 'quota' | 'disk' | 'closed' | 'constraint' | 'unknown';

export class StorageError extends Error {
  readonly problem: StorageProblem;
  readonly userMessage: string;
  constructor(problem: StorageProblem, userMessage: string, options?: { cause?: unknown }) {
    super(`storage ${problem}`, options);
    this.name = 'StorageError';
    this.problem = problem;
    this.userMessage = userMessage;
  }
}

const MESSAGES: Record<StorageProblem, string> = {
  quota: '存储空间不足，本次保存未完成，没有写入任何内容。请清理电脑磁盘空间后重试，或联系管理员。',
  disk: '写入本机数据库失败（磁盘或数据文件出错），本次保存未完成，没有写入任何内容。请重试；如反复出现请联系管理员并先做备份。',
  closed: '本机数据库已被关闭（可能在另一个窗口升级了版本），本次保存未完成。请刷新页面后重试。',
  constraint: '保存失败：与已有记录重复，本次保存未完成。',
  unknown: '保存失败，本次保存未完成，没有写入任何内容。请重试；如反复出现请联系管理员。',
};

type ErrorLike = { name?: unknown; inner?: unknown; cause?: unknown; error?: unknown };

/** Walks `inner`/`cause`/`error` chains and collects the error names found. */
function errorNames(e: unknown, depth = 0): string[] {
  if (!e || typeof e !== 'object' || depth > 5) return [];
  const err = e as ErrorLike;
  const own = typeof err.name === 'string' ? [err.name] : [];
  return [
    ...own,
    ...errorNames(err.inner, depth + 1),
    ...errorNames(err.cause, depth + 1),
    ...errorNames(err.error, depth + 1),
  ];
}

export function classifyStorageError(e: unknown): StorageProblem {
  const names = errorNames(e);
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('ConstraintError')) return 'constraint';
  if (
    names.includes('DatabaseClosedError') ||
    names.includes('InvalidStateError') ||
    names.includes('VersionChangeError')
  )
    return 'closed';
  if (names.includes('UnknownError') || names.includes('DataError') || names.includes('OpenFailedError')) return 'disk';
  return 'unknown';
}

export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const problem = classifyStorageError(e);
  return new StorageError(problem, MESSAGES[problem], { cause: e });
}

/** Listeners that show storage failures to the user (the app shell subscribes one). */
type Listener = (error: StorageError) => void;
const listeners = new Set<Listener>();

export function onStorageError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportStorageError(error: StorageError): void {
  for (const l of listeners) l(error);
}
