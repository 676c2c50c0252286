import { onPostgres } from '../../../storage/testing/on-postgres';
import { describeSmtpListener } from './smtp-listener.contract';

onPostgres('SMTP listener contract', () => {
  describeSmtpListener('postgres');
});
