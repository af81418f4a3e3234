// A job's duration as the clerk types and reads it ("1 t 30 min").
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../shared/format';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('durations', () => {
  it('are shown in hours and minutes', () => {
    expect(plain(formatDuration(90))).toBe('1 t 30 min');
    expect(plain(formatDuration(45))).toBe('45 min');
    expect(plain(formatDuration(120))).toBe('2 t');
    expect(plain(formatDuration(90, 'en'))).toBe('1 h 30 min');
  });

  it('are read the ways a clerk types them', () => {
    for (const [typed, minutes] of [
      ['90', 90],
      ['1:30', 90],
      ['1 t 30 min', 90],
      ['1t30', 90],
      ['1,5 t', 90],
      ['1.5h', 90],
      ['2 timer', 120],
      ['45 min', 45],
      ['1 h 15 m', 75],
      [plain(formatDuration(600)), 600],
    ] as const) {
      expect(parseDuration(typed), typed).toBe(minutes);
    }
  });

  it('refuse what is not a duration', () => {
    for (const typed of ['', '0', 'en time', '1:75', '1,5 t 10 min', '-30', '1 t 30 sek']) expect(parseDuration(typed), typed).toBeNull();
  });
});
