import { appRouter } from '../src/index.js';

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
}

/** Every procedure of the router, by its dotted path. */
export function allProcedures(): ProcedureInfo[] {
  // The type says nested routers; at run time tRPC keeps every procedure flat, by dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureInfo['type'] } }
  >;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
