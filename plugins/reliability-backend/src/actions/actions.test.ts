import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { z } from 'zod/v3';
import { DependencyService } from '../dependencies/DependencyService';
import { registerDependencyActions } from '../dependencies/actions';
import { EscalationService } from '../escalation/EscalationService';
import { registerEscalationActions } from '../escalation/actions';
import { IncidentService } from '../incidents/IncidentService';
import { registerIncidentActions } from '../incidents/actions';

type Registered = ActionsRegistryActionOptions<any, any, any>;

const user = mockCredentials.user('user:default/dave');

/** A registry that keeps what is registered, to call actions as the actions service does. */
function capturingRegistry() {
  const actions = new Map<string, Registered>();
  const registry: ActionsRegistryService = {
    register: options => {
      actions.set(options.name, options as Registered);
    },
  };
  /** Runs an action with input parsed by its own schema, as the registry does. */
  const run = async (name: string, input: unknown, credentials = user) => {
    const action = actions.get(name)!;
    const parsed = action.schema.input(z).parse(input);
    const result: any = await action.action({
      input: parsed,
      credentials,
      logger: mockServices.logger.mock(),
      secrets: undefined,
    } as any);
    return action.schema.output(z).parse(result.output);
  };
  return { registry, actions, run };
}

const edge = (target: string) => ({
  source: 'component:default/orders-service',
  target,
  direction: 'upstream' as const,
  evidence: [],
});

describe('the actions', () => {
  it('give every example an input their own schema accepts', () => {
    const { registry, actions } = capturingRegistry();
    registerEscalationActions(registry, {} as EscalationService);
    registerDependencyActions(
      registry,
      { settings: { maxDepth: 5 } } as DependencyService,
      mockServices.permissions(),
    );
    registerIncidentActions(
      registry,
      {} as IncidentService,
      mockServices.auditor.mock(),
    );
    expect(actions.size).toBe(8);
    for (const action of actions.values()) {
      expect(action.description.length).toBeGreaterThan(80);
      for (const example of action.examples ?? []) {
        expect(() => action.schema.input(z).parse(example.input)).not.toThrow();
      }
    }
  });

  it('cut get-dependencies to its limit and say so', async () => {
    const { registry, run } = capturingRegistry();
    registerDependencyActions(
      registry,
      {
        settings: { maxDepth: 5 },
        getDependencies: async () => ({
          declared: [edge('resource:default/a'), edge('resource:default/b')],
          observed: [edge('resource:default/c')],
          hidden: [{ ...edge('resource:default/c'), suggestion: '' }],
          unobserved: [],
          unknown: [],
        }),
      } as unknown as DependencyService,
      mockServices.permissions(),
    );
    const answer = await run('get-dependencies', {
      entityRef: 'component:default/orders-service',
      limit: 2,
    });
    expect(answer).toEqual({
      counts: {
        declared: 2,
        observed: 1,
        hidden: 1,
        unobserved: 0,
        unknown: 0,
      },
      edges: [
        expect.objectContaining({
          target: 'resource:default/c',
          kind: 'hidden',
        }),
        expect.objectContaining({
          target: 'resource:default/a',
          kind: 'declared',
        }),
      ],
      truncated: true,
    });
    await expect(
      run('get-dependencies', { entityRef: 'x', limit: 10_000 }),
    ).rejects.toThrow(/500/);
  });

  it('refuse record-dependency-observation without the permission, recording nothing', async () => {
    const { registry, run } = capturingRegistry();
    const record = jest.fn();
    registerDependencyActions(
      registry,
      { settings: { maxDepth: 5 }, record } as unknown as DependencyService,
      mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
      }),
    );
    await expect(
      run('record-dependency-observation', {
        source: 'component:default/a',
        target: 'resource:default/b',
      }),
    ).rejects.toThrow('reliability.observation.create');
    expect(record).not.toHaveBeenCalled();
  });

  it('validate an observation as the route does', async () => {
    const { registry, run } = capturingRegistry();
    const record = jest.fn();
    registerDependencyActions(
      registry,
      { settings: { maxDepth: 5 }, record } as unknown as DependencyService,
      mockServices.permissions(),
    );
    await expect(
      run('record-dependency-observation', {
        source: '',
        target: 'component:default/a',
      }),
    ).rejects.toThrow(/^source: /);
    expect(record).not.toHaveBeenCalled();
  });

  it('ask who-to-page for exactly one of entityRef and query', async () => {
    const { registry, run } = capturingRegistry();
    registerEscalationActions(registry, {} as EscalationService);
    await expect(run('who-to-page', {})).rejects.toThrow(
      'Give either entityRef (an entity ref) or query (free text)',
    );
    await expect(
      run('who-to-page', { entityRef: 'component:default/a', query: 'a' }),
    ).rejects.toThrow('not both or neither');
    await expect(
      run('who-to-page', { entityRef: 'component:' }),
    ).rejects.toThrow('entityRef: must be an entity ref');
  });

  it("check a declaration with the route's schema, naming the field", async () => {
    const { registry, run } = capturingRegistry();
    const declare = jest.fn();
    registerIncidentActions(
      registry,
      { declare } as unknown as IncidentService,
      mockServices.auditor.mock(),
    );
    await expect(
      run('declare-incident', {
        title: 'Checkout fails',
        severity: 'SEV2',
        startedAt: '2026-02-30T10:00:00Z',
        entities: [{ entityRef: 'component:default/a', role: 'affected' }],
      }),
    ).rejects.toThrow('startedAt: must be');
    expect(declare).not.toHaveBeenCalled();
  });
});
