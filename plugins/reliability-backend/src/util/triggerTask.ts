import { SchedulerService } from '@backstage/backend-plugin-api';

/**
 * Asks the scheduler to run a task now instead of at its next time. A run already under way
 * (the scheduler's ConflictError) serves as well; the scheduler coordinates replicas, so a global
 * task triggered by several replicas at once still runs once.
 */
export async function triggerTask(
  scheduler: SchedulerService,
  id: string,
): Promise<void> {
  try {
    await scheduler.triggerTask(id);
  } catch (error) {
    if ((error as Error)?.name !== 'ConflictError') throw error;
  }
}
