import { z } from 'zod';
import { isoTimeQuery, parseQuery, wholeNumberQuery } from './parseQuery';

const schema = z.object({
  limit: wholeNumberQuery.pipe(z.number().min(1).max(100)).optional(),
  at: isoTimeQuery.optional(),
});

describe('parseQuery', () => {
  it('reads whole numbers written in digits', () => {
    expect(parseQuery(schema, { limit: '16' })).toEqual({ limit: 16 });
  });

  it.each(['0x10', '1e1', ' 2 ', '2.0', '-1', '', '1000000000000'])(
    'refuses the number %j naming the parameter',
    value => {
      expect(() => parseQuery(schema, { limit: value })).toThrow(/^limit: /);
    },
  );

  it('refuses a repeated parameter', () => {
    expect(() => parseQuery(schema, { limit: ['1', '2'] })).toThrow(/^limit: /);
  });

  it.each(['1', '0', '2026-02-30T10:00:00Z', '2026-11-20'])(
    'refuses the time %j naming the parameter',
    value => {
      expect(() => parseQuery(schema, { at: value })).toThrow(/^at: /);
    },
  );
});
