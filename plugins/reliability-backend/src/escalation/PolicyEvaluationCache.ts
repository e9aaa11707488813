import { CatalogSnapshot, IndexedPolicy } from '../catalog/CatalogSnapshot';
import { evaluatePolicy, PolicyEvaluator } from './resolveEscalation';

// Reuse at most this long: when nobody is on call no shift bounds the evaluation, and its
// warning names the time it was made.
const MAX_REUSE_MS = 60_000;

type Evaluation = {
  from: number;
  until: number;
  value: ReturnType<typeof evaluatePolicy>;
};

/**
 * Policy evaluations reused until the first of their shifts ends. Walking a rotation's turns
 * through its time zone is the costly part of resolving an escalation, and an impact answer
 * resolves hundreds of entities that share a few policies; who is on call only changes at a
 * handoff, an override or a coverage boundary, each of which ends a shift.
 */
export class PolicyEvaluationCache {
  private readonly evaluations = new Map<string, Evaluation>();
  private catalog: CatalogSnapshot | undefined;

  evaluatorFor(catalog: CatalogSnapshot, at: Date): PolicyEvaluator {
    return policy => this.evaluate(policy, catalog, at);
  }

  private evaluate(
    policy: IndexedPolicy,
    catalog: CatalogSnapshot,
    at: Date,
  ): ReturnType<typeof evaluatePolicy> {
    // A new snapshot may hold changed policies or renamed people: start again.
    if (catalog !== this.catalog) {
      this.evaluations.clear();
      this.catalog = catalog;
    }
    const now = at.getTime();
    const known = this.evaluations.get(policy.ref);
    if (known && known.from <= now && now < known.until) {
      return known.value;
    }
    const value = evaluatePolicy(policy, catalog, at);
    const until = Math.min(
      now + MAX_REUSE_MS,
      ...value.onCall.flatMap(entry =>
        entry.until ? [new Date(entry.until).getTime()] : [],
      ),
    );
    this.evaluations.set(policy.ref, { from: now, until, value });
    return value;
  }
}
