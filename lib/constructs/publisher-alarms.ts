import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PublisherAlarmsProps {
  /**
   * The function whose errors raise an alarm.
   */
  readonly function: IFunction;
  /**
   * The dead-letter queue whose messages raise an alarm.
   */
  readonly deadLetterQueue: IQueue;
  /**
   * Prefix of the alarm names.
   * @default 'opendata'
   */
  readonly namePrefix?: string;
  /**
   * Subscribed to the alarm topic.
   * @default - no subscription; subscribe to the topic by other means
   */
  readonly email?: string;
}

/** Alarms on failed runs and on undeliverable events, sent to one SNS topic. */
export class PublisherAlarms extends Construct {
  readonly topic: Topic;
  readonly errors: Alarm;
  readonly deadLetters: Alarm;

  constructor(scope: Construct, id: string, props: PublisherAlarmsProps) {
    super(scope, id);
    const prefix = props.namePrefix ?? 'opendata';
    this.topic = new Topic(this, 'Topic', { displayName: `${prefix} publisher alarms`, enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    this.errors = new Alarm(this, 'Errors', {
      alarmName: `${prefix}-publisher-errors`,
      alarmDescription: 'A publication failed or left out a report: see the function logs',
      metric: props.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deadLetters = new Alarm(this, 'DeadLetters', {
      alarmName: `${prefix}-publisher-dead-letters`,
      alarmDescription: 'Publisher events were given up on and are waiting in the dead-letter queue',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    for (const alarm of [this.errors, this.deadLetters]) alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
