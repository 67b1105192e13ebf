/** Every rule, in the order findings of equal rank are listed. Adding a rule: one import here. */
import { rule as unitName } from './meta/unit-name.js';
import { rule as unitCode } from './meta/unit-code.js';
import { rule as year } from './meta/year.js';
import { rule as amountUnit } from './meta/amount-unit.js';
import { rule as missingTable } from './structure/missing-table.js';
import { rule as unreadableTable } from './structure/unreadable-table.js';
import { rule as notANumber } from './structure/not-a-number.js';
import { rule as balance } from './table/balance.js';
import { rule as sumOfParts } from './table/sum-of-parts.js';
import { rule as rowIdentity } from './table/row-identity.js';
import { rule as personnelPublic } from './table/personnel-public.js';
import { rule as sangong } from './table/sangong.js';
import { rule as sameFigure } from './cross/same-figure.js';
import { rule as sangongEconomic } from './cross/sangong-economic.js';
import { rule as codeName } from './classification/code-name.js';
import { rule as parentCode } from './classification/parent-code.js';
import { rule as legacyName } from './classification/legacy-name.js';
import { rule as yoy } from './narrative/yoy.js';
import { rule as emptyTable } from './structure/empty-table.js';
import { rule as missingSection } from './structure/missing-section.js';
import { rule as documentKind } from './meta/document-kind.js';
import { rule as operatingCosts } from './narrative/operating-costs.js';
import { rule as procurement } from './narrative/procurement.js';
import { rule as assets } from './narrative/assets.js';
import { rule as performance } from './narrative/performance.js';
import { rule as term } from './narrative/term.js';
import { rule as incompleteSentence } from './narrative/incomplete-sentence.js';
import { rule as tocMismatch } from './structure/toc-mismatch.js';
import { rule as placeholder } from './structure/placeholder.js';
import { rule as deltaBreakdown } from './narrative/delta-breakdown.js';
import { rule as tableFigure } from './narrative/table-figure.js';
import { rule as share } from './narrative/share.js';
import { rule as listSum } from './narrative/list-sum.js';
import { rule as repeatedFigure } from './narrative/repeated-figure.js';
import { rule as explanationStale } from './explanation/stale.js';
import { rule as explanationNotAllowed } from './explanation/not-allowed.js';
import type { Rule } from './types.js';

export const RULES: Rule[] = [
  missingTable,
  tocMismatch,
  emptyTable,
  missingSection,
  placeholder,
  unreadableTable,
  notANumber,
  unitName,
  unitCode,
  year,
  amountUnit,
  documentKind,
  balance,
  sumOfParts,
  rowIdentity,
  personnelPublic,
  sangong,
  sameFigure,
  sangongEconomic,
  codeName,
  parentCode,
  legacyName,
  tableFigure,
  share,
  yoy,
  deltaBreakdown,
  repeatedFigure,
  listSum,
  operatingCosts,
  procurement,
  assets,
  performance,
  incompleteSentence,
  term,
  explanationStale,
  explanationNotAllowed,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
