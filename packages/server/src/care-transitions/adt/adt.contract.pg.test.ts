import { onPostgres } from '../../storage/testing/on-postgres';
import { describeAdtContract } from './adt.contract';

onPostgres('ADT contract', () => {
  describeAdtContract('postgres');
});
