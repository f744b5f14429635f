export {
  databaseKinds,
  useTestDatabase,
  type DatabaseKind,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-database.js';
export { createTestSignal, createTestUser, testSignal } from './factories.js';
