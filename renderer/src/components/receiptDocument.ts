/**
 * A receipt as a printable HTML document: the QR code of its tracking number (qrcode, SVG:
 * sharp on thermal printers) put into the template of shared/receipts.
 */
import QRCode from 'qrcode';
import { renderReceipt } from '@shared/receipts/render';
import type { ReceiptData, ReceiptKind, ReceiptLayout } from '@shared/receipts/types';

export async function receiptDocument(kind: ReceiptKind, data: ReceiptData, layout: ReceiptLayout): Promise<string> {
  const qr = await QRCode.toString(data.trackingNumber, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return renderReceipt(kind, data, layout, qr);
}
