/**
 * The resident search keys need the pinyin dictionary (pinyin-pro, about 200 KiB), which the
 * start-up screens do not: it is loaded on first need, not with the app. Every write of a
 * resident needs it — `writeTx` waits for it before opening a transaction that writes
 * `residents` (an import inside a transaction would let IndexedDB commit it early), and the
 * derived-field middleware then computes the keys synchronously. The app also loads it in the
 * background once the desk is up.
 */
import type * as PinyinKeysModule from '@shared/domain/pinyinKeys';

type PinyinKeys = typeof PinyinKeysModule;

let loaded: PinyinKeys | null = null;
let loading: Promise<PinyinKeys> | null = null;

/** Loads the key builder once; later calls resolve at once. */
export function ensureSearchKeys(): Promise<PinyinKeys> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('@shared/domain/pinyinKeys').then((m) => (loaded = m));
  return loading;
}

/** The key builder, already loaded (`ensureSearchKeys` first). */
export function searchKeysNow(): PinyinKeys {
  if (!loaded) throw new Error('resident search keys used before ensureSearchKeys()');
  return loaded;
}
