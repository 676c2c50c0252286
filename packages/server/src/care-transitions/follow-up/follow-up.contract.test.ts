import { describeFollowUpContract } from './follow-up.contract';

describeFollowUpContract('sqlite');
