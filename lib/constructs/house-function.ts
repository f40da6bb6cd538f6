import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface HouseNodejsFunctionProps extends NodejsFunctionProps {
  /**
   * Path to the handler's TypeScript file.
   */
  readonly entry: string;
  /**
   * How long the function's log group keeps its events.
   * @default RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: RetentionDays;
}

/** The newest Node.js runtime in aws-cdk-lib 2.276 (cdk-nag L1 asks for the newest). */
const HOUSE_RUNTIME = Runtime.NODEJS_24_X;

/**
 * A `NodejsFunction` with the house defaults: the newest Node.js runtime, ARM64, 1 GB, 5 minutes,
 * ESM bundled by the local esbuild with source maps, JSON logs into its own log group with a
 * retention, and a role that may write only to that log group (no managed policy).
 * Every default can be overridden by the props.
 */
export class HouseNodejsFunction extends NodejsFunction {
  /** The log group the function writes to. */
  readonly logs: LogGroup;

  constructor(scope: Construct, id: string, props: HouseNodejsFunctionProps) {
    const { logRetention = RetentionDays.THREE_MONTHS, ...functionProps } = props;
    const logs = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role =
      props.role ?? new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    super(scope, id, {
      runtime: HOUSE_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.minutes(5),
      loggingFormat: LoggingFormat.JSON,
      logGroup: logs,
      role,
      ...functionProps,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...functionProps.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        sourceMap: true,
        minify: true,
        // Pinned by the lock file instead of whatever SDK the runtime happens to carry.
        bundleAwsSDK: true,
        // Some dependencies still call require(); ESM output needs it defined.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        ...functionProps.bundling,
      },
    });
    this.logs = logs;
    logs.grantWrite(role);
  }
}
