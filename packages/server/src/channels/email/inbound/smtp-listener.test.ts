import { describeSmtpListener } from './smtp-listener.contract';

describeSmtpListener('sqlite');
