import { onPostgres } from '../../storage/testing/on-postgres';
import { describeCaseContract } from './case-service.contract';

onPostgres('case contract', () => {
  describeCaseContract('postgres');
});
