import type { Location } from '../document.js';
import type { Finding } from '../rules/types.js';

export interface TableSummary {
  id: string;
  title: string;
  label?: string;
  at: Location;
}

/** A table as it appears in the source, for formats that draw it (html). Plain data. */
export interface TableView {
  id: string;
  title: string;
  label?: string;
  rows: { text: string; at: Location; colSpan?: number; rowSpan?: number; covered?: boolean }[][];
}

export interface FileReport {
  file: string;
  unit: { name: string | null; code: string | null } | null;
  year: number | null;
  tables: TableSummary[];
  findings: Finding[];
  error: { code: string; message: string } | null;
  /** The tables as found in the source (not part of the JSON contract). */
  views?: TableView[];
  /** Other files read together with this one (a narrative beside a workbook). */
  companions?: string[];
}

export interface Report {
  version: 1;
  tool: { name: 'budget-check'; version: string };
  files: FileReport[];
  summary: { files: number; errors: number; warnings: number; infos: number; explained?: number };
}
