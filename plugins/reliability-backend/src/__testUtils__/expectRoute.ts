import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';

/** `GET /api/reliability<path>` as a signed-in user answers `status` with `message` in its error. */
export async function expectErrorAnswer(
  server: unknown,
  path: string,
  status: number,
  message: string,
) {
  const res = await request(server as never)
    .get(`/api/reliability${path}`)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(status);
  expect(res.body.error.message).toContain(message);
}

/** `GET /api/reliability<path>` without credentials answers 401. */
export async function expectCredentialsRequired(server: unknown, path: string) {
  const res = await request(server as never)
    .get(`/api/reliability${path}`)
    .set('Authorization', mockCredentials.none.header());
  expect(res.status).toBe(401);
}
