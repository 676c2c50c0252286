import { describeSlaConfigurationContract } from './sla-configuration.contract';

describeSlaConfigurationContract('sqlite');
