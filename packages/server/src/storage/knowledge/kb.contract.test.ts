import { describeKnowledgeContract } from './kb.contract';

describeKnowledgeContract('sqlite');
