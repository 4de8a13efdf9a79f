/**
 * 打印回执的输入数据（纯类型）。
 *
 * The paper the desk hands to residents: 受理回执, 办结回执, 一次性告知单, 不予受理告知书, each
 * on A4 or an 80 mm thermal roll. The caller assembles `ReceiptData` from the case; the
 * templates in `render.ts` turn it into a self-contained HTML document. Personal data is
 * passed RAW here on purpose: the templates always mask ID and phone numbers themselves, so
 * no caller can forget to.
 */

export type ReceiptKind = '受理回执' | '办结回执' | '一次性告知单' | '不予受理告知书';

export type ReceiptLayout = 'a4' | 'thermal80';

/** One required document: name, form (原件/复印件 or the form to fill), count, where to get it. */
export type ReceiptDocument = { name: string; form?: string; count?: number; source?: string };

export type ReceiptData = {
  /** hoursText e.g. '工作日 08:00–18:00；周末 09:00–12:00'. */
  community: { name: string; phone: string; hoursText: string };
  /** 受理编号, e.g. 'THL-20260930-0001' (also encoded in the QR code). */
  trackingNumber: string;
  matterName: string;
  /** 办理方式: 即办 / 承诺件 / 预约 / 帮代办 / 不予受理. */
  mode: string;
  /** RAW values: the templates always mask idNumber and phone. */
  resident: { name: string; idNumber?: string; phone?: string };
  /** 代办人; the phone is masked too. */
  agent?: { name: string; relation: string; phone?: string; idNumber?: string };
  /** 'YYYY-MM-DD HH:mm' local. */
  acceptedAt: string;
  /** 受理人 (首问责任人). */
  staffName: string;
  documentsReceived: string[];
  /** For 一次性告知单: every missing document with form/count/where to get it. */
  documentsMissing: ReceiptDocument[];
  /** 承诺办结日期 'YYYY-MM-DD'. */
  deadline?: string;
  /** true → the deadline may move (holiday schedule not entered yet). */
  deadlineUncertain?: boolean;
  /** The years whose holidays are not entered, printed by name as the screen shows them. */
  deadlineUncoveredYears?: number[];
  /** 预约 'YYYY-MM-DD HH:mm'. */
  appointmentAt?: string;
  /** 办结结果 text. */
  result?: string;
  /** 不予受理 reason. */
  refusalReason?: string;
  /** Where to go instead (告知路径). */
  redirectTo?: string;
  /** 'YYYY-MM-DD HH:mm'. */
  printedAt: string;
  /** The signed-in staff member who prints (打印：<name> <time>). */
  printedBy: string;
};
