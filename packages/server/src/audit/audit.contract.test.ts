import { describeAuditContract } from './audit.contract';

describeAuditContract('sqlite');
