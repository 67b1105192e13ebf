/** A worker thread of the batch: checks one file and returns its plain report. */
import { checkFile, type CheckOptions } from './check.js';
import type { FileReport } from './report/types.js';

export default async function checkInWorker({ file, options }: { file: string; options: CheckOptions }): Promise<FileReport> {
  return checkFile(file, options);
}
