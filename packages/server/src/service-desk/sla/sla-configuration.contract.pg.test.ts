import { onPostgres } from '../../storage/testing/on-postgres';
import { describeSlaConfigurationContract } from './sla-configuration.contract';

onPostgres('SLA configuration contract', () => {
  describeSlaConfigurationContract('postgres');
});
