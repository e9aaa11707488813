import { parseIsoDateTime } from './isoTime';

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-11-22T09:00:00Z', '2026-11-22T09:00:00.000Z'],
    ['2026-11-22T09:00Z', '2026-11-22T09:00:00.000Z'],
    ['2026-11-22T09:00:00.5Z', '2026-11-22T09:00:00.500Z'],
    ['2026-11-22T09:00:00.123456789Z', '2026-11-22T09:00:00.123Z'],
    ['2026-11-22T10:00:00+01:00', '2026-11-22T09:00:00.000Z'],
    ['2026-11-22T04:30:00-0430', '2026-11-22T09:00:00.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    // The bounds themselves are accepted.
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
    ['2100-01-01T00:00:00Z', '2100-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseIsoDateTime(text).value?.toISOString()).toBe(iso);
  });

  it.each([
    // A number is not a year: Date.parse('1') is 2001.
    ['1', 'not in the form 2026-11-22T09:00:00Z'],
    ['0x10', 'not in the form 2026-11-22T09:00:00Z'],
    ['2026-11-22', 'not in the form 2026-11-22T09:00:00Z'],
    ['2026-11-22T09:00:00', 'not in the form 2026-11-22T09:00:00Z'],
    ['2026-11-22 09:00:00Z', 'not in the form 2026-11-22T09:00:00Z'],
    [' 2026-11-22T09:00:00Z', 'not in the form 2026-11-22T09:00:00Z'],
    ['Sun, 22 Nov 2026 09:00:00 GMT', 'not in the form 2026-11-22T09:00:00Z'],
    // JavaScript's extended years at both ends of its range.
    ['+275760-09-13T00:00:00.000Z', 'not in the form 2026-11-22T09:00:00Z'],
    ['-271821-04-20T00:00:00Z', 'not in the form 2026-11-22T09:00:00Z'],
    // Not rolled over into the next month or day.
    ['2026-02-30T00:00:00Z', 'no such time'],
    ['2027-02-29T00:00:00Z', 'no such time'],
    ['2026-13-01T00:00:00Z', 'no such time'],
    ['2026-11-22T24:00:00Z', 'no such time'],
    ['2026-11-22T09:60:00Z', 'no such time'],
    ['2026-11-22T09:00:00+24:00', 'no such time'],
    ['1999-12-31T23:59:59Z', 'not between 2000-01-01T00:00:00.000Z and 2100'],
    ['2000-01-01T00:30:00+01:00', 'not between'],
    ['2100-01-01T00:00:01Z', 'not between'],
    ['9999-12-31T23:59:59Z', 'not between'],
  ])('refuses %s: %s', (text, problem) => {
    const parsed = parseIsoDateTime(text);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problem).toContain(problem);
  });
});
