import { describeAdtContract } from './adt.contract';

describeAdtContract('sqlite');
