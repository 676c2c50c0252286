import { describeIdentityStorage } from './identity-storage.contract';

describeIdentityStorage('sqlite');
