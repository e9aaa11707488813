import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Incident } from '@reliability-suite/backstage-plugin-reliability-common';
import { useReliabilityApi } from '../shared/useReliabilityApi';

const DAY_MS = 86_400_000;
/** The trend spans this many weeks (about 90 days); its incidents are read in pages of 100. */
export const TREND_WEEKS = 13;
const TREND_DAYS = TREND_WEEKS * 7;
const PAGE = 100;
// A service with more incidents than this in 13 weeks has a bigger problem than its chart.
const MAX_TREND_PAGES = 10;

/**
 * The entity's open incidents, its metrics over the trend's window and all time, and the
 * incidents the trend is drawn from (`truncated` if there were more than it reads).
 */
export function useEntityIncidentOverview(refresh: number) {
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  return useReliabilityApi(
    async api => {
      const now = new Date();
      const from = new Date(now.getTime() - TREND_DAYS * DAY_MS).toISOString();
      const [open, metrics, allTime] = await Promise.all([
        api.listEntityIncidents(ref, { status: 'open', limit: PAGE }),
        api.getEntityIncidentMetrics(ref, { from }),
        api.getEntityIncidentMetrics(ref),
      ]);
      const recent: Incident[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await api.listEntityIncidents(ref, {
          from,
          limit: PAGE,
          cursor,
        });
        recent.push(...page.items);
        cursor = page.cursor ?? undefined;
        pages += 1;
      } while (cursor && pages < MAX_TREND_PAGES);
      return {
        open: open.items,
        metrics,
        allTime,
        recent,
        truncated: Boolean(cursor),
        now,
      };
    },
    [ref.kind, ref.namespace, ref.name, refresh],
  );
}
