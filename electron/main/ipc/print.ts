/**
 * IPC for printing: print:html (printer, silent or with the system dialog) and print:pdf
 * (render to PDF, then save where the user chooses).
 */
import type { PrintingService } from '../services/printing';
import type { IpcRegistry } from './registry';

export function registerPrintHandlers(registry: IpcRegistry, printing: PrintingService): void {
  registry.handle('print:html', (request) => printing.printHtml(request));
  registry.handle('print:pdf', (request) => printing.printToPdf(request));
}
