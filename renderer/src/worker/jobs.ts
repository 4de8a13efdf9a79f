/**
 * THE job table of the desk's worker: every kind of heavy read-and-compute the screens hand off
 * the main thread, by name. A job is `(desk, input) => Promise<output>`: it gets a read-only desk
 * built in the worker over its own connection to the database (workerDesk.ts) and reads what it
 * needs itself; its input and output cross threads by postMessage (plain data, kept small). A
 * new kind of job is one more entry here (its function lives with its feature); the client
 * (client.ts) and the worker (deskWorker.ts) need nothing more.
 */
import type { Desk } from '../db/desk';
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';
import { reportFile, reportPaper, reportView } from '../features/reports/reportJobs';
import { streetWorkbook } from '../features/street/summary/summaryWorkbook';

type Job = (desk: Desk, input: never) => Promise<unknown>;

export const JOBS = {
  /** 统计报表: the period's summaries, section rows and desks (watched: live). */
  reportView,
  /** 统计报表: an export file (xlsx, CSV, JSON package). */
  reportFile,
  /** 统计报表: the printed summary's HTML. */
  reportPaper,
  /** 街道汇总: the workbook of the merged view (the view is data, not records; exceljs loads here). */
  streetWorkbook: (_desk: Desk, view: StreetSummaryView) => streetWorkbook(view),
} satisfies Record<string, Job>;

export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = Parameters<(typeof JOBS)[K]>[1];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof JOBS)[K]>>;

export function runJobHere<K extends JobKind>(kind: K, desk: Desk, input: JobInput<K>): Promise<JobOutput<K>> {
  const job = JOBS[kind] as (desk: Desk, input: JobInput<K>) => Promise<JobOutput<K>>;
  return job(desk, input);
}
