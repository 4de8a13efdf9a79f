/** The street's 汇总 workbook, built off the UI thread (exceljs loads here, never in the page's first JS). */
import { answerJobs } from '../../../components/workerJob';
import { streetWorkbook } from './summaryWorkbook';

answerJobs(streetWorkbook);
