/**
 * The participation routes: a coordinator of cluster A manages nothing in another cluster's
 * processes, and the other cluster's processes, proposals, comments and results do not exist under
 * A's slug. The other cluster here is a public one of its own (so cluster B's audit log stays as the
 * other cases expect); a members-only cluster answers 404 to outsiders whatever the route.
 */
import { expect } from 'vitest';
import { expectOk, openProcess, propose } from '../support/participation-fixture.ts';
import { denied, type TenantCase, type TenantCaseSet } from '../support/tenant-isolation.ts';

export const participationCases: TenantCaseSet = {
  async prepare({ ctx, intruder, slugA, privateB }) {
    const other = await openProcess(ctx);
    const owner = other.coordinator.client;
    const proposal = await propose(other, other.coordinator);
    const comment = expectOk(await owner.post(`${proposal.url}/comments`, { body: 'A first thought' }), 201);
    expectOk(
      await owner.post(`${proposal.url}/answer`, {
        answer: 'accepted',
        reasoning: 'Cheap and wanted.',
        inputEffect: 'Residents chose the street.',
      }),
    );
    const meeting = expectOk(
      await owner.post(`${other.url}/meetings`, {
        title: 'Open evening',
        format: 'in_person',
        address: 'Town hall',
        startsAt: '2099-05-01T16:00:00Z',
        endsAt: '2099-05-01T18:00:00Z',
        capacity: 10,
      }),
      201,
    );
    expectOk(await owner.put(`${other.url}/meetings/${meeting.id}/registration`));
    const survey = expectOk(
      await owner.post(`${other.url}/surveys`, {
        title: 'Priorities',
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        questions: [{ kind: 'short_text', prompt: 'Your secret wish' }],
      }),
      201,
    );
    expectOk(
      await owner.post(`${other.url}/surveys/${survey.id}/responses`, {
        answers: [{ questionId: survey.questions[0].id, text: 'A private wish' }],
      }),
      201,
    );
    const accepted = expectOk(await owner.get(proposal.url));
    const resultId = accepted.resultId as string;
    const ownProcess = await openProcess(ctx, {
      cluster: { slug: slugA, id: '', coordinator: intruder },
    });

    const c = intruder.client;
    const p = `/api/v1/clusters/${other.slug}`;
    const a = `/api/v1/clusters/${slugA}`;
    const hidden = `/api/v1/clusters/${privateB.slug}`;
    const processPath = `/processes/${other.id}`;
    const proposalPath = `${processPath}/proposals/${proposal.id}`;
    const resultPath = `${processPath}/results/${resultId}`;
    const meetingPath = `${processPath}/meetings/${meeting.id}`;
    const surveyPath = `${processPath}/surveys/${survey.id}`;
    const forbidden = denied(403, 'auth.forbidden');
    const noProcess = denied(404, 'participation.process_not_found');
    const noCluster = denied(404, 'cluster.not_found');
    const phases = {
      phases: [{ kind: 'information', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-02-01T00:00:00Z' }],
    };
    const moderation = { reason: 'spam' };
    const milestone = { title: 'Works started', happenedOn: '2026-03-01' };

    /** The other cluster's ids under A's slug do not exist; the members-only cluster is not there. */
    const elsewhere = async (method: string, path: string, body?: unknown) => {
      noProcess(await c.request(method, `${a}${path}`, body));
      noCluster(await c.request(method, `${hidden}${path}`, body));
    };
    const route = (method: string, path: string, check: () => Promise<void>): TenantCase => ({
      method,
      path: `/clusters/{slug}${path}`,
      check,
    });

    return () => [
      route('GET', '/processes', async () => {
        expect((await c.get(`${p}/processes`)).body.items.map((x: { id: string }) => x.id)).toEqual([
          other.id,
        ]);
        expect((await c.get(`${a}/processes`)).body.items.map((x: { id: string }) => x.id)).toEqual([
          ownProcess.id,
        ]);
        noCluster(await c.get(`${hidden}/processes`));
      }),
      route('POST', '/processes', async () => {
        const body = { title: 'Mine', participationLevel: 'inform', phases: [] };
        forbidden(await c.post(`${p}/processes`, body));
        noCluster(await c.post(`${hidden}/processes`, body));
      }),
      route('GET', '/processes/{processId}', async () => {
        expect((await c.get(`${p}${processPath}`)).body.can.manage).toBe(false);
        await elsewhere('GET', processPath);
      }),
      route('PATCH', '/processes/{processId}', async () => {
        forbidden(await c.patch(`${p}${processPath}`, { title: 'Taken over' }));
        await elsewhere('PATCH', processPath, { title: 'Taken over' });
      }),
      route('PUT', '/processes/{processId}/phases', async () => {
        forbidden(await c.put(`${p}${processPath}/phases`, phases));
        await elsewhere('PUT', `${processPath}/phases`, phases);
      }),
      route('GET', '/processes/{processId}/proposals', async () => {
        expect((await c.get(`${p}${processPath}/proposals`)).body.items).toHaveLength(1);
        await elsewhere('GET', `${processPath}/proposals`);
      }),
      route('POST', '/processes/{processId}/proposals', async () => {
        await elsewhere('POST', `${processPath}/proposals`, { title: 'Idea', body: '' });
      }),
      route('GET', '/processes/{processId}/proposals/categories', async () => {
        await elsewhere('GET', `${processPath}/proposals/categories`);
      }),
      route('GET', '/processes/{processId}/proposals/similar', async () => {
        await elsewhere('GET', `${processPath}/proposals/similar?title=Shade`);
      }),
      route('GET', '/processes/{processId}/proposals/{proposalId}', async () => {
        expect((await c.get(`${p}${proposalPath}`)).body.can.answer).toBe(false);
        await elsewhere('GET', proposalPath);
        denied(
          404,
          'participation.proposal_not_found',
        )(await c.get(`${a}/processes/${ownProcess.id}/proposals/${proposal.id}`));
      }),
      route('PATCH', '/processes/{processId}/proposals/{proposalId}', async () => {
        denied(403, 'participation.not_author')(await c.patch(`${p}${proposalPath}`, { title: 'Mine' }));
        await elsewhere('PATCH', proposalPath, { title: 'Mine' });
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/withdraw', async () => {
        denied(403, 'participation.not_author')(await c.post(`${p}${proposalPath}/withdraw`));
        await elsewhere('POST', `${proposalPath}/withdraw`);
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/coauthors', async () => {
        denied(
          403,
          'participation.not_author',
        )(await c.post(`${p}${proposalPath}/coauthors`, { personId: intruder.id }));
        await elsewhere('POST', `${proposalPath}/coauthors`, { personId: intruder.id });
      }),
      route('GET', '/processes/{processId}/proposals/{proposalId}/coauthor-candidates', async () => {
        denied(403, 'participation.not_author')(await c.get(`${p}${proposalPath}/coauthor-candidates?q=Co`));
        await elsewhere('GET', `${proposalPath}/coauthor-candidates?q=Co`);
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/coauthors/me', async () => {
        denied(
          404,
          'participation.coauthor_invitation_not_found',
        )(await c.post(`${p}${proposalPath}/coauthors/me`));
        await elsewhere('POST', `${proposalPath}/coauthors/me`);
      }),
      route('DELETE', '/processes/{processId}/proposals/{proposalId}/coauthors/me', async () => {
        denied(
          404,
          'participation.coauthor_invitation_not_found',
        )(await c.delete(`${p}${proposalPath}/coauthors/me`));
        await elsewhere('DELETE', `${proposalPath}/coauthors/me`);
      }),
      route('PUT', '/processes/{processId}/proposals/{proposalId}/support', async () => {
        await elsewhere('PUT', `${proposalPath}/support`);
      }),
      route('DELETE', '/processes/{processId}/proposals/{proposalId}/support', async () => {
        await elsewhere('DELETE', `${proposalPath}/support`);
      }),
      route('PUT', '/processes/{processId}/proposals/{proposalId}/follow', async () => {
        await elsewhere('PUT', `${proposalPath}/follow`);
      }),
      route('DELETE', '/processes/{processId}/proposals/{proposalId}/follow', async () => {
        await elsewhere('DELETE', `${proposalPath}/follow`);
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/answer', async () => {
        const answer = { answer: 'rejected', reasoning: 'No', inputEffect: 'None' };
        forbidden(await c.post(`${p}${proposalPath}/answer`, answer));
        await elsewhere('POST', `${proposalPath}/answer`, answer);
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/hide', async () => {
        forbidden(await c.post(`${p}${proposalPath}/hide`, moderation));
        await elsewhere('POST', `${proposalPath}/hide`, moderation);
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/reports', async () => {
        await elsewhere('POST', `${proposalPath}/reports`, moderation);
      }),
      route('GET', '/processes/{processId}/proposals/{proposalId}/comments', async () => {
        expect((await c.get(`${p}${proposalPath}/comments`)).body.items).toHaveLength(1);
        await elsewhere('GET', `${proposalPath}/comments`);
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/comments', async () => {
        await elsewhere('POST', `${proposalPath}/comments`, { body: 'Hello' });
      }),
      route('POST', '/processes/{processId}/proposals/{proposalId}/comments/{commentId}/hide', async () => {
        forbidden(await c.post(`${p}${proposalPath}/comments/${comment.id}/hide`, moderation));
        await elsewhere('POST', `${proposalPath}/comments/${comment.id}/hide`, moderation);
      }),
      route('GET', '/participation/reports', async () => {
        forbidden(await c.get(`${p}/participation/reports`));
        expect((await c.get(`${a}/participation/reports`)).body.items).toEqual([]);
        noCluster(await c.get(`${hidden}/participation/reports`));
      }),
      route('GET', '/processes/{processId}/meetings', async () => {
        expect((await c.get(`${p}${processPath}/meetings`)).body.items).toHaveLength(1);
        await elsewhere('GET', `${processPath}/meetings`);
      }),
      route('GET', '/processes/{processId}/meetings.ics', async () => {
        expect((await c.get(`${p}${processPath}/meetings.ics`)).body).toContain('Open evening');
        await elsewhere('GET', `${processPath}/meetings.ics`);
      }),
      route('POST', '/processes/{processId}/meetings', async () => {
        const plan = {
          title: 'Mine',
          format: 'online',
          onlineUrl: 'https://x.example',
          startsAt: '2099-01-01T00:00:00Z',
          endsAt: '2099-01-01T01:00:00Z',
        };
        forbidden(await c.post(`${p}${processPath}/meetings`, plan));
        await elsewhere('POST', `${processPath}/meetings`, plan);
      }),
      route('GET', '/processes/{processId}/meetings/{meetingId}', async () => {
        expect((await c.get(`${p}${meetingPath}`)).body).toMatchObject({
          registeredCount: 1,
          can: { manage: false },
        });
        await elsewhere('GET', meetingPath);
      }),
      route('GET', '/processes/{processId}/meetings/{meetingId}/calendar.ics', async () => {
        await elsewhere('GET', `${meetingPath}/calendar.ics`);
      }),
      route('PATCH', '/processes/{processId}/meetings/{meetingId}', async () => {
        forbidden(await c.patch(`${p}${meetingPath}`, { capacity: 1000 }));
        await elsewhere('PATCH', meetingPath, { capacity: 1000 });
      }),
      route('PUT', '/processes/{processId}/meetings/{meetingId}/registration', async () => {
        await elsewhere('PUT', `${meetingPath}/registration`);
      }),
      route('DELETE', '/processes/{processId}/meetings/{meetingId}/registration', async () => {
        await elsewhere('DELETE', `${meetingPath}/registration`);
        expect((await owner.get(`${p}${meetingPath}`)).body.viewer.registration).toBe('registered');
      }),
      route('GET', '/processes/{processId}/meetings/{meetingId}/registrations', async () => {
        forbidden(await c.get(`${p}${meetingPath}/registrations`));
        await elsewhere('GET', `${meetingPath}/registrations`);
      }),
      route('POST', '/processes/{processId}/meetings/{meetingId}/minutes', async () => {
        const minutes = { minutes: 'Forged', attendeeCount: 1 };
        forbidden(await c.post(`${p}${meetingPath}/minutes`, minutes));
        await elsewhere('POST', `${meetingPath}/minutes`, minutes);
      }),
      route('GET', '/processes/{processId}/surveys', async () => {
        expect((await c.get(`${p}${processPath}/surveys`)).body.items).toHaveLength(1);
        await elsewhere('GET', `${processPath}/surveys`);
      }),
      route('POST', '/processes/{processId}/surveys', async () => {
        const ask = {
          title: 'Mine',
          opensAt: '2026-01-01T00:00:00Z',
          closesAt: '2099-01-01T00:00:00Z',
          questions: [{ kind: 'long_text', prompt: 'Q' }],
        };
        forbidden(await c.post(`${p}${processPath}/surveys`, ask));
        await elsewhere('POST', `${processPath}/surveys`, ask);
      }),
      route('GET', '/processes/{processId}/surveys/{surveyId}', async () => {
        expect((await c.get(`${p}${surveyPath}`)).body.can.manage).toBe(false);
        await elsewhere('GET', surveyPath);
      }),
      route('POST', '/processes/{processId}/surveys/{surveyId}/responses', async () => {
        await elsewhere('POST', `${surveyPath}/responses`, { answers: [] });
      }),
      route('GET', '/processes/{processId}/surveys/{surveyId}/results', async () => {
        const results = await c.get(`${p}${surveyPath}/results`);
        expect(results.body.responseCount).toBe(1);
        expect(JSON.stringify(results.body)).not.toContain('A private wish');
        await elsewhere('GET', `${surveyPath}/results`);
      }),
      route('GET', '/processes/{processId}/surveys/{surveyId}/responses.csv', async () => {
        forbidden(await c.get(`${p}${surveyPath}/responses.csv`));
        await elsewhere('GET', `${surveyPath}/responses.csv`);
      }),
      route('GET', '/processes/{processId}/results', async () => {
        expect((await c.get(`${p}${processPath}/results`)).body.items).toHaveLength(1);
        await elsewhere('GET', `${processPath}/results`);
      }),
      route('GET', '/processes/{processId}/results/{resultId}', async () => {
        expect((await c.get(`${p}${resultPath}`)).body.can.manage).toBe(false);
        await elsewhere('GET', resultPath);
      }),
      route('PATCH', '/processes/{processId}/results/{resultId}', async () => {
        forbidden(await c.patch(`${p}${resultPath}`, { title: 'Mine' }));
        await elsewhere('PATCH', resultPath, { title: 'Mine' });
      }),
      route('POST', '/processes/{processId}/results/{resultId}/milestones', async () => {
        forbidden(await c.post(`${p}${resultPath}/milestones`, milestone));
        await elsewhere('POST', `${resultPath}/milestones`, milestone);
      }),
      route('PUT', '/processes/{processId}/results/{resultId}/follow', async () => {
        await elsewhere('PUT', `${resultPath}/follow`);
      }),
      route('DELETE', '/processes/{processId}/results/{resultId}/follow', async () => {
        await elsewhere('DELETE', `${resultPath}/follow`);
      }),
      route('GET', '/participation/notifications', async () => {
        // The other cluster's owner was told nothing about A; A's list is the intruder's own.
        expect((await c.get(`${p}/participation/notifications`)).body.items).toEqual([]);
        noCluster(await c.get(`${hidden}/participation/notifications`));
      }),
      route('POST', '/participation/notifications/read', async () => {
        expect((await c.post(`${p}/participation/notifications/read`)).body).toEqual({ unreadCount: 0 });
        noCluster(await c.post(`${hidden}/participation/notifications/read`));
      }),
      route('POST', '/participation/notifications/{notificationId}/read', async () => {
        const theirs = await ctx.db
          .selectFrom('participation_notification')
          .select('id')
          .where('person_id', '=', other.coordinator.id)
          .executeTakeFirst();
        const id = theirs?.id ?? '00000000-0000-7000-8000-000000000000';
        denied(
          404,
          'participation.notification_not_found',
        )(await c.post(`${p}/participation/notifications/${id}/read`));
        denied(
          404,
          'participation.notification_not_found',
        )(await c.post(`${a}/participation/notifications/${id}/read`));
      }),
    ];
  },
};
