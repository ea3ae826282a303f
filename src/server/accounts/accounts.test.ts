import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const signUp = (client: ReturnType<TestContext['client']>, overrides: Record<string, unknown> = {}) =>
  client.post('/api/v1/account/sign-up', {
    email: 'ilze@example.lv',
    password: TEST_PASSWORD,
    displayName: 'Ilze',
    locale: 'lv',
    ...overrides,
  });

describe('sign-up, e-mail verification and sign-in', () => {
  it('signs up, refuses sign-in until the mailed link is followed, then signs in', async () => {
    const client = ctx.client();
    const created = await signUp(client, { email: 'Ilze.Berzina@Example.lv' });
    expect(created.status).toBe(201);
    expect(created.body.person).toMatchObject({ email: 'ilze.berzina@example.lv', isEmailVerified: false });

    const early = await client.post('/api/v1/session', {
      email: 'ilze.berzina@example.lv',
      password: TEST_PASSWORD,
    });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('auth.email_not_verified');

    const token = await ctx.mailedToken('ilze.berzina@example.lv', '/verify-email?token=');
    expect((await client.post('/api/v1/account/verify-email', { token })).status).toBe(204);
    expect((await client.post('/api/v1/account/verify-email', { token })).body.error.code).toBe(
      'account.token_invalid',
    );

    const signedIn = await client.post('/api/v1/session', {
      email: 'ILZE.BERZINA@example.lv',
      password: TEST_PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    expect([signedIn.headers['set-cookie']].flat()).toEqual(
      expect.arrayContaining([expect.stringMatching(/kopa_session=.*HttpOnly.*SameSite=Lax/)]),
    );
    const session = await client.get('/api/v1/session');
    expect(session.body.person.displayName).toBe('Ilze');
    expect(session.body.locale).toBe('lv');
  });

  it('mails a new confirmation link on request, without telling who has an account', async () => {
    await signUp(ctx.client(), { email: 'lost-mail@example.org' });
    const first = await ctx.mailedToken('lost-mail@example.org', '/verify-email?token=');
    const anonymous = ctx.client();
    expect(
      (await anonymous.post('/api/v1/account/verify-email/resend', { email: 'lost-mail@example.org' }))
        .status,
    ).toBe(202);
    expect(
      (await anonymous.post('/api/v1/account/verify-email/resend', { email: 'nobody@example.org' })).status,
    ).toBe(202);
    const second = await ctx.mailedToken('lost-mail@example.org', '/verify-email?token=');
    expect(second).not.toBe(first);
    expect((await anonymous.post('/api/v1/account/verify-email', { token: second })).status).toBe(204);
  });

  it('leads the confirmation link back to where the newcomer was going, within this site only', async () => {
    await signUp(ctx.client(), { email: 'invited@example.org', next: '/invitations/abc' });
    const mail = await ctx.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', 'invited@example.org')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]+&next=%2Finvitations%2Fabc/);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'relative/path']) {
      const response = await signUp(ctx.client(), { email: 'next-check@example.org', next });
      expect(response.body.error, next).toMatchObject({ code: 'validation.format', field: 'next' });
    }
  });

  it('mails the verification link in the person’s language', async () => {
    await signUp(ctx.client(), { email: 'anna@example.fr', locale: 'fr' });
    const mail = await ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'anna@example.fr')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Confirmez votre adresse e-mail pour Kopa');
  });

  it('refuses a taken e-mail address, in the reader’s language, and writes nothing', async () => {
    await signUp(ctx.client(), { email: 'taken@example.org' });
    const before = await ctx.db
      .selectFrom('person')
      .select(ctx.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await signUp(ctx.client('it'), { email: 'TAKEN@example.org' });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: 'account.email_taken',
      message: 'Esiste già un account con questo indirizzo e-mail.',
      field: 'email',
    });
    const after = await ctx.db
      .selectFrom('person')
      .select(ctx.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it.each([
    ['short1', 'too_short'],
    ['aaaaaaaaaaaaaa', 'too_common'],
    ['password123', 'too_common'],
    ['weakpass-weakpass@example.org', 'contains_email'],
  ])('refuses the weak password %s', async (password) => {
    const response = await signUp(ctx.client('lv'), { email: 'weakpass@example.org', password });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('account.weak_password');
    expect(response.body.error.field).toBe('password');
  });

  it('answers a malformed or over-long sign-up with a field error, never a 500', async () => {
    const client = ctx.client('fr');
    const longName = await signUp(client, { email: 'long@example.org', displayName: 'x'.repeat(121) });
    expect(longName.status).toBe(400);
    expect(longName.body.error).toMatchObject({
      code: 'validation.too_long',
      field: 'displayName',
      message: 'Utilisez au plus 120 caractères.',
    });
    const badEmail = await signUp(client, { email: 'not-an-email' });
    expect(badEmail.body.error).toMatchObject({ code: 'validation.format', field: 'email' });
    const missing = await client.post('/api/v1/account/sign-up', { email: 'x@example.org' });
    expect(missing.body.error).toMatchObject({ code: 'validation.required' });
    const badLocale = await signUp(client, { email: 'loc@example.org', locale: 'de' });
    expect(badLocale.body.error).toMatchObject({ code: 'validation.not_allowed_value', field: 'locale' });
    const malformed = await client.request('POST', '/api/v1/account/sign-up', '{"email": ', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation.body_malformed');
    const huge = await client.request(
      'POST',
      '/api/v1/account/sign-up',
      JSON.stringify({ email: 'a@b.cd', pad: 'x'.repeat(2 * 1024 * 1024) }),
      {
        'content-type': 'application/json',
      },
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('validation.body_too_large');
  });

  it('refuses a wrong password without telling whether the account exists', async () => {
    const person = await ctx.person('Marta');
    const client = ctx.client();
    const wrong = await client.post('/api/v1/session', { email: person.email, password: 'not-the-password' });
    const unknown = await client.post('/api/v1/session', {
      email: 'nobody@example.org',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });
});

describe('sessions', () => {
  it('rotates the session on sign-in and revokes it on sign-out', async () => {
    const person = await ctx.person('Pēteris');
    const firstToken = person.client.cookies.get('kopa_session');
    await person.client.post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
    const secondToken = person.client.cookies.get('kopa_session');
    expect(secondToken).not.toBe(firstToken);
    const stale = ctx.client();
    stale.cookies.set('kopa_session', firstToken as string);
    expect((await stale.get('/api/v1/session')).body.person).toBeNull();

    expect((await person.client.delete('/api/v1/session')).status).toBe(204);
    const replay = ctx.client();
    replay.cookies.set('kopa_session', secondToken as string);
    expect((await replay.get('/api/v1/session')).body.person).toBeNull();
  });

  it('lists a person’s sessions and revokes one from another device', async () => {
    const person = await ctx.person('Jānis');
    const laptop = ctx.client();
    await laptop.post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
    const sessions = await person.client.get('/api/v1/account/sessions');
    expect(sessions.body.items).toHaveLength(2);
    const other = sessions.body.items.find((s: { isCurrent: boolean }) => !s.isCurrent);
    expect((await person.client.delete(`/api/v1/account/sessions/${other.id}`)).status).toBe(204);
    expect((await laptop.get('/api/v1/session')).body.person).toBeNull();
  });

  it('stores session tokens only as hashes', async () => {
    const person = await ctx.person('Hash');
    const token = person.client.cookies.get('kopa_session') as string;
    const rows = await ctx.db.selectFrom('session').select('token_hash').execute();
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const person = await ctx.person('Csrf');
    const response = await person.client.request(
      'PATCH',
      '/api/v1/account',
      { displayName: 'Changed' },
      { 'x-kopa-csrf': 'forged' },
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('auth.csrf_invalid');
    expect((await person.client.get('/api/v1/session')).body.person.displayName).toBe('Csrf');
  });
});

describe('password reset', () => {
  it('mails a link that sets a new password once and signs out everywhere', async () => {
    const person = await ctx.person('Rosa');
    const anonymous = ctx.client();
    expect((await anonymous.post('/api/v1/account/password-reset', { email: person.email })).status).toBe(
      202,
    );
    expect(
      (await anonymous.post('/api/v1/account/password-reset', { email: 'nobody@example.org' })).status,
    ).toBe(202);
    const token = await ctx.mailedToken(person.email, '/reset-password?token=');
    const weak = await anonymous.post('/api/v1/account/password-reset/confirm', { token, password: 'short' });
    expect(weak.body.error.code).toBe('account.weak_password');
    const done = await anonymous.post('/api/v1/account/password-reset/confirm', {
      token,
      password: 'a-brand-new-passphrase',
    });
    expect(done.status).toBe(204);
    expect(
      (
        await anonymous.post('/api/v1/account/password-reset/confirm', {
          token,
          password: 'another-new-passphrase',
        })
      ).status,
    ).toBe(400);
    expect((await person.client.get('/api/v1/session')).body.person).toBeNull();
    expect(
      (await anonymous.post('/api/v1/session', { email: person.email, password: 'a-brand-new-passphrase' }))
        .status,
    ).toBe(200);
  });
});

describe('language', () => {
  it('remembers the chosen language in a cookie and on the account', async () => {
    const person = await ctx.person('Luca');
    expect((await person.client.put('/api/v1/locale', { locale: 'it' })).status).toBe(204);
    const error = await person.client.get('/api/v1/clusters/does-not-exist');
    expect(error.body.error.message).toBe('Non esiste alcun cluster a questo indirizzo.');
    const fresh = ctx.client('en');
    await fresh.post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
    expect((await fresh.get('/api/v1/session')).body.locale).toBe('it');
  });

  it('follows Accept-Language for anonymous readers', async () => {
    const response = await ctx.client('lv-LV,lv;q=0.9,en;q=0.5').get('/api/v1/clusters/nope');
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      code: 'cluster.not_found',
      message: 'Klastera ar šādu adresi nav.',
    });
  });
});

describe('personal data: export and erasure', () => {
  it('exports everything held about the person as JSON', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const data = await coordinator.client.get('/api/v1/account/export');
    expect(data.status).toBe(200);
    expect(data.headers['content-disposition']).toContain('attachment');
    expect(data.body.person.email).toBe(coordinator.email);
    expect(data.body.roles).toEqual([expect.objectContaining({ cluster: slug, role: 'coordinator' })]);
    expect(data.body.mails.length).toBeGreaterThan(0);
  });

  it('erases the person’s data everywhere while every audit chain stays verifiable', async () => {
    const { coordinator, slug, id: clusterId } = await ctx.cluster();
    const member = await ctx.person('Erasable Person');
    await member.client.post(`/api/v1/clusters/${slug}/join`);
    await coordinator.client.post(`/api/v1/clusters/${slug}/invitations`, {
      email: member.email,
      role: 'observer',
    });
    await member.client.post(
      `/api/v1/invitations/${await ctx.mailedToken(member.email, '/invitations/')}/accept`,
    );
    expect(
      (await member.client.post('/api/v1/account/erase', { password: 'wrong-password' })).body.error.code,
    ).toBe('account.password_wrong');
    expect((await member.client.post('/api/v1/account/erase', { password: TEST_PASSWORD })).status).toBe(204);

    const row = await ctx.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, password_hash: null, display_name: '' });
    expect(row.erased_at).not.toBeNull();
    expect(
      await ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', member.email).execute(),
    ).toEqual([]);
    expect(
      await ctx.db.selectFrom('cluster_role').select('role').where('person_id', '=', member.id).execute(),
    ).toEqual([]);
    const chainText = JSON.stringify(
      await ctx.db.selectFrom('audit_event').selectAll().where('cluster_id', '=', clusterId).execute(),
    );
    expect(chainText).not.toContain(member.email);
    expect(chainText).not.toContain('Erasable Person');
    const { verifyAll } = await import('../transparency/verify.ts');
    expect((await verifyAll(ctx.db, slug))[0]).toMatchObject({ isValid: true });
    expect((await member.client.get('/api/v1/session')).body.person).toBeNull();
    expect(
      (await ctx.client().post('/api/v1/session', { email: member.email, password: TEST_PASSWORD })).status,
    ).toBe(401);
    const people = await coordinator.client.get(`/api/v1/clusters/${slug}/people`);
    expect(people.body.items.map((p: { id: string }) => p.id)).not.toContain(member.id);
    const invitations = await coordinator.client.get(`/api/v1/clusters/${slug}/invitations`);
    expect(JSON.stringify(invitations.body)).not.toContain(member.email);
  });

  it('refuses to erase the only coordinator of a cluster until another is named', async () => {
    const { coordinator } = await ctx.cluster();
    const response = await coordinator.client.post('/api/v1/account/erase', { password: TEST_PASSWORD });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('account.last_coordinator');
  });
});
