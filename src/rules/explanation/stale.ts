import type { Rule } from '../types.js';

/**
 * An entry of the explanations file (审核说明) that no longer matches any finding of a file that
 * was checked: the problem was fixed, or the entry names it wrongly. Produced by the report stage
 * (src/explanations.ts) when an explanations file is in use; it has nothing to check itself.
 */
export const rule: Rule = {
  id: 'explanation/stale',
  severity: 'error',
  title: { zh: '审核说明均对应现有问题', en: 'Every explanation matches a finding' },
  messages: {
    stale: { zh: '审核说明不再对应任何问题', en: 'The explanation matches no finding any more' },
  },
  check() {
    return [];
  },
};
