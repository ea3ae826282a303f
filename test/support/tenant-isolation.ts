/**
 * The shared world of the tenant-isolation test: an intruder who coordinates cluster A, a public
 * cluster B and a members-only cluster B'. Each product area adds its own cases (and its own data
 * in those clusters) in test/tenant-isolation/*.ts; the test fails if any cluster-scoped route of
 * the OpenAPI document has no case.
 */
import { expect } from 'vitest';
import type { TestContext, TestPerson } from './test-app.ts';

export interface TenantWorld {
  readonly ctx: TestContext;
  /** Coordinator of cluster A, and nothing in B. */
  readonly intruder: TestPerson;
  readonly slugA: string;
  /** An active member organisation of A. */
  readonly ownOrganisationId: string;
  readonly publicB: {
    readonly slug: string;
    readonly coordinator: TestPerson;
    readonly applicantId: string;
    /** An active member of B; B's coordinator represents it. */
    readonly activeId: string;
    readonly mandateId: string;
  };
  readonly privateB: { readonly slug: string; readonly activeId: string };
}

export interface TenantCase {
  readonly method: string;
  /** As in the OpenAPI document, without the /api/v1 prefix. */
  readonly path: string;
  readonly check: () => Promise<void>;
}

/** One product area's cases: `prepare` adds its data to the world once, `cases` lists the checks. */
export interface TenantCaseSet {
  prepare(world: TenantWorld): Promise<() => TenantCase[]>;
}

export const denied =
  (status: number, code: string) => (response: { status: number; body: { error?: { code: string } } }) => {
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
  };
