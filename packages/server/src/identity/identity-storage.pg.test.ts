import { onPostgres } from '../storage/testing/on-postgres';
import { describeIdentityStorage } from './identity-storage.contract';

// The identity storage contract on PostgreSQL: two pools stand for two server processes.
onPostgres('identity storage', () => {
  describeIdentityStorage('postgres');
});
