import { TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge, arnWildcard } from '../nag-acknowledgements.ts';

export interface PublishScheduleProps {
  /**
   * The function to run.
   */
  readonly target: IFunction;
  /**
   * EventBridge Scheduler expression, `cron(…)` or `rate(…)`.
   * @default 'cron(0 2 * * ? *)' (every day at 02:00)
   */
  readonly expression?: string;
  /**
   * IANA time zone the expression is read in.
   * @default 'Asia/Shanghai'
   */
  readonly timeZone?: string;
  /**
   * Where events go that Scheduler could not deliver.
   * @default - none
   */
  readonly deadLetterQueue?: IQueue;
}

/** The event the schedule sends; lambda/handlers/events.ts recognises it. */
export const SCHEDULED_EVENT = { trigger: 'schedule' } as const;

/** Runs the publisher regularly, so that reports changed behind S3's back are picked up too. */
export class PublishSchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: PublishScheduleProps) {
    super(scope, id);
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Regenerates the open data from the reports',
      schedule: ScheduleExpression.expression(
        props.expression ?? 'cron(0 2 * * ? *)',
        TimeZone.of(props.timeZone ?? 'Asia/Shanghai'),
      ),
      target: new LambdaInvoke(props.target, {
        input: ScheduleTargetInput.fromObject(SCHEDULED_EVENT),
        role,
        ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      }),
    });
    acknowledge(
      role,
      arnWildcard(props.target, ':*'),
      'aws-cdk-lib LambdaInvoke lets the schedule invoke the function and its versions (ARN:*), nothing else.',
    );
  }
}
