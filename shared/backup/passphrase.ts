/**
 * The backup passphrase rule: a passphrase a person can keep but that nobody guesses. It opens
 * this desk's backups — every resident's data — on any other computer, so it is refused when:
 * - it is short: fewer than 12 characters, unless it is a phrase of four or more words;
 * - it is mostly one pattern: fewer than 5 different characters;
 * - it contains the community's code or name, or the name of one of its 站长/管理员 accounts;
 * - it contains a password people pick first (COMMON_PASSWORDS: 123456789, woaini1314 …).
 *
 * Characters are counted after NFKC (全角 letters and digits become half-width) with the spaces
 * at both ends left out. What a "word" is:
 * - words are separated by spaces or punctuation (half- or full-width: 「春天，花开」);
 * - a run of Latin letters or digits is one word when it has 3 or more characters;
 * - Chinese is written without spaces, and a Chinese word is mostly two characters, so a run of n
 *   Chinese characters counts as ⌊n/2⌋ words (「春天花开满园香气」 is four; 「我爱北京天安门」 three);
 * - the four must differ (「哈哈哈哈哈哈哈哈」 is one word four times).
 * The "contains" checks ignore case, spaces and punctuation (「Woai Ni-1314」 contains woaini1314).
 * The same rule runs in the data layer (db/backup/keys.ts) and at the field (the dialogs).
 */
import { COMMON_PASSWORDS } from './commonPasswords';

export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MIN_WORDS = 4;
const MIN_DISTINCT = 5;

export const PASSPHRASE_MESSAGES = {
  empty: '请输入备份密码',
  short: `备份密码至少 ${PASSPHRASE_MIN_LENGTH} 个字符，或由四个以上的词组成（词之间用空格或标点隔开，如「春天 花开 满园 香气」）`,
  monotone: '备份密码不能只由几个字符重复组成',
  community: '备份密码不能包含社区代码或社区名称',
  adminName: '备份密码不能包含管理员的姓名',
  common: '备份密码包含常见密码（如 123456789、woaini1314），容易被猜到，请换一个',
  mismatch: '两次输入的备份密码不一致',
} as const;

/** What the rule checks a passphrase against (read from the desk's data). */
export type PassphraseContext = {
  communityCode?: string | null;
  communityName?: string | null;
  /** The names of the desk's 站长/管理员 accounts. */
  adminNames?: readonly string[];
};

export type PassphraseProblem = { field: 'passphrase' | 'again'; message: string };

/**
 * The passphrase as it is compared AND as every key is derived from it (seal.ts in the page,
 * backupKeyRing.ts in main): NFKC, no spaces at the ends — the text the rule passed.
 */
export function normalizePassphrase(p: string): string {
  return p.normalize('NFKC').trim();
}

/**
 * The texts a typed passphrase is tried as when a file is opened: the normal form first; then,
 * where it differs, NFKC with the spaces at the ends kept — how keys were derived before issue
 * 23, so a backup made then under a passphrase ending in a space opens when it is typed as then.
 */
export function passphraseForms(p: string): string[] {
  const normal = normalizePassphrase(p);
  const before = p.normalize('NFKC');
  return before === normal ? [normal] : [normal, before];
}

/** For the "contains" checks: lower case, without spaces, punctuation or symbols. */
function squeeze(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The list as it is compared (p@ssw0rd → pssw0rd). */
const COMMON = COMMON_PASSWORDS.map(squeeze);

const HAN = /\p{Script=Han}/u;

/** The words of a phrase, as the rule counts them (see the module comment). */
export function passphraseWords(p: string): string[] {
  const words: string[] = [];
  for (const token of normalizePassphrase(p).split(/[\s\p{P}\p{S}]+/u)) {
    // A token like 「2026年春天」 is a Latin/digit run and a Chinese run.
    for (const run of token.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      const chars = Array.from(run);
      if (HAN.test(run)) for (let i = 0; i + 1 < chars.length; i += 2) words.push(chars[i]! + chars[i + 1]!);
      else if (chars.length >= 3) words.push(run.toLowerCase());
    }
  }
  return words;
}

/** The first thing wrong with a new backup passphrase (and its confirmation), or null. */
export function passphraseProblem(
  input: { passphrase: string; again?: string },
  context: PassphraseContext = {},
): PassphraseProblem | null {
  const at = (message: string): PassphraseProblem => ({ field: 'passphrase', message });
  const p = normalizePassphrase(input.passphrase);
  if (!p) return at(PASSPHRASE_MESSAGES.empty);
  const chars = Array.from(p);
  if (chars.length < PASSPHRASE_MIN_LENGTH && new Set(passphraseWords(p)).size < PASSPHRASE_MIN_WORDS)
    return at(PASSPHRASE_MESSAGES.short);
  const squeezed = squeeze(p);
  if (new Set(Array.from(squeezed)).size < MIN_DISTINCT) return at(PASSPHRASE_MESSAGES.monotone);
  const code = squeeze(context.communityCode ?? '');
  const name = squeeze(context.communityName ?? '');
  // 'NEW' is the placeholder of a desk not set up yet, not a community's code.
  if ((code.length >= 2 && code !== 'new' && squeezed.includes(code)) || (name.length >= 2 && squeezed.includes(name)))
    return at(PASSPHRASE_MESSAGES.community);
  // A community name is often given with its suffix (桃花岭社区): its stem is as guessable.
  const stem = name.replace(/(社区|居委会|村委会|村)$/u, '');
  if (stem.length >= 2 && squeezed.includes(stem)) return at(PASSPHRASE_MESSAGES.community);
  for (const admin of context.adminNames ?? []) {
    const n = squeeze(admin);
    if (n.length >= 2 && squeezed.includes(n)) return at(PASSPHRASE_MESSAGES.adminName);
  }
  if (COMMON.some((c) => squeezed.includes(c))) return at(PASSPHRASE_MESSAGES.common);
  if (input.again !== undefined && normalizePassphrase(input.again) !== p)
    return { field: 'again', message: PASSPHRASE_MESSAGES.mismatch };
  return null;
}

/** The hint under the passphrase field. */
export const PASSPHRASE_HINT =
  '至少 12 个字符，或四个以上的词（如「春天 花开 满园 香气」）；不能包含社区代码、管理员姓名或 123456789 这类常见密码';
