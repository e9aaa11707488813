/**
 * Maps runbooks to what they cover: `<runbook title>: <SLO name or alert name>, …`, one runbook
 * per line or separated by `;`. Runbooks themselves are the entity's `metadata.links` of type
 * `runbook`.
 */
export const ANNOTATION_RUNBOOK_FOR = 'reliability.io/runbook-for';

/** The `metadata.links` type that marks a runbook. */
export const RUNBOOK_LINK_TYPE = 'runbook';

export const DRILL_OUTCOMES = ['passed', 'failed', 'partial'] as const;
export type DrillOutcome = (typeof DRILL_OUTCOMES)[number];

/** The longest texts a drill keeps, in characters. */
export const DRILL_TEXT_LIMITS = {
  scenario: 2_000,
  findings: 20_000,
  url: 2_000,
} as const;

/** At most this many participants per drill. */
export const DRILL_PARTICIPANTS_LIMIT = 50;

/** What a drill found of a runbook, as its runbook shows it. */
export type DrillSummary = {
  performedAt: string;
  outcome: DrillOutcome;
  minutesToMitigate: number | null;
};

/** `POST /runbooks/drills`: a game day that exercised one of an entity's runbooks. */
export type DrillInput = {
  entityRef: string;
  runbookUrl: string;
  scenario: string;
  performedAt: string;
  outcome: DrillOutcome;
  minutesToMitigate?: number | null;
  participants: string[];
  findings: string;
};

export type Drill = Omit<DrillInput, 'minutesToMitigate'> & {
  id: number;
  minutesToMitigate: number | null;
  recordedBy: string;
  recordedAt: string;
};

/** `GET /entities/:kind/:namespace/:name/drills?limit=&cursor=`: newest first. */
export type DrillListResponse = { items: Drill[]; cursor: string | null };

/** One runbook of an entity: what it covers and whether a recent drill proved it. */
export type RunbookItem = {
  title: string;
  url: string;
  /** The SLO and alert names the runbook is for (`reliability.io/runbook-for`). */
  covers: string[];
  lastDrill: DrillSummary | null;
  /** The latest drill passed within `reliability.runbooks.drillFreshnessDays`. */
  fresh: boolean;
  /** One sentence: why it is fresh or not. */
  reason: string;
};

/** `GET /entities/:kind/:namespace/:name/runbooks`. */
export type RunbookListResponse = { items: RunbookItem[] };

/**
 * The annotation's runbooks and what each covers, by runbook title; a title is matched to the
 * entity's runbook links case-insensitively.
 */
export function parseRunbookFor(
  annotation: string | undefined,
): Map<string, string[]> {
  const covers = new Map<string, string[]>();
  for (const entry of (annotation ?? '').split(/[;\n]/)) {
    const colon = entry.indexOf(':');
    if (colon <= 0) continue;
    const title = entry.slice(0, colon).trim().toLocaleLowerCase('en-US');
    const names = entry
      .slice(colon + 1)
      .split(',')
      .map(name => name.trim())
      .filter(Boolean);
    if (!title || names.length === 0) continue;
    covers.set(title, [...(covers.get(title) ?? []), ...names]);
  }
  return covers;
}

/** An entity's runbooks: its `runbook` links, each with what the annotation says it covers. */
export function runbooksOf(entity: {
  metadata: {
    links?: Array<{ url: string; title?: string; type?: string }>;
    annotations?: Record<string, string>;
  };
}): Array<{ title: string; url: string; covers: string[] }> {
  const covers = parseRunbookFor(
    entity.metadata.annotations?.[ANNOTATION_RUNBOOK_FOR],
  );
  return (entity.metadata.links ?? [])
    .filter(link => link.type === RUNBOOK_LINK_TYPE && link.url)
    .map(link => {
      const title = link.title?.trim() || link.url;
      return {
        title,
        url: link.url,
        covers: covers.get(title.toLocaleLowerCase('en-US')) ?? [],
      };
    });
}
