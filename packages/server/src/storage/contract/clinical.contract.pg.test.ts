import { onPostgres } from '../testing/on-postgres';
import { describeClinicalContract } from './clinical.contract';

onPostgres('clinical contract', () => {
  describeClinicalContract('postgres');
});
