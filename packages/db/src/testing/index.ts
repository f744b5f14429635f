export {
  databaseKinds,
  useTestDatabase,
  type DatabaseKind,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-database.js';
export {
  createTestSignal,
  createTestSubnationalAreas,
  createTestUser,
  testAlert,
  testAlertRuleDraft,
  testSignal,
} from './factories.js';
