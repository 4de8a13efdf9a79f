/** The body of each receipt kind (a kind without its module does not compile). */
import type { ReceiptData, ReceiptKind, ReceiptLayout } from '../types';
import { acceptanceContent } from './acceptance';
import { completionContent } from './completion';
import { oneTimeNoticeContent } from './oneTimeNotice';
import { refusalContent } from './refusal';

export const KIND_CONTENT = {
  受理回执: acceptanceContent,
  办结回执: completionContent,
  一次性告知单: oneTimeNoticeContent,
  不予受理告知书: refusalContent,
} satisfies Record<ReceiptKind, (data: ReceiptData, layout: ReceiptLayout) => string>;
