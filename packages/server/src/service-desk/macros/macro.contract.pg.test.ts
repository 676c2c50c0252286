import { onPostgres } from '../../storage/testing/on-postgres';
import { describeMacroContract } from './macro.contract';

onPostgres('macro contract', () => {
  describeMacroContract('postgres');
});
