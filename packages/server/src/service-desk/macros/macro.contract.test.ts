import { describeMacroContract } from './macro.contract';

describeMacroContract('sqlite');
