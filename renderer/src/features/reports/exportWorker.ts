/**
 * The export worker: builds the xlsx / CSV / JSON off the UI thread, so the desk stays
 * responsive while a year's ledger is written. One job per worker; the page terminates it.
 */
import { answerJobs } from '../../components/workerJob';
import { buildExport } from './buildExport';

answerJobs(buildExport);
