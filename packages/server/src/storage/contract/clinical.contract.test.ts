import { describeClinicalContract } from './clinical.contract';

describeClinicalContract('sqlite');
