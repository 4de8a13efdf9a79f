/**
 * Runtime validation for every IPC request, keyed by channel. The main-process wrapper refuses
 * any call whose argument does not parse. Keep limits tight: a renderer bug or a compromised
 * page must not be able to make main write anywhere or allocate without bound.
 */
import { z } from 'zod';
import type { Channel } from './contract';

const MAX_DOCUMENT_CHARS = 5_000_000;

/** A plain file name: no folders, no reserved characters (Windows rules, the strictest). */
const fileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'file name must not contain a path or reserved characters')
  .refine((n) => n !== '.' && n !== '..', 'file name must not be . or ..');

const pageSizeSchema = z.union([
  z.literal('A4'),
  z.object({ widthMm: z.number().min(40).max(420), heightMm: z.number().min(40).max(3000) }).strict(),
]);

export const appSettingsPatchSchema = z
  .object({
    printerName: z.string().max(200).nullable(),
    silentPrint: z.boolean(),
    receiptLayout: z.enum(['a4', 'thermal80']),
    backupDir: z.string().max(1000).nullable(),
  })
  .partial()
  .strict();

export const saveFileRequestSchema = z
  .object({
    suggestedName: fileNameSchema,
    content: z.string().max(MAX_DOCUMENT_CHARS * 2),
    encoding: z.enum(['utf8', 'base64']),
    filters: z
      .array(
        z
          .object({ name: z.string().max(60), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(8) })
          .strict(),
      )
      .max(8)
      .optional(),
  })
  .strict();

export const printHtmlRequestSchema = z
  .object({
    html: z.string().min(1).max(MAX_DOCUMENT_CHARS),
    pageSize: pageSizeSchema,
    /** true: print without a dialog to the configured printer (if one is set). */
    silent: z.boolean().optional(),
  })
  .strict();

export const printPdfRequestSchema = z
  .object({
    html: z.string().min(1).max(MAX_DOCUMENT_CHARS),
    pageSize: pageSizeSchema,
    suggestedName: fileNameSchema,
  })
  .strict();

/** One schema per channel; `z.undefined()` for channels that take no argument. */
export const requestSchemas = {
  'settings:get': z.undefined(),
  'settings:set': appSettingsPatchSchema,
  'file:save': saveFileRequestSchema,
  'print:html': printHtmlRequestSchema,
  'print:pdf': printPdfRequestSchema,
  'app:info': z.undefined(),
} as const satisfies Record<Channel, z.ZodType>;
