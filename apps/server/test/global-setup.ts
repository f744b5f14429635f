// One migrated PGlite template per test run, cloned by every test file (see @prevention/db/testing).
export { default } from '@prevention/db/testing/global-setup';
