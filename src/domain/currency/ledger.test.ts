import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountState,
  adjust,
  availableToSpend,
  close,
  growingCreditLimit,
  hold,
  type Outcome,
  pay,
  post,
  voidHold,
} from './ledger.ts';

const account = (id: string, overrides: Partial<AccountState> = {}): AccountState => ({
  id,
  balanceMinor: 0,
  pendingDebitMinor: 0,
  pendingCreditMinor: 0,
  creditLimitMinor: 10_000,
  maxBalanceMinor: null,
  status: 'active',
  ...overrides,
});

const refusal = (outcome: Outcome) => (outcome.ok ? null : outcome.refusal);

describe('payments', () => {
  it('debit the payer and credit the payee, within the credit line', () => {
    const outcome = pay(account('ecos'), account('messina'), 2_500);
    expect(outcome).toMatchObject({
      ok: true,
      payer: { balanceMinor: -2_500 },
      payee: { balanceMinor: 2_500 },
    });
  });

  it('refuse to pass the credit limit, counting what is reserved', () => {
    const payer = account('ecos', { balanceMinor: -6_000, pendingDebitMinor: 3_000 });
    expect(availableToSpend(payer)).toBe(1_000);
    expect(refusal(pay(payer, account('messina'), 1_001))).toBe('currency.limit_exceeded');
    expect(refusal(pay(payer, account('messina'), 1_000))).toBeNull();
  });

  it('refuse to take the payee over its maximum balance, counting what is on its way', () => {
    const payee = account('messina', { balanceMinor: 900, pendingCreditMinor: 50, maxBalanceMinor: 1_000 });
    expect(refusal(pay(account('ecos'), payee, 51))).toBe('currency.max_balance_exceeded');
    expect(refusal(pay(account('ecos'), payee, 50))).toBeNull();
  });

  it.each([0, -5, 1.5, Number.NaN, 2 ** 60])('refuse the amount %s', (amount) => {
    expect(refusal(pay(account('a'), account('b'), amount))).toBe('currency.amount_invalid');
  });

  it('refuse paying oneself, and frozen or closed accounts', () => {
    expect(refusal(pay(account('a'), account('a'), 5))).toBe('currency.same_account');
    expect(refusal(pay(account('a', { status: 'frozen' }), account('b'), 5))).toBe('currency.account_frozen');
    expect(refusal(pay(account('a'), account('b', { status: 'frozen' }), 5))).toBe('currency.account_frozen');
    expect(refusal(pay(account('a'), account('b', { status: 'closed' }), 5))).toBe('currency.account_closed');
  });

  it('let a leaving member spend what it holds but not run up debt or be paid beyond zero', () => {
    const leavingRich = account('left', { status: 'closing', balanceMinor: 300 });
    expect(refusal(pay(leavingRich, account('b'), 300))).toBeNull();
    expect(refusal(pay(leavingRich, account('b'), 301))).toBe('currency.limit_exceeded');
    expect(refusal(pay(account('b'), leavingRich, 1))).toBe('currency.leaving_member_cannot_receive');
    const leavingInDebt = account('debtor', { status: 'closing', balanceMinor: -400 });
    expect(refusal(pay(account('b'), leavingInDebt, 400))).toBeNull();
    expect(refusal(pay(account('b'), leavingInDebt, 401))).toBe('currency.leaving_member_cannot_receive');
  });
});

describe('holds', () => {
  it('reserve, then post or void', () => {
    const held = hold(account('buyer'), account('seller'), 700);
    if (!held.ok) throw new Error('hold refused');
    expect(availableToSpend(held.payer)).toBe(10_000 - 700);
    const posted = post(held.payer, held.payee, 700);
    expect(posted).toMatchObject({
      ok: true,
      payer: { balanceMinor: -700, pendingDebitMinor: 0 },
      payee: { balanceMinor: 700, pendingCreditMinor: 0 },
    });
    const voided = voidHold(held.payer, held.payee, 700);
    expect(voided).toMatchObject({
      ok: true,
      payer: { balanceMinor: 0, pendingDebitMinor: 0 },
      payee: { pendingCreditMinor: 0 },
    });
    expect(refusal(post(held.payer, held.payee, 701))).toBe('currency.hold_too_large');
  });
});

describe('closing an account', () => {
  it('needs it settled', () => {
    expect(close(account('a', { balanceMinor: 1 }))).toEqual({
      ok: false,
      refusal: 'currency.account_not_settled',
    });
    expect(close(account('a', { pendingCreditMinor: 1 }))).toEqual({
      ok: false,
      refusal: 'currency.account_not_settled',
    });
    expect(close(account('a'))).toMatchObject({ ok: true, account: { status: 'closed' } });
  });
});

