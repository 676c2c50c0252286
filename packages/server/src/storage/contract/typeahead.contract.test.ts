import { describeTypeaheadContract } from './typeahead.contract';

describeTypeaheadContract('sqlite');
