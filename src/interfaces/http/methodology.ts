/** The methodology in force: /methodology and /api/methodology, CSV of the rules. */
import type { Hono } from 'hono';
import { loadMethodology, methodologyPath } from '../../services/assess-country.js';
import { CRITERION_NAMES } from '../../assess/labels.js';
import type { CriterionNumber } from '../../core/types.js';
import { renderMethodology, type MethodologyData } from '../web/pages/reference.js';
import type { Deps, Env } from './context.js';
import { definePage } from './page.js';

export function registerMethodology(router: Hono<Env>, deps: Deps): void {
  definePage<MethodologyData>(router, deps, {
    path: '/methodology',
    cacheKey: null,
    load: async () => {
      const methodology = loadMethodology();
      return { file: methodologyPath().split(/[\\/]/).slice(-2).join('/'), methodology };
    },
    title: (_d, v) => v.t('methodologyTitle'),
    render: renderMethodology,
    tables: {
      rules: (d, lang) => ({
        columns: ['criterion', 'criterion_name', 'rule', 'rating', 'description', 'reads'],
        rows: ([1, 2, 3, 4, 5, 6, 7, 8] as CriterionNumber[]).flatMap((n) =>
          (d.methodology.criteria[n]?.rules ?? []).map((r) => [n, CRITERION_NAMES[n][lang], r.id, r.rating, r.description[lang], r.reads.join(' ')]),
        ),
      }),
    },
  });
}