describe('a growing credit line', () => {
  it('follows what was received, between the default and the cap', () => {
    expect(growingCreditLimit(10_000, 0, 0.5, 50_000)).toBe(10_000);
    expect(growingCreditLimit(10_000, 40_000, 0.5, 50_000)).toBe(20_000);
    expect(growingCreditLimit(10_000, 1_000_000, 0.5, 50_000)).toBe(50_000);
  });
});

type Operation =
  | { kind: 'pay' | 'hold' | 'adjust'; from: number; to: number; amount: number }
  | { kind: 'post' | 'void'; holdIndex: number }
  | { kind: 'limit'; account: number; limit: number }
  | { kind: 'freeze' | 'unfreeze'; account: number };

const ACCOUNT_COUNT = 5;
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('pay' as const, 'hold' as const, 'adjust' as const),
    from: fc.nat(ACCOUNT_COUNT - 1),
    to: fc.nat(ACCOUNT_COUNT - 1),
    amount: fc.oneof(fc.integer({ min: 1, max: 30_000 }), fc.constantFrom(0, -1, 0.5)),
  }),
  fc.record({ kind: fc.constantFrom('post' as const, 'void' as const), holdIndex: fc.nat(20) }),
  fc.record({
    kind: fc.constant('limit' as const),
    account: fc.nat(ACCOUNT_COUNT - 1),
    limit: fc.integer({ min: 0, max: 20_000 }),
  }),
  fc.record({
    kind: fc.constantFrom('freeze' as const, 'unfreeze' as const),
    account: fc.nat(ACCOUNT_COUNT - 1),
  }),
);

describe('the ledger under random sequences of operations', () => {
  it('keeps the sum at zero, pending sides equal, and accepted payments within limits after every step', () => {
    fc.assert(
      fc.property(
        fc.array(operationArb, { minLength: 1, maxLength: 80 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }), {
          minLength: ACCOUNT_COUNT,
          maxLength: ACCOUNT_COUNT,
        }),
        (operations, maxBalances) => {
          const accounts = Array.from({ length: ACCOUNT_COUNT }, (_, i) =>
            account(`acc-${i}`, { maxBalanceMinor: maxBalances[i] ?? null }),
          );
          const holds: { from: number; to: number; amount: number }[] = [];
          for (const operation of operations) {
            if (operation.kind === 'limit') {
              accounts[operation.account] = {
                ...(accounts[operation.account] as AccountState),
                creditLimitMinor: operation.limit,
              };
              continue;
            }
            if (operation.kind === 'freeze' || operation.kind === 'unfreeze') {
              accounts[operation.account] = {
                ...(accounts[operation.account] as AccountState),
                status: operation.kind === 'freeze' ? 'frozen' : 'active',
              };
              continue;
            }
            let from: number;
            let to: number;
            let outcome: Outcome;
            if (operation.kind === 'post' || operation.kind === 'void') {
              const held = holds[operation.holdIndex];
              if (!held) continue;
              ({ from, to } = held);
              const apply = operation.kind === 'post' ? post : voidHold;
              outcome = apply(accounts[from] as AccountState, accounts[to] as AccountState, held.amount);
              expect(outcome.ok).toBe(true);
              holds.splice(operation.holdIndex, 1);
            } else {
              if (operation.kind !== 'pay' && operation.kind !== 'hold' && operation.kind !== 'adjust')
                continue;
              ({ from, to } = operation);
              const apply = { pay, hold, adjust }[operation.kind];
              const before = accounts[from] as AccountState;
              outcome = apply(before, accounts[to] as AccountState, operation.amount);
              if (outcome.ok && operation.kind !== 'adjust') {
                // Accepted by the rules: the payer is within its line, the payee under its cap.
                expect(availableToSpend(outcome.payer)).toBeGreaterThanOrEqual(0);
                const cap = outcome.payee.maxBalanceMinor;
                if (cap !== null)
                  expect(outcome.payee.balanceMinor + outcome.payee.pendingCreditMinor).toBeLessThanOrEqual(
                    cap,
                  );
                expect(outcome.payer.status).toBe('active');
              }
              if (outcome.ok && operation.kind === 'hold') holds.push({ from, to, amount: operation.amount });
            }
            if (outcome.ok) {
              accounts[from] = outcome.payer;
              accounts[to] = outcome.payee;
            }
            expect(accounts.reduce((sum, a) => sum + a.balanceMinor, 0)).toBe(0);
            expect(accounts.reduce((sum, a) => sum + a.pendingDebitMinor, 0)).toBe(
              accounts.reduce((sum, a) => sum + a.pendingCreditMinor, 0),
            );
            expect(accounts.reduce((sum, a) => sum + a.pendingDebitMinor, 0)).toBe(
              holds.reduce((sum, h) => sum + h.amount, 0),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
