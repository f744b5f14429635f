export {
  createContextInner,
  type ApiDependencies,
  type Context,
  type RequestInfo,
} from './context.js';
export { toClientError, type ClientError } from './error-formatter.js';
export {
  appRouter,
  createCaller,
  type AppRouter,
  type RouterInputs,
  type RouterOutputs,
} from './root.js';
export { MAX_BATCH_SIZE } from './trpc.js';
