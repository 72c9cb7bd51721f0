import { describe, expect, it, vi } from 'vitest';
import { newTimeOrderedId } from './ids.js';

describe('time-ordered ids', () => {
  it('are UUID version 7 whose order follows the time they were made', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T06:00:00.000Z') });
    try {
      const first = newTimeOrderedId();
      vi.setSystemTime(Date.parse('2026-12-06T06:00:00.001Z'));
      const second = newTimeOrderedId();
      expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const timeOf = (id: string): number => parseInt(id.slice(0, 13).replace('-', ''), 16);
      expect(new Date(timeOf(first)).toISOString()).toBe('2026-12-06T06:00:00.000Z');
      expect(second > first).toBe(true);
      expect(new Set(Array.from({ length: 1000 }, newTimeOrderedId)).size).toBe(1000);
    } finally {
      vi.useRealTimers();
    }
  });
});
