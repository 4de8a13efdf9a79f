/** Dates and file names as the printed documents show them. */
import { dayOfWeek, parseLocalDate } from '../domain/localDate';
import type { ReceiptKind } from './types';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** 'YYYY-MM-DD' → '2026年10月14日（星期三）'; anything else is returned as given. */
export function formatReceiptDate(value: string): string {
  const parts = parseLocalDate(value);
  if (!parts) return value;
  const weekday = WEEKDAYS[dayOfWeek(value)] ?? '';
  return `${parts.year}年${parts.month}月${parts.day}日（${weekday}）`;
}

/** 'YYYY-MM-DD HH:mm' → '2026年9月30日 14:05'; anything else is returned as given. */
export function formatReceiptDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(value.trim());
  const parts = m ? parseLocalDate(m[1] ?? '') : null;
  if (!m || !parts) return value;
  return `${parts.year}年${parts.month}月${parts.day}日 ${m[2] ?? ''}`;
}

/** Characters that file systems (and the bridge's file-name schema) refuse. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/** '受理回执-THL-20260930-0001.pdf' — safe as a suggested file name on Windows and Linux. */
export function receiptFileName(kind: ReceiptKind, trackingNumber: string): string {
  const safe = trackingNumber.trim().replace(UNSAFE_FILE_CHARS, '_') || '未编号';
  return `${kind}-${safe}.pdf`;
}
