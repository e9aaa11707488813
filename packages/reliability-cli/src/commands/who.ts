import {
  EscalationStep,
  LookupResponse,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { Connection, getJson } from '../client';

const LIMIT = 5;

/** `reliability who <query>`: who to page for the best matches; exits 1 when nothing matches. */
export async function who(
  connection: Connection,
  query: string,
  output: 'text' | 'json',
  print: (text: string) => void,
): Promise<number> {
  const answer = await getJson<LookupResponse>(connection, '/lookup', {
    q: query,
    limit: String(LIMIT),
  });
  if (output === 'json') {
    print(JSON.stringify(answer, null, 2));
  } else if (answer.items.length === 0) {
    print(`Nothing in the catalog matches "${query}".`);
  } else {
    print(
      answer.items
        .map(item => {
          const onCall =
            item.onCall.length > 0
              ? item.onCall
                  .map(
                    o =>
                      `${o.displayName}${o.until ? ` until ${o.until}` : ''}`,
                  )
                  .join(', ')
              : 'nobody on call';
          const contacts = Object.entries(item.contacts ?? {})
            .map(([channel, address]) => `${channel} ${address}`)
            .join(', ');
          return [
            `${item.title} (${item.entityRef})`,
            `  owner: ${item.owner?.title ?? 'none'}`,
            `  on call: ${onCall}`,
            ...(item.escalateNext.next
              ? [`  next: ${describeStep(item.escalateNext.next)}`]
              : []),
            ...(contacts ? [`  contacts: ${contacts}`] : []),
          ].join('\n');
        })
        .join('\n'),
    );
  }
  return answer.items.length > 0 ? 0 : 1;
}

function describeStep(step: EscalationStep): string {
  return `level ${step.level} after ${
    step.delayMinutes
  } min: ${step.targets.join(', ')}${
    step.users.length > 0 ? ` (${step.users.join(', ')})` : ''
  }`;
}
