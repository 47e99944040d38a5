// Application.cs: GET /application/logs (notes §15). More application routes come later.

import type { Router } from '../../../http/router';
import { ok } from '../../../wire/envelope';
import { hashtable } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import type { ApiContext } from '../api-context';

export function registerApplicationRoutes(router: Router, context: ApiContext): void {
  /**
   * The last `lineCount` lines of NINA's log, newest first. `level` is an exact, case-sensitive
   * match on the `|LEVEL|` column, not a minimum level as the spec says.
   */
  router.get(
    '/application/logs',
    { lineCount: queryField.int32({ required: true }), level: queryField.string() },
    ({ lineCount, level }) => {
      const matching = context.rig.log.all().filter((entry) => level === null || entry.level === level);
      const newestFirst = lineCount > 0 ? matching.slice(-lineCount).reverse() : [];
      return ok(
        newestFirst.map((entry) =>
          hashtable({
            Timestamp: entry.timestamp,
            Level: entry.level,
            Source: entry.source,
            Member: entry.member,
            Line: String(entry.line),
            Message: entry.message,
          }),
        ),
      );
    },
  );
}
