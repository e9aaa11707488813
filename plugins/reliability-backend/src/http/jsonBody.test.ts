import { mockErrorHandler } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { jsonBody } from './jsonBody';

const app = express()
  .post('/things', jsonBody('4mb'), (req, res) => {
    res.json({ got: req.body });
  })
  .use(mockErrorHandler());

describe('jsonBody', () => {
  it('parses JSON', async () => {
    await request(app)
      .post('/things')
      .set('Content-Type', 'application/json')
      .send('{"a":1}')
      .expect(200, { got: { a: 1 } });
  });

  it('answers a large body that is not JSON with a short 400, not the body', async () => {
    const body = `{"a": ${'x'.repeat(2_000_000)}`;
    const res = await request(app)
      .post('/things')
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^The body is not valid JSON: /);
    expect(JSON.stringify(res.body).length).toBeLessThan(2_000);
  });
});
