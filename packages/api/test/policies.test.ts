import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { policies, policyFor } from '../src/index.js';
import { procedure, publicProcedure, router, createCallerFactory } from '../src/trpc.js';
import { contextFor, failure, testDependencies } from './harness.js';
import { allProcedures } from './procedures.js';

describe('access policies', () => {
  it('declares a policy for every procedure of the router', () => {
    const missing = allProcedures()
      .map((p) => p.path)
      .filter((path) => !policyFor(path));
    expect(missing, 'procedures without a policy in src/policies.ts').toEqual([]);
  });

  it('declares no policy for a procedure that does not exist', () => {
    const paths = new Set(allProcedures().map((p) => p.path));
    expect(Object.keys(policies).filter((path) => !paths.has(path))).toEqual([]);
  });

  it('keeps public only what must be reachable before signing in', () => {
    const publicPaths = Object.entries(policies)
      .filter(([, policy]) => policy.access === 'public')
      .map(([path]) => path)
      .sort();
    expect(publicPaths).toEqual([
      'auth.demoAccounts',
      'auth.session',
      'auth.signIn',
      'auth.signOut',
      'auth.verifySecondFactor',
      'system.info',
    ]);
  });

  it('refuses to run a procedure that has no policy, to everyone', async () => {
    const rogue = router({
      undeclared: publicProcedure.input(z.object({})).query(() => 'leaked'),
      undeclaredSignedIn: procedure.query(() => 'leaked'),
    });
    const deps = testDependencies(null as never, 'pglite');
    const caller = createCallerFactory(rogue)(
      contextFor(deps, {
        userId: '01932b6e-8f3a-7c00-8000-000000000001',
        roles: ['administrator'],
        scope: { kind: 'global' },
        clearance: 'strictly-confidential',
      }),
    );
    for (const call of [caller.undeclared({}), caller.undeclaredSignedIn()]) {
      const error = await failure(call);
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toBe('This operation is not available.');
    }
  });
});
