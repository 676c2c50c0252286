import { onPostgres } from '../../storage/testing/on-postgres';
import { describeRoutingStampContract } from './routing-stamp.contract';

onPostgres('routing stamp contract', () => {
  describeRoutingStampContract('postgres');
});
