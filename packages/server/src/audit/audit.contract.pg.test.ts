import { onPostgres } from '../storage/testing/on-postgres';
import { describeAuditContract } from './audit.contract';

onPostgres('audit contract', () => {
  describeAuditContract('postgres');
});
