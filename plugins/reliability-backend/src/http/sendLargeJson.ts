import express from 'express';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
// Smaller answers go out as `res.json` sends them (the compression middleware's threshold).
const COMPRESS_FROM_BYTES = 1024;

/**
 * Sends an answer that can reach megabytes (an impact list repeats a path per entity),
 * compressed in one piece at zlib's fastest level. Backstage's compression middleware streams a
 * response through zlib in 16 KB chunks at level 6, each a trip through the thread pool, which
 * for such answers took longer than computing them; it leaves a response that already has a
 * Content-Encoding alone.
 */
export async function sendLargeJson(
  req: express.Request,
  res: express.Response,
  body: unknown,
): Promise<void> {
  const json = JSON.stringify(body, null, req.app.get('json spaces'));
  res.type('json');
  res.vary('Accept-Encoding');
  if (
    Buffer.byteLength(json) < COMPRESS_FROM_BYTES ||
    req.acceptsEncodings('gzip') !== 'gzip'
  ) {
    res.send(json);
    return;
  }
  res.setHeader('Content-Encoding', 'gzip');
  res.send(await gzipAsync(json, { level: constants.Z_BEST_SPEED }));
}
