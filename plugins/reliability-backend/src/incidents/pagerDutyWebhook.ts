import {
  AuditorService,
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  Incident,
  IncidentSeverity,
  INCIDENT_TEXT_LIMITS,
  parseIsoDateTime,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import Router from 'express-promise-router';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { IncidentService } from './IncidentService';
import { IncidentFields, IncidentStore } from './IncidentStore';

export const PAGERDUTY_WEBHOOK_PATH = '/webhooks/pagerduty';
const SYSTEM = 'pagerduty';
const AUTHOR = 'pagerduty';
// A PagerDuty v3 webhook carries one event of a few kilobytes.
const BODY_LIMIT = '256kb';

type PagerDutyEvent = {
  id?: string;
  event_type?: string;
  occurred_at?: string;
  data?: {
    id?: string;
    title?: string;
    html_url?: string;
    created_at?: string;
    urgency?: string;
    service?: { id?: string };
    priority?: { name?: string; summary?: string } | null;
  };
};

/**
 * Whether `header` (`v1=<hex>`, comma-separated, one per secret PagerDuty signs with) holds an
 * HMAC-SHA256 of `body` under one of `secrets`, compared in constant time.
 */
export function hasValidSignature(
  body: Buffer,
  header: string | undefined,
  secrets: string[],
): boolean {
  if (!header || secrets.length === 0) return false;
  const offered = header
    .split(',')
    .map(part => part.trim())
    .filter(part => part.startsWith('v1='))
    .map(part => Buffer.from(part.slice(3), 'hex'));
  return secrets.some(secret => {
    const expected = createHmac('sha256', secret).update(body).digest();
    return offered.some(
      signature =>
        signature.length === expected.length &&
        timingSafeEqual(signature, expected),
    );
  });
}

/** SEV1–SEV4 from the priority's name (P1–P4), else by urgency. */
export function severityOf(data: PagerDutyEvent['data']): IncidentSeverity {
  const name = (data?.priority?.name ?? data?.priority?.summary ?? '').trim();
  const priority = /^P([1-4])$/i.exec(name);
  if (priority) return `SEV${priority[1]}` as IncidentSeverity;
  return data?.urgency === 'low' ? 'SEV3' : 'SEV2';
}

function time(value: string | undefined): Date | undefined {
  return value ? parseIsoDateTime(value).value : undefined;
}

/**
 * PagerDuty v3 webhooks (`POST /webhooks/pagerduty`), outside Backstage sign-in and so signed:
 * `incident.triggered` declares an incident on the entities annotated with the PagerDuty
 * service's id, `incident.acknowledged` sets when it was declared, `incident.resolved` resolves
 * it. A delivery or event seen before changes nothing; an unmapped service answers 202.
 */
export function createPagerDutyWebhookRoutes(options: {
  incidents: IncidentService;
  store: IncidentStore;
  catalog: CatalogService;
  catalogIndex: CatalogIndex;
  auth: AuthService;
  auditor: AuditorService;
  logger: LoggerService;
  secrets: string[];
  now?: () => Date;
}): express.Router {
  const { incidents, store, logger } = options;
  const now = () => options.now?.() ?? new Date();
  const router = Router();

  async function entitiesFor(serviceId: string): Promise<string[]> {
    const indexed = (
      await options.catalogIndex.current()
    ).entitiesForPagerDutyService(serviceId);
    if (indexed.length > 0) return indexed;
    // Just after start the index may not have the entity yet; the catalog does.
    const { items } = await options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_PAGERDUTY_SERVICE_ID}`]:
            serviceId,
        },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await options.auth.getOwnServiceCredentials() },
    );
    return items.map(item => stringifyEntityRef(item)).sort();
  }

  /**
   * Applies a change unless `done` says it is in effect, reading the incident again when another
   * write came first (such as the same event delivered twice at once).
   */
  async function change(
    incident: Incident,
    changes: Partial<IncidentFields>,
    done: (current: Incident) => boolean,
  ): Promise<boolean> {
    if (done(incident)) return false;
    try {
      await incidents.apply(incident, incident.version, changes, AUTHOR);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const fresh = await incidents.findByExternalRef(
        SYSTEM,
        incident.externalRefs.find(r => r.system === SYSTEM)!.id,
      );
      if (!fresh || done(fresh)) return false;
      await incidents.apply(fresh, fresh.version, changes, AUTHOR);
    }
    return true;
  }

  /** What the event asks, applied; a sentence for the answer and the log. */
  async function handle(
    event: PagerDutyEvent,
  ): Promise<{ status: number; outcome: string }> {
    const data = event.data ?? {};
    if (!data.id) return { status: 202, outcome: 'no incident in the event' };
    const existing = await incidents.findByExternalRef(SYSTEM, data.id);
    switch (event.event_type) {
      case 'incident.triggered': {
        if (existing)
          return { status: 200, outcome: `incident ${existing.id} exists` };
        const serviceId = data.service?.id ?? '';
        const entities = serviceId ? await entitiesFor(serviceId) : [];
        if (entities.length === 0) {
          logger.info(
            `PagerDuty incident ${data.id} is for service ${
              serviceId || '(none)'
            }, which no entity is annotated with (${ANNOTATION_PAGERDUTY_SERVICE_ID}); not recorded`,
          );
          return { status: 202, outcome: `service ${serviceId} is not mapped` };
        }
        const startedAt =
          time(data.created_at) ?? time(event.occurred_at) ?? now();
        const created = await incidents
          .create(
            {
              title: (data.title ?? `PagerDuty incident ${data.id}`).slice(
                0,
                INCIDENT_TEXT_LIMITS.title,
              ),
              severity: severityOf(data),
              status: 'investigating',
              cause: 'unknown',
              startedAt,
              detectedAt: startedAt,
              declaredAt: null,
              mitigatedAt: null,
              resolvedAt: null,
              mitigation: null,
              commander: null,
              summary: null,
              impact: null,
              channel: null,
              entities: entities.map(entityRef => ({
                entityRef,
                role: 'affected',
              })),
              externalRefs: [
                {
                  system: SYSTEM,
                  id: data.id,
                  ...(data.html_url?.startsWith('https://')
                    ? { url: data.html_url }
                    : {}),
                },
              ],
            },
            AUTHOR,
          )
          .catch(error => {
            // The same event delivered twice at once: the other delivery created it.
            if (error instanceof ConflictError) return undefined;
            throw error;
          });
        return created
          ? { status: 201, outcome: `declared incident ${created.id}` }
          : { status: 200, outcome: `incident ${data.id} exists` };
      }
      case 'incident.acknowledged': {
        if (!existing) return { status: 202, outcome: 'no such incident here' };
        const at = time(event.occurred_at) ?? now();
        const changed = await change(existing, { declaredAt: at }, current =>
          Boolean(current.declaredAt),
        );
        return {
          status: 200,
          outcome: changed
            ? `acknowledged incident ${existing.id}`
            : 'already acknowledged',
        };
      }
      case 'incident.resolved': {
        if (!existing) return { status: 202, outcome: 'no such incident here' };
        const at = time(event.occurred_at) ?? now();
        const changed = await change(
          existing,
          { status: 'resolved', resolvedAt: at },
          current => current.status === 'resolved',
        );
        return {
          status: 200,
          outcome: changed
            ? `resolved incident ${existing.id}`
            : 'already resolved',
        };
      }
      default:
        return {
          status: 202,
          outcome: `${event.event_type ?? 'an event'} changes nothing here`,
        };
    }
  }

  router.post(
    PAGERDUTY_WEBHOOK_PATH,
    express.raw({ type: () => true, limit: BODY_LIMIT }),
    async (req, res) => {
      const body: Buffer = Buffer.isBuffer(req.body)
        ? req.body
        : Buffer.alloc(0);
      if (
        !hasValidSignature(
          body,
          req.header('x-pagerduty-signature'),
          options.secrets,
        )
      ) {
        res.status(401).json({
          error: {
            name: 'AuthenticationError',
            message:
              'X-PagerDuty-Signature does not match a configured webhook secret',
          },
        });
        return;
      }
      let event: PagerDutyEvent;
      try {
        event = JSON.parse(body.toString('utf8')).event ?? {};
      } catch {
        res.status(400).json({
          error: { name: 'InputError', message: 'The body is not JSON' },
        });
        return;
      }
      const keys = [
        req.header('x-webhook-id') &&
          `${SYSTEM}:webhook:${req.header('x-webhook-id')}`,
        event.id && `${SYSTEM}:event:${event.id}`,
      ].filter((key): key is string => Boolean(key));
      if (await store.hasDelivery(keys)) {
        res.status(200).json({ outcome: 'delivered before; nothing changed' });
        return;
      }
      const audit = await options.auditor.createEvent({
        eventId: 'incident-webhook',
        severityLevel: 'medium',
        request: req,
        meta: {
          system: SYSTEM,
          eventType: event.event_type ?? null,
          externalId: event.data?.id ?? null,
        },
      });
      try {
        const { status, outcome } = await handle(event);
        // Recorded once applied, so that a delivery cut short is applied on its retry; what
        // it changed already, the retry finds in effect.
        await store.recordDeliveries(keys, now());
        await audit.success({ meta: { outcome } });
        res.status(status).json({ outcome });
      } catch (error) {
        await audit.fail({ error: error as Error });
        throw error;
      }
    },
  );
  return router;
}
