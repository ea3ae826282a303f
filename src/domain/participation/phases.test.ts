import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPhases, currentPhase, defaultActions, isOpenFor, PHASE_KINDS, type Phase } from './phases.ts';

const day = 86_400_000;
const at = (days: number) => new Date(Date.UTC(2026, 4, 1) + days * day);
const phase = (kind: Phase['kind'], from: number, to: number): Phase => ({
  kind,
  startsAt: at(from),
  endsAt: at(to),
  allows: defaultActions(kind),
});

describe('the phases of a process', () => {
  const plan = [phase('information', 0, 10), phase('proposals', 10, 40), phase('voting', 50, 60)];

  it('derives the current phase from the dates: start included, end excluded', () => {
    expect(currentPhase(plan, at(0))?.kind).toBe('information');
    expect(currentPhase(plan, at(10))?.kind).toBe('proposals');
    expect(currentPhase(plan, new Date(at(40).getTime() - 1))?.kind).toBe('proposals');
  });

  it('has no current phase before, after and between phases', () => {
    expect(currentPhase(plan, at(-1))).toBeNull();
    expect(currentPhase(plan, at(45))).toBeNull();
    expect(currentPhase(plan, at(60))).toBeNull();
  });

  it('opens proposing only in the proposals phase by default, voting only in the voting phase', () => {
    expect(isOpenFor(plan, at(5), 'propose')).toBe(false);
    expect(isOpenFor(plan, at(15), 'propose')).toBe(true);
    expect(isOpenFor(plan, at(15), 'vote')).toBe(false);
    expect(isOpenFor(plan, at(55), 'vote')).toBe(true);
    expect(isOpenFor(plan, at(45), 'comment')).toBe(false);
  });

  it('refuses a phase that ends before it starts, and overlapping phases', () => {
    expect(checkPhases([phase('proposals', 5, 5)])).toEqual({
      code: 'participation.phase_dates_invalid',
      index: 0,
    });
    expect(checkPhases([phase('voting', 20, 30), phase('proposals', 0, 21)])).toEqual({
      code: 'participation.phases_overlap',
      index: 0,
    });
    expect(checkPhases(plan)).toBeNull();
  });

  it('finds at most one current phase in any accepted plan, at any moment', () => {
    const phases = fc.array(
      fc.record({
        kind: fc.constantFrom(...PHASE_KINDS),
        from: fc.integer({ min: 0, max: 100 }),
        length: fc.integer({ min: 1, max: 30 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(phases, fc.integer({ min: -5, max: 140 }), (drafts, moment) => {
        const candidate = drafts.map((d) => phase(d.kind, d.from, d.from + d.length));
        if (checkPhases(candidate) !== null) return;
        const holding = candidate.filter((p) => p.startsAt <= at(moment) && at(moment) < p.endsAt);
        expect(holding.length).toBeLessThanOrEqual(1);
        expect(currentPhase(candidate, at(moment))).toBe(holding[0] ?? null);
      }),
    );
  });
});
