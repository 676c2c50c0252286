import { describeInboxBatchContract } from './hl7-inbox-batch.contract';

describeInboxBatchContract('sqlite');
