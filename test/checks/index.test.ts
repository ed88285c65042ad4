/** Templates from the cache passed the template checks when they were cached: those are not run again. */
import { describe, expect, it } from 'vitest';
import { CHECKS, COUNTING_CHECKS, TEMPLATE_CHECKS, checksFor } from '../../src/checks/index.js';

describe('checksFor', () => {
  it('runs every check on templates parsed now', () => {
    expect(checksFor(CHECKS, {})).toBe(CHECKS);
  });

  it('leaves out exactly the template checks for templates found in the cache', () => {
    const rest = checksFor(CHECKS, { checked: true });
    expect(rest.length).toBe(CHECKS.length - TEMPLATE_CHECKS.length);
    expect(rest.some((c) => TEMPLATE_CHECKS.includes(c))).toBe(false);
    expect(checksFor(COUNTING_CHECKS, { checked: true }).every((c) => COUNTING_CHECKS.includes(c) && !TEMPLATE_CHECKS.includes(c))).toBe(true);
  });
});
