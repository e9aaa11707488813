import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  AuditorServiceEvent,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import {
  componentEntity,
  groupEntity,
  resourceEntity,
  userEntity,
} from '../../__testUtils__/catalogEntities';
import { CatalogIndex } from '../../catalog/CatalogIndex';
import { CatalogReadFilter } from '../../catalog/CatalogReadFilter';
import { createTestDependencyService } from '../../dependencies/__testUtils__/createTestDependencyService';
import { DatabaseIncidentStore } from '../DatabaseIncidentStore';
import { IncidentService } from '../IncidentService';
import { createIncidentRoutes } from '../routes';

const member = (user: string) => ({
  type: 'hasMember',
  targetRef: `user:default/${user}`,
});

/**
 * Payments owns the settlement batch (Bob is a member), SRE owns the shared test database
 * (Grace); Incident Leads, the responder group, owns nothing (Heidi); Alice, Carol, Dave and Erin
 * belong to none.
 */
export const incidentCatalog: Entity[] = [
  componentEntity('settlement-batch', { owner: 'group:default/payments' }),
  componentEntity('ledger-service', { owner: 'group:default/payments' }),
  resourceEntity('shared-test-db', 'group:default/sre'),
  { ...groupEntity('payments'), relations: [member('bob')] },
  { ...groupEntity('sre'), relations: [member('grace')] },
  { ...groupEntity('incident-leads'), relations: [member('heidi')] },
  userEntity('alice', 'Alice Kim'),
  userEntity('bob', 'Bob Okafor'),
  userEntity('carol', 'Carol Novak'),
  userEntity('dave', 'Dave Tanaka'),
  userEntity('erin', 'Erin Walsh'),
  userEntity('grace', 'Grace Lindqvist'),
  userEntity('heidi', 'Heidi Berg'),
];

export type AuditRecord = {
  eventId: string;
  meta: unknown;
  outcome?: 'success' | 'fail';
};

/**
 * The incident routes over SQLite `knex`, the test catalog, a real dependency service, an
 * auditor that records its events, and a policy that answers `decide` (allow by default). With
 * `mayRead`, catalog reads are conditional, as the catalog's own rules make them: a user reads
 * the refs `mayRead` allows, a service every ref.
 */
export async function incidentFixture(options: {
  knex: Knex;
  decide?: (permission: string, resourceRef?: string) => AuthorizeResult;
  mayRead?: (userRef: string, entityRef: string) => boolean;
  now?: () => Date;
}) {
  const catalog = catalogServiceMock({ entities: incidentCatalog });
  const { mayRead } = options;
  if (mayRead) {
    const visible = (ref: string, request: unknown) => {
      const { principal } = (request as { credentials: BackstageCredentials })
        .credentials as BackstageCredentials<any>;
      return principal.type !== 'user' || mayRead(principal.userEntityRef, ref);
    };
    const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
    catalog.getEntitiesByRefs = (async (request, requestOptions) => {
      const { items } = await getEntitiesByRefs(request, requestOptions);
      return {
        items: items.map((item, i) =>
          item && visible(request.entityRefs[i], requestOptions) ? item : null,
        ),
      };
    }) as typeof catalog.getEntitiesByRefs;
    const getEntityByRef = catalog.getEntityByRef.bind(catalog);
    catalog.getEntityByRef = async (ref, requestOptions) =>
      visible(
        typeof ref === 'string' ? ref : stringifyEntityRef(ref),
        requestOptions,
      )
        ? getEntityByRef(ref, requestOptions)
        : undefined;
  }
  const decide = options.decide ?? (() => AuthorizeResult.ALLOW);
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async requests =>
      requests.map(r =>
        mayRead && r.permission.name === 'catalog.entity.read'
          ? ({
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: { rule: 'HAS_METADATA', params: { key: 'name' } },
            } as any)
          : ({ result: decide(r.permission.name) } as any),
      ),
    authorize: async requests =>
      requests.map(
        r =>
          ({
            result: decide(
              r.permission.name,
              'resourceRef' in r ? (r.resourceRef as string) : undefined,
            ),
          } as PolicyDecision as any),
      ),
  });
  const dependencies = await createTestDependencyService({
    catalog,
    knex: options.knex,
  });
  const catalogIndex = new CatalogIndex({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  const service = new IncidentService({
    store: new DatabaseIncidentStore(options.knex),
    catalog,
    catalogIndex,
    readFilter: new CatalogReadFilter({ catalog, permissions }),
    permissions,
    auth: mockServices.auth(),
    observations: dependencies.service,
    settings: {
      postmortemDueDays: 5,
      responderGroups: ['group:default/incident-leads'],
      pagerdutyWebhookSecrets: [],
    },
    logger: mockServices.logger.mock(),
    now: options.now,
  });
  const audits: AuditRecord[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId, meta }) => {
      const record: AuditRecord = { eventId, meta };
      audits.push(record);
      const event: AuditorServiceEvent = {
        success: async () => {
          record.outcome = 'success';
        },
        fail: async () => {
          record.outcome = 'fail';
        },
      };
      return event;
    },
  });
  const app = express()
    .use(
      createIncidentRoutes({
        // A request without credentials is anonymous, as in a running backend.
        httpAuth: mockServices.httpAuth({
          pluginId: 'reliability',
          defaultCredentials: mockCredentials.none(),
        }),
        auditor,
        incidents: service,
      }),
    )
    .use(mockErrorHandler());
  return { app, audits, service, dependencies: dependencies.service };
}
