import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import express from 'express';

/**
 * Runs writes as audit events of `auditor`, severity `medium`: success with what was written,
 * or failure with why. `req` is the HTTP request, when the write came through a route.
 */
export function auditedWrites(auditor: AuditorService) {
  return async function audited<T>(
    req: express.Request | undefined,
    eventId: string,
    meta: JsonObject,
    write: () => Promise<T>,
    result: (value: T) => JsonObject,
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      ...(req ? { request: req } : {}),
      meta,
    });
    try {
      const value = await write();
      await event.success({ meta: result(value) });
      return value;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };
}
