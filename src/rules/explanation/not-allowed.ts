import type { Rule } from '../types.js';

/**
 * An explanation (审核说明) written for an error-severity finding. Errors cannot be explained away
 * unless the configuration lowers that rule's severity first. Produced by the report stage
 * (src/explanations.ts); it has nothing to check itself.
 */
export const rule: Rule = {
  id: 'explanation/not-allowed',
  severity: 'error',
  title: { zh: '错误不能以审核说明解除', en: 'Errors cannot be explained away' },
  messages: {
    'not-allowed': { zh: '错误不能用审核说明解除', en: 'An error cannot be explained away' },
  },
  check() {
    return [];
  },
};
