import { describeRoutingContract } from './routing.contract';

describeRoutingContract('sqlite');
