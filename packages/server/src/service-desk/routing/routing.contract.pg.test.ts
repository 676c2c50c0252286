import { onPostgres } from '../../storage/testing/on-postgres';
import { describeRoutingContract } from './routing.contract';

onPostgres('routing contract', () => {
  describeRoutingContract('postgres');
});
