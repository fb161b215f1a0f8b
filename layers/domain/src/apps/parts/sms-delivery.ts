import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeviceStore } from '../../messaging/devices/device-store';
import type { MessageWorkerConfig, SmsNoticesConfig } from '../../messaging/messaging-config';
import { DeviceAndConnectionReach } from '../../messaging/sms/app-reach';
import { CognitoPhoneVerification } from '../../messaging/sms/cognito-phone-verification';
import { DynamoDbSmsAllowance } from '../../messaging/sms/dynamodb-sms-allowance';
import { SmsDelivery } from '../../messaging/sms/sms-delivery';
import type { SmsSender } from '../../messaging/sms/sms-sender';
import { ProfileSmsSubscriptions } from '../../messaging/sms/sms-subscriptions';
import { SnsSmsSender } from '../../messaging/sms/sns-sms-sender';
import { DynamoDbProfileStore } from '../../profiles/dynamodb-profile-store';
import { DynamoDbConnectionStore } from '../../realtime/dynamodb-connection-store';

/** What the SMS channel reads: the worker's table and its devices, and the SNS it texts through. */
export interface SmsDeliveryWiring {
  config: MessageWorkerConfig;
  documents: DynamoDBDocumentClient;
  devices: DeviceStore;
  sms?: SmsSender | undefined;
}

/** SMS notices on AppTable (profiles, devices, connections, counters), Cognito and SNS. */
export function createSmsDelivery(sms: SmsNoticesConfig, wiring: SmsDeliveryWiring): SmsDelivery {
  const { documents, config } = wiring;
  return new SmsDelivery({
    subscriptions: new ProfileSmsSubscriptions(
      new DynamoDbProfileStore(documents, config.appTableName),
    ),
    reach: new DeviceAndConnectionReach(
      wiring.devices,
      new DynamoDbConnectionStore(documents, config.appTableName),
      config.platformApplications,
    ),
    verification: CognitoPhoneVerification.create(sms.userPoolId),
    allowance: new DynamoDbSmsAllowance(documents, config.appTableName, sms.perHour),
    sender: wiring.sms ?? SnsSmsSender.create(),
  });
}
