import { onPostgres } from '../testing/on-postgres';
import { describeKnowledgeContract } from './kb.contract';

onPostgres('knowledge-base contract', () => {
  describeKnowledgeContract('postgres');
});
