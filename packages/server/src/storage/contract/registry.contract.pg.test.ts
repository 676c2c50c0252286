import { onPostgres } from '../testing/on-postgres';
import { describeRegistryContract } from './registry.contract';

onPostgres('storage contract', () => {
  describeRegistryContract('postgres');
});
