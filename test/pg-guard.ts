import { installPgQueryQueueGuard, queuedQueryError } from './helpers/pg-query-queue';

/**
 * Every test file under Node (jest.config.js, setupFilesAfterEnv): a query queued on a pg client that is already
 * executing one fails the test during which it was queued (or the file, when it happened in a beforeAll/afterAll
 * hook), with the stack that queued it. test/helpers/pg-query-queue.ts says why.
 */
const guard = installPgQueryQueueGuard();

afterEach(() => {
  const error = queuedQueryError(guard.take(), 'during this test or the hooks before it');
  if (error) throw error;
});

afterAll(() => {
  const error = queuedQueryError(guard.take(), 'in a beforeAll/afterAll hook of this file');
  if (error) throw error;
});
