import { onPostgres } from '../testing/on-postgres';
import { describeTypeaheadContract } from './typeahead.contract';

onPostgres('typeahead contract', () => {
  describeTypeaheadContract('postgres');
});
