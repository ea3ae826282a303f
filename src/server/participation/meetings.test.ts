import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysFromNow,
  expectOk,
  openProcess,
  propose,
  resident,
  rowCount,
  type TestProcess,
} from '../../../test/support/participation-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const MEETING = {
  title: 'Walk through the crafts area, then talk',
  format: 'hybrid',
  address: 'Rīgas iela 5, Daugavpils',
  onlineUrl: 'https://meet.example.org/crafts',
  agenda: '1. Walk; 2. Ideas, questions',
  startsAt: daysFromNow(7),
  endsAt: daysFromNow(7.1),
};

async function plan(process: TestProcess, overrides: Record<string, unknown> = {}) {
  const body = expectOk(
    await process.coordinator.client.post(`${process.url}/meetings`, { ...MEETING, ...overrides }),
    201,
  );
  return { id: body.id as string, url: `${process.url}/meetings/${body.id}` };
}

describe('meetings', () => {
  it('lets a coordinator plan a meeting that anyone reads, and refuses an incomplete plan', async () => {
    const process = await openProcess(ctx);
    const meeting = await plan(process, { capacity: 30 });
    expect(expectOk(await ctx.client().get(meeting.url))).toMatchObject({
      title: MEETING.title,
      format: 'hybrid',
      capacity: 30,
      placesLeft: 30,
      viewer: { registration: null },
      can: { register: false, manage: false },
    });
    const someone = await resident(ctx, process.slug);
    const refused = await someone.client.post(`${process.url}/meetings`, MEETING);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'auth.forbidden']);
    for (const [change, code, field] of [
      [{ format: 'in_person', address: '' }, 'participation.meeting_address_required', 'address'],
      [{ format: 'online', onlineUrl: '' }, 'participation.meeting_url_required', 'onlineUrl'],
      [{ endsAt: daysFromNow(6) }, 'participation.meeting_dates_invalid', 'endsAt'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'validation.format', 'onlineUrl'],
    ] as const) {
      const response = await process.coordinator.client.post(`${process.url}/meetings`, {
        ...MEETING,
        ...change,
      });
      expect([response.status, response.body.error.code, response.body.error.field]).toEqual([
        400,
        code,
        field,
      ]);
    }
    expect(await rowCount(ctx, 'meeting', process.clusterId)).toBe(1);
  });

  it('registers people up to the capacity, then keeps a waiting list that moves up when someone cancels', async () => {
    const process = await openProcess(ctx);
    const meeting = await plan(process, { capacity: 2 });
    const [ana, ben, cai, dan] = [
      await resident(ctx, process.slug, 'Ana'),
      await resident(ctx, process.slug, 'Ben'),
      await resident(ctx, process.slug, 'Cai'),
      await resident(ctx, process.slug, 'Dan'),
    ];
    if (!ana || !ben || !cai || !dan) throw new Error('people');
    const registration = `${meeting.url}/registration`;
    expect(expectOk(await ana.client.put(registration)).viewer).toEqual({
      registration: 'registered',
      waitingPosition: null,
    });
    expectOk(await ben.client.put(registration));
    expect(expectOk(await cai.client.put(registration))).toMatchObject({
      registeredCount: 2,
      placesLeft: 0,
      waitingCount: 1,
      viewer: { registration: 'waiting', waitingPosition: 1 },
    });
    expect(expectOk(await dan.client.put(registration)).viewer).toEqual({
      registration: 'waiting',
      waitingPosition: 2,
    });
    // Registering twice changes nothing.
    expect(expectOk(await ana.client.put(registration)).registeredCount).toBe(2);

    expect(expectOk(await ben.client.delete(registration))).toMatchObject({
      registeredCount: 2,
      viewer: { registration: null },
    });
    expect(expectOk(await cai.client.get(meeting.url)).viewer).toEqual({
      registration: 'registered',
      waitingPosition: null,
    });
    expect(expectOk(await dan.client.get(meeting.url)).viewer).toEqual({
      registration: 'waiting',
      waitingPosition: 1,
    });
    const told = expectOk(
      await cai.client.get(`/api/v1/clusters/${process.slug}/participation/notifications`),
    );
    expect(told.items).toEqual([
      expect.objectContaining({ kind: 'meeting_place_offered', meetingId: meeting.id }),
    ]);
    const mail = await ctx.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text'])
      .where('to_address', '=', cai.email)
      .where('subject', 'like', '%place%')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`A place is free for you at “${MEETING.title}”`);
    expect(mail.body_text).toContain(`/participation/processes/${process.id}/meetings/${meeting.id}`);
    // Told in the cluster's time (a Latvian cluster: Riga's), its zone named.
    expect(mail.body_text).toMatch(/ at \d\d:\d\d (AM|PM) GMT\+[23]\./);

    const list = expectOk(await process.coordinator.client.get(`${meeting.url}/registrations?limit=2`));
    expect(
      list.items.map((r: { displayName: string; status: string }) => `${r.displayName}:${r.status}`),
    ).toEqual(['Ana:registered', 'Cai:registered']);
    const rest = expectOk(
      await process.coordinator.client.get(`${meeting.url}/registrations?limit=2&cursor=${list.nextCursor}`),
    );
    expect(rest.items.map((r: { displayName: string }) => r.displayName)).toEqual(['Dan']);
  });

  it('keeps the capacity at or above the people registered, and a larger capacity moves people up', async () => {
    const process = await openProcess(ctx);
    const meeting = await plan(process, { capacity: 1 });
    const [first, second] = [await resident(ctx, process.slug), await resident(ctx, process.slug)];
    expectOk(await first?.client.put(`${meeting.url}/registration`));
    expectOk(await second?.client.put(`${meeting.url}/registration`));
    const smaller = await process.coordinator.client.patch(meeting.url, { capacity: 1, title: 'Renamed' });
    expect(smaller.status).toBe(200);
    const larger = expectOk(await process.coordinator.client.patch(meeting.url, { capacity: 5 }));
    expect(larger).toMatchObject({ registeredCount: 2, waitingCount: 0 });
    const below = await process.coordinator.client.patch(meeting.url, { capacity: 1 });
    expect([below.status, below.body.error.code]).toEqual([409, 'participation.capacity_below_registered']);
  });

  it('closes registration once the meeting has started', async () => {
    const process = await openProcess(ctx);
    const meeting = await plan(process, { startsAt: daysFromNow(-0.1), endsAt: daysFromNow(0.1) });
    const late = await resident(ctx, process.slug);
    const refused = await late.client.put(`${meeting.url}/registration`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'participation.meeting_started']);
  });

  it('records minutes, attendees and the proposals that came out of a meeting, once it is over', async () => {
    const process = await openProcess(ctx);
    const elsewhere = await openProcess(ctx, {
      cluster: { slug: process.slug, id: process.clusterId, coordinator: process.coordinator },
    });
    const upcoming = await plan(process);
    const past = await plan(process, { startsAt: daysFromNow(-2), endsAt: daysFromNow(-1.9) });
    const idea = await propose(process, process.coordinator, { title: 'Covered market' });
    const foreign = await propose(elsewhere, process.coordinator, { title: 'Elsewhere' });
    const minutes = { minutes: 'We walked and talked.', attendeeCount: 41, proposalIds: [idea.id] };
    const early = await process.coordinator.client.post(`${upcoming.url}/minutes`, minutes);
    expect([early.status, early.body.error.code]).toEqual([409, 'participation.meeting_not_over']);
    const wrong = await process.coordinator.client.post(`${past.url}/minutes`, {
      ...minutes,
      proposalIds: [foreign.id],
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([404, 'participation.proposal_not_found']);
    const closed = expectOk(await process.coordinator.client.post(`${past.url}/minutes`, minutes));
    expect(closed).toMatchObject({
      minutes: 'We walked and talked.',
      attendeeCount: 41,
      proposals: [{ id: idea.id, title: 'Covered market', state: 'published' }],
    });
    expect(closed.closedAt).not.toBeNull();
  });

  it('serves a valid iCalendar file per meeting and a feed per process', async () => {
    const process = await openProcess(ctx, { body: { title: 'Crafts area; phase 1, 2026' } });
    const first = await plan(process, {
      title: 'Ideas evening',
      startsAt: '2026-09-01T16:00:00Z',
      endsAt: '2026-09-01T18:00:00Z',
    });
    await plan(process, {
      title: 'Online Q&A',
      format: 'online',
      address: '',
      startsAt: '2026-09-08T17:00:00+02:00',
      endsAt: '2026-09-08T18:00:00+02:00',
    });
    const file = await ctx.client().get(`${first.url}/calendar.ics`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = file.body as string;
    expect(
      text
        .split('\r\n')
        .slice(0, -1)
        .every((line) => new TextEncoder().encode(line).length <= 75 && !line.includes('\n')),
    ).toBe(true);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') ?? undefined,
    );
    expect(event.uid).toBe(`${first.id}@kopa.test`);
    expect(event.summary).toBe('Ideas evening');
    expect(event.location).toBe(MEETING.address);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-09-01T16:00:00.000Z');

    const feed = await ctx.client().get(`${process.url}/meetings.ics`);
    const calendar = new ICAL.Component(ICAL.parse(feed.body as string));
    // The parser keeps an X- property's value as written: escaped as TEXT (RFC 5545 §3.8.8.2).
    expect(feed.body).toContain('\r\nX-WR-CALNAME:Crafts area\\; phase 1\\, 2026\r\n');
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.location])).toEqual([
      ['Ideas evening', '2026-09-01T16:00:00.000Z', MEETING.address],
      ['Online Q&A', '2026-09-08T15:00:00.000Z', MEETING.onlineUrl],
    ]);
  });
});
