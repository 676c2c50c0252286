import { describeRoutingStampContract } from './routing-stamp.contract';

describeRoutingStampContract('sqlite');
