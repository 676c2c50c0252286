import { describeCaseContract } from './case-service.contract';

describeCaseContract('sqlite');
