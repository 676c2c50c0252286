import { onPostgres } from '../../storage/testing/on-postgres';
import { describeFollowUpContract } from './follow-up.contract';

onPostgres('follow-up contract', () => {
  describeFollowUpContract('postgres');
});
