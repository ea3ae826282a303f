import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('the password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('kopā mēs esam stiprāki', 'ilze@example.lv')).toBeNull();
  });
  it('counts characters, not bytes', () => {
    expect(passwordProblem('ēēēēēēēēēa', 'x@example.org')).toBe('too_common');
    expect(passwordProblem('āčēģīķļņšž', 'x@example.org')).toBeNull();
  });
  it.each([
    ['short', 'too_short'],
    ['x'.repeat(201), 'too_long'],
    ['Password123', 'too_common'],
    ['ababababababab', 'too_common'],
    ['my-ilze.berzina-secret', 'contains_email'],
  ])('refuses %j as %s', (password, problem) => {
    expect(passwordProblem(password, 'ilze.berzina@example.lv')).toBe(problem);
  });
});
