import { describeRegistryContract } from './registry.contract';

describeRegistryContract('sqlite');
