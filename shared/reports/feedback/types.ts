/**
 * The street's 反馈包 (schema: resources/street-feedback.schema.json, version 1): what a street
 * office recorded on one community's escalations — per item the 报到 (time, unit, person) and the
 * 处理反馈 (time, text) — for that community's desk to import into its cases (办件 → 导入街道反馈).
 * One file per community. An item names its escalation by the case's tracking number and the
 * escalation's `raisedAt` (as the weekly package carries them). No resident's name, ID number or
 * phone: the person of a 报到 is the department's, as the community records it.
 * Times are ISO 8601 UTC strings.
 */
export const FEEDBACK_FORMAT = 'duty-desk.street-feedback';
export const FEEDBACK_VERSION = 1;

export type FeedbackCheckIn = { at: string; unit: string; person: string };
export type FeedbackEntry = { at: string; text: string };

export type FeedbackItem = {
  trackingNumber: string;
  raisedAt: string;
  department: string;
  checkIn: FeedbackCheckIn | null;
  feedback: FeedbackEntry[];
};

export type FeedbackContent = {
  street: { name: string };
  community: { code: string; name: string };
  generatedAt: string;
  items: FeedbackItem[];
};

export type FeedbackPackage = {
  format: typeof FEEDBACK_FORMAT;
  version: typeof FEEDBACK_VERSION;
  sha256: string;
  content: FeedbackContent;
};

/** The source named in the community's timeline for what came in a 反馈包. */
export const feedbackSource = (street: string): string => `街道反馈（${street}）`;
